using System.Globalization;
using System.Text;

namespace PteroAot.Cli.Terminal;

/// <summary>What the standard streams are connected to, and minimal colour.</summary>
internal static class Term
{
    public static bool StdinIsTerminal => !Console.IsInputRedirected;

    public static bool StdoutIsTerminal => !Console.IsOutputRedirected;

    public static bool StderrIsTerminal => !Console.IsErrorRedirected;

    private static bool NoColor => Environment.GetEnvironmentVariable("NO_COLOR") is { Length: > 0 };

    /// <summary>Colour on stdout only for a terminal without <c>NO_COLOR</c>.</summary>
    public static bool ColorOut => StdoutIsTerminal && !NoColor && Environment.GetEnvironmentVariable("TERM") != "dumb";

    /// <summary>Colour on stderr only for a terminal without <c>NO_COLOR</c>.</summary>
    public static bool ColorErr => StderrIsTerminal && !NoColor && Environment.GetEnvironmentVariable("TERM") != "dumb";

    public static string Bold(string text, bool enabled) => enabled ? $"\e[1m{text}\e[0m" : text;

    public static string Red(string text, bool enabled) => enabled ? $"\e[31m{text}\e[0m" : text;

    public static string Yellow(string text, bool enabled) => enabled ? $"\e[33m{text}\e[0m" : text;

    /// <summary>The terminal width when stdout is a terminal; otherwise null (no truncation).</summary>
    public static int? OutputWidth
    {
        get
        {
            if (!StdoutIsTerminal)
                return null;
            try
            {
                var width = Console.WindowWidth;
                return width > 10 ? width : null;
            }
            catch (Exception ex) when (ex is IOException or PlatformNotSupportedException or InvalidOperationException)
            {
                return null;
            }
        }
    }

    /// <summary>A local date as <c>yyyy-MM-dd HH:mm</c>; "-" for none.</summary>
    public static string Date(DateTimeOffset? value)
        => value is { } v ? v.ToLocalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "-";

    /// <summary>Removes control characters a panel value could carry (no terminal escape injection).</summary>
    public static string Clean(string? value)
    {
        if (string.IsNullOrEmpty(value))
            return "";
        if (!value.AsSpan().ContainsAnyInRange('\0', '\u001f') && !value.Contains('\u007f'))
            return value;
        var sb = new StringBuilder(value.Length);
        foreach (var c in value)
            sb.Append(char.IsControl(c) ? ' ' : c);
        return sb.ToString();
    }
}
