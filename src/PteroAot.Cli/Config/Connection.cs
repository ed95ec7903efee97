using PteroAot.Cli.Infrastructure;

namespace PteroAot.Cli.Config;

/// <summary>Where a setting came from.</summary>
internal enum Source
{
    None,
    Flag,
    Profile,
    Environment,
    DefaultProfile,
}

/// <summary>The resolved connection settings and where each came from.</summary>
internal sealed record Resolved(
    string ConfigPath,
    string? ProfileName,
    string? Url, Source UrlSource,
    string? Token, Source TokenSource,
    string Output, Source OutputSource);

/// <summary>
/// Resolution order, per setting: explicit --url/--token, then the --profile named on the command line, then
/// PTERO_URL/PTERO_TOKEN, then the config file's default profile.
/// </summary>
internal static class ConnectionResolver
{
    public const string HelpText =
        """
        Connection (panel URL and API key), first match wins for each:
          1. --url / --token on the command line (--token is discouraged: argv leaks to ps and shell history)
          2. the profile named with --profile, from the config file
          3. the environment: PTERO_URL and PTERO_TOKEN
          4. the config file's default profile (default_profile)
        Config file: --config, else $PTERO_CONFIG, else $XDG_CONFIG_HOME/ptero/config.json, else ~/.config/ptero/config.json
        (written with mode 0600). Save a profile with:  ptero config set --url https://panel.example.com --token-stdin
        """;

    public static Resolved Resolve(Globals globals, CliConfig config, string configPath)
    {
        CliProfile? named = null;
        if (globals.Profile is { } profileName)
        {
            if (!config.Profiles.TryGetValue(profileName, out named))
            {
                var known = config.Profiles.Count == 0 ? "the file has no profiles" : "known: " + string.Join(", ", config.Profiles.Keys.Order(StringComparer.Ordinal));
                throw new UsageException($"profile '{profileName}' is not in {configPath} ({known}). Create it with: ptero config set --profile {profileName} --url URL --token-stdin");
            }
        }
        CliProfile? fallback = null;
        if (config.DefaultProfile is { } defaultName && config.Profiles.TryGetValue(defaultName, out var d))
            fallback = d;

        var envUrl = Environment.GetEnvironmentVariable("PTERO_URL");
        var envToken = Environment.GetEnvironmentVariable("PTERO_TOKEN");

        var (url, urlSource) = Pick(globals.Url, named?.Url, envUrl, fallback?.Url);
        var (token, tokenSource) = Pick(globals.Token, named?.Token, envToken, fallback?.Token);
        var (output, outputSource) = Pick(globals.Output, named?.Output, null, named is null ? fallback?.Output : null);
        output = output?.ToLowerInvariant();
        if (output is not ("table" or "json" or "jsonl"))
            (output, outputSource) = ("table", Source.None);
        Secrets.Register(token);
        return new Resolved(configPath, globals.Profile ?? (fallback is null ? null : config.DefaultProfile),
            url, urlSource, token, tokenSource, output, outputSource);
    }

    private static (string? Value, Source Source) Pick(string? flag, string? profile, string? env, string? fallback)
    {
        if (!string.IsNullOrWhiteSpace(flag)) return (flag.Trim(), Source.Flag);
        if (!string.IsNullOrWhiteSpace(profile)) return (profile.Trim(), Source.Profile);
        if (!string.IsNullOrWhiteSpace(env)) return (env.Trim(), Source.Environment);
        if (!string.IsNullOrWhiteSpace(fallback)) return (fallback.Trim(), Source.DefaultProfile);
        return (null, Source.None);
    }

    public static string Describe(Source source) => source switch
    {
        Source.Flag => "command line",
        Source.Profile => "--profile",
        Source.Environment => "environment",
        Source.DefaultProfile => "default profile",
        _ => "not set",
    };
}
