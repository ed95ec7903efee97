using System.Text;
using PteroAot.Cli.Infrastructure;

namespace PteroAot.Cli.Terminal;

/// <summary>
/// Reads passwords, keys and codes: from stdin lines when the user asked for it (<c>--password-stdin</c>), or from
/// a no-echo prompt when stdin is a terminal. A non-terminal stdin without the flag is a usage error, never a hang.
/// </summary>
internal sealed class SecretInput
{
    private int _linesRead;

    /// <summary>Fails at once (before any request) when a value would have to be prompted for but stdin is not a terminal.</summary>
    public static void RequireSource(bool fromStdin, string flag, string what)
    {
        if (!fromStdin && !Term.StdinIsTerminal)
            throw new UsageException($"{what} is needed but stdin is not a terminal, so ptero cannot prompt; pass {flag}.");
    }

    /// <summary>Reads one value: the next stdin line when <paramref name="fromStdin"/> and stdin is redirected, else a hidden prompt.</summary>
    public string Read(bool fromStdin, string flag, string prompt, CancellationToken cancellationToken)
    {
        string value;
        if (fromStdin && Console.IsInputRedirected)
        {
            var line = Console.In.ReadLine();
            _linesRead++;
            if (line is null)
                throw new UsageException($"{flag} was given but stdin ended before line {_linesRead} ({prompt.TrimEnd(':', ' ').ToLowerInvariant()}).");
            value = line.TrimEnd('\r');
        }
        else
        {
            RequireSource(fromStdin, flag, prompt.TrimEnd(':', ' '));
            value = Prompt(prompt, cancellationToken);
        }
        if (value.Length == 0)
            throw new UsageException($"{prompt.TrimEnd(':', ' ')} must not be empty.");
        Secrets.Register(value);
        return value;
    }

    /// <summary>Prompts on stderr and reads keys without echo (<c>Console.ReadKey(intercept: true)</c>).</summary>
    public static string Prompt(string prompt, CancellationToken cancellationToken, bool echo = false)
    {
        Console.Error.Write(prompt);
        var sb = new StringBuilder();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
                break;
            if (key.Key == ConsoleKey.Backspace)
            {
                if (sb.Length > 0)
                {
                    sb.Length--;
                    if (echo)
                        Console.Error.Write("\b \b");
                }
                continue;
            }
            if (key.Key == ConsoleKey.C && key.Modifiers.HasFlag(ConsoleModifiers.Control))
                throw new OperationCanceledException();
            if (key.Key == ConsoleKey.D && key.Modifiers.HasFlag(ConsoleModifiers.Control) && sb.Length == 0)
                throw new UsageException("input cancelled.");
            if (!char.IsControl(key.KeyChar))
            {
                sb.Append(key.KeyChar);
                if (echo)
                    Console.Error.Write(key.KeyChar);
            }
        }
        Console.Error.WriteLine();
        return sb.ToString();
    }
}
