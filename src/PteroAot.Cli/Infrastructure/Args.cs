using System.CommandLine;
using System.Globalization;

namespace PteroAot.Cli.Infrastructure;

/// <summary>Arguments and options shared by the server commands; ids are checked at parse time (bad one: exit 2).</summary>
internal static class Args
{
    /// <summary>The <c>&lt;server&gt;</c> argument: 8-character identifier or UUID.</summary>
    public static Argument<ServerIdentifier> Server() => new("server")
    {
        Description = "The server's 8-character identifier or its UUID (see 'ptero servers list').",
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            try
            {
                return ServerIdentifier.Parse(text);
            }
            catch (FormatException ex)
            {
                result.AddError(ex.Message);
                return default;
            }
        },
        CompletionSources = { ServerCompletion.Complete },
    };

    /// <summary>Parses a server id from a file or stdin line; a bad one is a usage error.</summary>
    public static ServerIdentifier ParseServer(string text)
    {
        try
        {
            return ServerIdentifier.Parse(text);
        }
        catch (FormatException ex)
        {
            throw new UsageException(ex.Message);
        }
    }

    /// <summary>A positive integer argument (schedule, task, allocation ids).</summary>
    public static Argument<int> Number(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0)
                return value;
            result.AddError($"{name} must be a positive whole number, not '{Terminal.Term.Clean(text)}'.");
            return 0;
        },
    };

    /// <summary>A text id checked by <paramref name="parse"/> (backup UUID, database id, user UUID).</summary>
    public static Argument<T> Id<T>(string name, string description, Func<string, T> parse) => new(name)
    {
        Description = description,
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            try
            {
                return parse(text);
            }
            catch (FormatException ex)
            {
                result.AddError(ex.Message);
                return default!;
            }
        },
    };

    /// <summary><c>--limit N</c>: stop after N items (default: everything).</summary>
    public static Option<int?> Limit() => new("--limit")
    {
        Description = "Show at most N items (default: all, paging through every page).",
        HelpName = "n",
        Validators =
        {
            r =>
            {
                if (r.GetValueOrDefault<int?>() is < 1)
                    r.AddError("--limit must be at least 1.");
            },
        },
    };
}
