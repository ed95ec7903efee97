using System.CommandLine;

namespace PteroAot.Cli.Infrastructure;

/// <summary>The options valid on every command (<c>Recursive</c>).</summary>
internal static class GlobalOptions
{
    public static readonly Option<string?> Url = new("--url")
    {
        Description = "Panel URL, e.g. https://panel.example.com (overrides the profile and PTERO_URL).",
        HelpName = "url",
        Recursive = true,
    };

    public static readonly Option<string?> Token = new("--token")
    {
        Description = "API key (ptlc_...). Discouraged: argv is visible to other users and kept in shell history; prefer PTERO_TOKEN or 'ptero config set --token-stdin'.",
        HelpName = "key",
        Recursive = true,
    };

    public static readonly Option<string?> Profile = new("--profile")
    {
        Description = "Config profile to use (default: the config file's default_profile).",
        HelpName = "name",
        Recursive = true,
    };

    public static readonly Option<string?> Output = CreateOutput();

    public static readonly Option<string?> ConfigPath = new("--config")
    {
        Description = "Config file (default: $PTERO_CONFIG, else $XDG_CONFIG_HOME/ptero/config.json, else ~/.config/ptero/config.json).",
        HelpName = "path",
        Recursive = true,
    };

    public static readonly Option<bool> Quiet = new("--quiet", "-q")
    {
        Description = "Print only the essential result (no confirmations or hints).",
        Recursive = true,
    };

    public static readonly Option<bool> NoRetry = new("--no-retry")
    {
        Description = "Fail at once on 429 instead of waiting out Retry-After (up to 2 retries by default).",
        Recursive = true,
    };

    public static IEnumerable<Option> All => [Url, Token, Profile, Output, ConfigPath, Quiet, NoRetry];

    private static Option<string?> CreateOutput()
    {
        var option = new Option<string?>("--output", "-o")
        {
            Description = "Output format: table, json, or jsonl (one JSON object per line, for lists) (default: the profile's output, else table).",
            HelpName = "table|json|jsonl",
            Recursive = true,
        };
        option.AcceptOnlyFromAmong(StringComparer.OrdinalIgnoreCase, "table", "json", "jsonl");
        return option;
    }
}

/// <summary>The global option values of one invocation.</summary>
internal sealed record Globals(string? Url, string? Token, string? Profile, string? Output, string? ConfigPath, bool Quiet, bool NoRetry)
{
    public static Globals From(ParseResult result) => new(
        result.GetValue(GlobalOptions.Url),
        result.GetValue(GlobalOptions.Token),
        result.GetValue(GlobalOptions.Profile),
        result.GetValue(GlobalOptions.Output)?.ToLowerInvariant(),
        result.GetValue(GlobalOptions.ConfigPath),
        result.GetValue(GlobalOptions.Quiet),
        result.GetValue(GlobalOptions.NoRetry));
}
