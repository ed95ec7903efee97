using System.Text.Json;
using System.Text.RegularExpressions;
using PteroAot.Http;
using PteroAot.Tests.Support;

namespace PteroAot.Tests.Conformance;

/// <summary>
/// spec/endpoints.json and the SDK's declarations must match one to one (placeholder names aside), for the Client API
/// and the Application API: a route the panel has and the SDK lacks fails, and so does a declaration the panel does
/// not have.
/// </summary>
public partial class RouteInventoryTests
{
    // Every API class of the SDK. The endpoint lists are emitted by the generator: no reflection.
    private static readonly IReadOnlyList<EndpointInfo> DeclaredClient =
    [
        .. PteroAot.Account.AccountApi.Endpoints,
        .. PteroAot.Servers.ServersApi.Endpoints,
        .. PteroAot.Startup.StartupApi.Endpoints,
        .. PteroAot.Files.FilesApi.Endpoints,
        .. PteroAot.Databases.DatabasesApi.Endpoints,
        .. PteroAot.Schedules.SchedulesApi.Endpoints,
        .. PteroAot.Network.NetworkApi.Endpoints,
        .. PteroAot.Subusers.SubusersApi.Endpoints,
        .. PteroAot.Backups.BackupsApi.Endpoints,
    ];

    private static readonly IReadOnlyList<EndpointInfo> DeclaredApplication =
    [
        .. PteroAot.Application.ApplicationUsersApi.Endpoints,
        .. PteroAot.Application.LocationsApi.Endpoints,
        .. PteroAot.Application.NodesApi.Endpoints,
        .. PteroAot.Application.ApplicationServersApi.Endpoints,
        .. PteroAot.Application.ApplicationDatabasesApi.Endpoints,
        .. PteroAot.Application.NestsApi.Endpoints,
    ];

    // Panels before v1.11.8 disabled two-factor here; the SDK falls back to it.
    private static readonly (string, string) LegacyTwoFactor = ("DELETE", "/api/client/account/two-factor");

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Placeholder();

    // The spec's {force} is the literal "force" the SDK declares: any other text there deletes without forcing.
    private static (string Method, string Shape) Key(string method, string route) =>
        (method, Placeholder().Replace(route.Replace("/{force}", "/force", StringComparison.Ordinal), "{}"));

    private static IReadOnlyList<(string Method, string Shape)> Inventory(string api)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(RepoPaths.Spec("endpoints.json")));
        return doc.RootElement.EnumerateArray()
            .Where(e => e.GetProperty("api").GetString() == api)
            .Select(e => Key(e.GetProperty("method").GetString()!, e.GetProperty("path").GetString()!))
            .ToList();
    }

    private static IReadOnlyList<EndpointInfo> Declared(string api) => api == "client" ? DeclaredClient : DeclaredApplication;

    [Test]
    [Arguments("client", 69)]
    [Arguments("application", 42)]
    public async Task The_inventory_has_the_panels_route_count(string api, int count)
        => await Assert.That(Inventory(api).Distinct().Count()).IsEqualTo(count);

    [Test]
    [Arguments("client")]
    [Arguments("application")]
    public async Task Every_route_is_declared(string api)
    {
        var declared = Declared(api).Select(e => Key(e.Method, e.Route)).ToHashSet();
        var missing = Inventory(api).Where(r => !declared.Contains(r)).Select(r => $"{r.Method} {r.Shape}").ToList();
        await Assert.That(missing).IsEmpty();
    }

    [Test]
    [Arguments("client")]
    [Arguments("application")]
    public async Task Every_declaration_is_a_panel_route(string api)
    {
        var inventory = Inventory(api).ToHashSet();
        inventory.Add(Key(LegacyTwoFactor.Item1, LegacyTwoFactor.Item2));
        var extra = Declared(api).Select(e => Key(e.Method, e.Route)).Where(k => !inventory.Contains(k)).Select(k => $"{k.Method} {k.Shape}").ToList();
        await Assert.That(extra).IsEmpty();
    }

    [Test]
    public async Task All_111_routes_are_declared()
    {
        var declared = DeclaredClient.Concat(DeclaredApplication).Select(e => Key(e.Method, e.Route)).ToHashSet();
        var inventory = Inventory("client").Concat(Inventory("application")).Distinct().ToList();
        await Assert.That(inventory.Count(declared.Contains)).IsEqualTo(111);
    }
}
