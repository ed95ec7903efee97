using System.CommandLine;
using PteroAot.Cli.Config;
using PteroAot.Cli.Infrastructure;
using PteroAot.Cli.Terminal;

namespace PteroAot.Cli.Commands;

/// <summary>The JSON of <c>ptero config show</c>: the effective settings and where each came from; the key masked.</summary>
internal sealed record ConfigShowOutput(
    string ConfigPath,
    bool ConfigExists,
    string? Profile,
    string? DefaultProfile,
    string? Url,
    string UrlSource,
    string Token,
    string TokenSource,
    string Output,
    string OutputSource);

/// <summary>One row of <c>ptero config list --output json</c>.</summary>
internal sealed record ProfileListItem(string Name, bool Default, string? Url, string Token, string? Output);

/// <summary><c>ptero config set|show|list</c></summary>
internal static class ConfigCommands
{
    public static Command Build()
    {
        var group = new Command("config", "Profiles in the config file (URL, key, output format).");
        group.Add(Set());
        group.Add(Show());
        group.Add(List());
        return group;
    }

    private static Command Set()
    {
        var tokenStdin = new Option<bool>("--token-stdin") { Description = "Read the API key from the first line of stdin (without it, ptero prompts on a terminal)." };
        var makeDefault = new Option<bool>("--default") { Description = "Make this the default profile (the first profile always is)." };
        var command = new Command("set",
            "Create or update a profile (name from --profile, else 'default'). The key is never taken from the command line: " +
            "use --token-stdin, or type it at the prompt. --url sets the profile's panel URL (required for a new profile), " +
            "--output its default output format.")
        { tokenStdin, makeDefault };
        command.Handle(c =>
        {
            if (c.Globals.Token is not null)
                throw new UsageException("config set does not take --token (argv is visible to other users); pipe the key with --token-stdin or type it at the prompt.");
            var name = c.Globals.Profile ?? "default";
            if (string.IsNullOrWhiteSpace(name) || name.Any(char.IsWhiteSpace))
                throw new UsageException("a profile name must not be empty or contain spaces.");
            var config = c.Config;
            bool exists = config.Profiles.TryGetValue(name, out var profile);
            profile ??= new CliProfile();

            var newUrl = c.Globals.Url?.Trim();
            if (newUrl is not null)
            {
                if (!Uri.TryCreate(newUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
                    throw new UsageException($"--url '{Term.Clean(newUrl)}' is not an absolute http:// or https:// URL.");
                if (uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback)
                    c.Warn("the URL is plain http; the API key will cross the network unencrypted.");
                profile.Url = newUrl.TrimEnd('/');
            }
            else if (profile.Url is null)
            {
                throw new UsageException($"profile '{name}' is new; give its panel address with --url.");
            }

            bool fromStdin = c.Get(tokenStdin);
            if (fromStdin || Term.StdinIsTerminal)
            {
                var token = c.Input.Read(fromStdin, "--token-stdin", "API key: ", c.CancellationToken).Trim();
                if (token.Any(char.IsWhiteSpace))
                    throw new UsageException("the API key contains white space; copy it again.");
                profile.Token = token;
            }
            else if (profile.Token is null)
            {
                throw new UsageException("no API key: stdin is not a terminal, so ptero cannot prompt; pipe the key with --token-stdin.");
            }

            if (c.Globals.Output is { } format)
                profile.Output = format.ToLowerInvariant();

            config.Profiles[name] = profile;
            if (c.Get(makeDefault) || config.DefaultProfile is null || !config.Profiles.ContainsKey(config.DefaultProfile))
                config.DefaultProfile = name;
            ConfigStore.Save(c.ConfigPath, config);
            c.Note($"{(exists ? "Updated" : "Saved")} profile '{name}'{(config.DefaultProfile == name ? " (default)" : "")} in {c.ConfigPath} (mode 0600); key {Secrets.Mask(profile.Token)}.");
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    private static Command Show()
    {
        var command = new Command("show", "Show the settings a command would use and where each comes from (the key masked).");
        command.Handle(c =>
        {
            var r = c.Resolved;
            var result = new ConfigShowOutput(r.ConfigPath, File.Exists(r.ConfigPath), r.ProfileName, c.Config.DefaultProfile,
                r.Url, ConnectionResolver.Describe(r.UrlSource), Secrets.Mask(r.Token), ConnectionResolver.Describe(r.TokenSource),
                r.Output, r.OutputSource == Source.None ? "built-in default" : ConnectionResolver.Describe(r.OutputSource));
            if (c.Json)
            {
                c.WriteJson(result, CliContext.CliJson.ConfigShowOutput);
                return Task.FromResult(ExitCodes.Success);
            }
            c.WriteDetails(new Details()
                .Add("Config file", result.ConfigPath + (result.ConfigExists ? "" : " (does not exist)"))
                .Add("Profile", result.Profile ?? "-")
                .Add("URL", $"{result.Url ?? "-"}  ({result.UrlSource})")
                .Add("Key", $"{result.Token}  ({result.TokenSource})")
                .Add("Output", $"{result.Output}  ({result.OutputSource})"));
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    private static Command List()
    {
        var command = new Command("list", "List the profiles of the config file (keys masked).");
        command.Aliases.Add("ls");
        command.Handle(c =>
        {
            var config = c.Config;
            var items = config.Profiles.OrderBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => new ProfileListItem(p.Key, p.Key == config.DefaultProfile, p.Value.Url, Secrets.Mask(p.Value.Token), p.Value.Output))
                .ToList();
            if (c.Json)
            {
                c.WriteJson(items, CliContext.CliJson.ListProfileListItem);
                return Task.FromResult(ExitCodes.Success);
            }
            if (items.Count == 0)
            {
                c.Note($"No profiles in {c.ConfigPath}. Add one with: ptero config set --url URL --token-stdin");
                return Task.FromResult(ExitCodes.Success);
            }
            var table = new Table("DEFAULT", "NAME", "URL", "KEY", "OUTPUT");
            foreach (var i in items)
                table.Add(i.Default ? "*" : "", i.Name, i.Url ?? "-", i.Token, i.Output ?? "-");
            c.WriteTable(table);
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }
}
