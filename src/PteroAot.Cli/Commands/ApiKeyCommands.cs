using System.CommandLine;
using PteroAot.Account;
using PteroAot.Cli.Infrastructure;
using PteroAot.Cli.Terminal;

namespace PteroAot.Cli.Commands;

/// <summary>The JSON printed by <c>api-keys create --output json</c>: the key as listed plus the full <c>token</c>.</summary>
internal sealed record CreatedApiKeyOutput(
    string Identifier,
    string? Description,
    IReadOnlyList<string> AllowedIps,
    DateTimeOffset? LastUsedAt,
    DateTimeOffset? CreatedAt,
    string Token);

/// <summary><c>ptero account api-keys list|create|delete</c></summary>
internal static class ApiKeyCommands
{
    public static Command Build()
    {
        var group = new Command("api-keys", "Client API keys of the account.");
        group.Add(List());
        group.Add(Create());
        group.Add(Delete());
        return group;
    }

    private static Command List()
    {
        var command = new Command("list", "List the account's client API keys (secrets are never shown).");
        command.Aliases.Add("ls");
        command.Handle(async c =>
        {
            var keys = await c.Client.Account.ListApiKeysAsync(c.CancellationToken);
            if (c.Json)
            {
                c.WriteJsonArray(keys.Items, CliContext.SdkJson.ApiKey);
                return ExitCodes.Success;
            }
            var table = new Table("IDENTIFIER", "DESCRIPTION", "ALLOWED IPS", "LAST USED", "CREATED");
            foreach (var k in keys.Items)
                table.Add(k.Identifier, k.Description ?? "", k.AllowedIps.Count == 0 ? "any" : string.Join(',', k.AllowedIps), Term.Date(k.LastUsedAt), Term.Date(k.CreatedAt));
            if (table.Count == 0)
                c.Note("No API keys.");
            else
                c.WriteTable(table);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Create()
    {
        var description = new Option<string>("--description", "-d") { Description = "A note for the key.", Required = true, HelpName = "text" };
        var allowedIps = new Option<string[]>("--allowed-ip")
        {
            Description = "Limit the key to this IP or CIDR range; repeat for several (default: any address).",
            HelpName = "ip",
            AllowMultipleArgumentsPerToken = false,
        };
        var command = new Command("create", "Create a client API key and print its token once.") { description, allowedIps };
        command.Handle(async c =>
        {
            var ips = c.Get(allowedIps) is { Length: > 0 } list ? list : null;
            var created = await c.Client.Account.CreateApiKeyAsync(c.Get(description), ips, c.CancellationToken);
            Secrets.Register(created.SecretToken);
            var k = created.Key;
            if (c.Json)
            {
                c.WriteJson(new CreatedApiKeyOutput(k.Identifier, k.Description, k.AllowedIps, k.LastUsedAt, k.CreatedAt, created.Token),
                    CliContext.CliJson.CreatedApiKeyOutput);
            }
            else
            {
                c.WriteDetails(new Details()
                    .Add("Identifier", k.Identifier)
                    .Add("Description", k.Description)
                    .Add("Allowed IPs", k.AllowedIps.Count == 0 ? "any" : string.Join(',', k.AllowedIps))
                    .Add("Token", created.Token));
            }
            c.Warn("this is the only time the panel shows the token; store it now (e.g. 'ptero config set --token-stdin').");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Delete()
    {
        var identifier = new Argument<string>("identifier") { Description = "The key's 16-character identifier (ptlc_...), as listed." };
        var command = new Command("delete", "Delete a client API key.") { identifier };
        command.Aliases.Add("rm");
        command.Handle(async c =>
        {
            var id = c.Get(identifier).Trim();
            if (id.Length > 16 && id.StartsWith("ptlc_", StringComparison.Ordinal))
            {
                // A full token was pasted: use its identifier part and do not echo the rest.
                Secrets.Register(id);
                id = id[..16];
            }
            await c.Client.Account.DeleteApiKeyAsync(id, c.CancellationToken);
            c.Done($"Deleted API key {id}.");
            return ExitCodes.Success;
        });
        return command;
    }
}
