using System.Text;
using PteroAot.Account;
using PteroAot.Application;
using PteroAot.Backups;
using PteroAot.Databases;
using PteroAot.Files;
using PteroAot.Http;
using PteroAot.Network;
using PteroAot.Schedules;
using PteroAot.Servers;
using PteroAot.Startup;
using PteroAot.Subusers;

namespace PteroAot.Cli.Infrastructure;

/// <summary>One callable endpoint: its stable CLI name (<c>servers.get</c>) and the generated description.</summary>
internal sealed record ApiEndpoint(string Name, EndpointInfo Info);

/// <summary>
/// Every endpoint the SDK declares, from the generated <c>Endpoints</c> table of each <c>[PteroApi]</c> class: the
/// inventory behind <c>ptero api list</c> and <c>ptero api call</c>. Written, not discovered: no reflection.
/// </summary>
internal static class ApiTable
{
    /// <summary>
    /// One line per <c>[PteroApi]</c> class: the prefix of its command names and its generated endpoint list.
    /// A new API class is one more line here (Application API classes: use an <c>app.</c> prefix, e.g. <c>("app.servers", ...)</c>).
    /// </summary>
    private static (string Area, IReadOnlyList<EndpointInfo> Endpoints)[] Areas() =>
    [
        ("account", AccountApi.Endpoints),
        ("servers", ServersApi.Endpoints),
        ("startup", StartupApi.Endpoints),
        ("files", FilesApi.Endpoints),
        ("databases", DatabasesApi.Endpoints),
        ("schedules", SchedulesApi.Endpoints),
        ("network", NetworkApi.Endpoints),
        ("subusers", SubusersApi.Endpoints),
        ("backups", BackupsApi.Endpoints),
        ("app.users", ApplicationUsersApi.Endpoints),
        ("app.locations", LocationsApi.Endpoints),
        ("app.nodes", NodesApi.Endpoints),
        ("app.servers", ApplicationServersApi.Endpoints),
        ("app.databases", ApplicationDatabasesApi.Endpoints),
        ("app.nests", NestsApi.Endpoints),
    ];

    private static IReadOnlyList<ApiEndpoint>? s_all;

    /// <summary>Every endpoint, in table then declaration order (built on first use: <c>--help</c> never pays for it).</summary>
    public static IReadOnlyList<ApiEndpoint> All => s_all ??= Build();

    /// <summary>The endpoint with this name (case-insensitive), or null.</summary>
    public static ApiEndpoint? Find(string name)
    {
        foreach (var endpoint in All)
        {
            if (string.Equals(endpoint.Name, name, StringComparison.OrdinalIgnoreCase))
                return endpoint;
        }
        return null;
    }

    private static List<ApiEndpoint> Build()
    {
        var list = new List<ApiEndpoint>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (area, endpoints) in Areas())
        {
            foreach (var info in endpoints)
            {
                var name = area + "." + CommandName(info.Name);
                // Two methods that differ only by an Async suffix cannot exist; keep names unique anyway.
                for (int i = 2; !names.Add(name); i++)
                    name = area + "." + CommandName(info.Name) + "-" + i;
                list.Add(new ApiEndpoint(name, info));
            }
        }
        return list;
    }

    /// <summary><c>ListApiKeysAsync</c> → <c>list-api-keys</c>; <c>DisableTwoFactorV1118Async</c> → <c>disable-two-factor-v1118</c>.</summary>
    internal static string CommandName(string methodName)
    {
        var name = methodName.EndsWith("Async", StringComparison.Ordinal) ? methodName[..^5] : methodName;
        var builder = new StringBuilder(name.Length + 8);
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            if (char.IsUpper(c))
            {
                bool boundary = i > 0 && (!char.IsUpper(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1])));
                if (boundary && name[i - 1] != '-')
                    builder.Append('-');
                builder.Append(char.ToLowerInvariant(c));
            }
            else
                builder.Append(c);
        }
        return builder.ToString();
    }
}
