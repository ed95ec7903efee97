using System.Text.Json;
using System.Text.RegularExpressions;
using PteroAot.Http;
using PteroAot.Tests.Support;

namespace PteroAot.Tests.Conformance;

/// <summary>
/// The Client API of spec/endpoints.json and the SDK's declarations must match one to one (placeholder names
/// aside): a route the panel has and the SDK lacks fails, and so does a declaration the panel does not have.
/// </summary>
public partial class ClientRouteInventoryTests
{
    // Every Client API class of the SDK. The endpoint lists are emitted by the generator: no reflection.
    private static readonly IReadOnlyList<EndpointInfo> Declared =
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

    // Panels before v1.11.8 disabled two-factor here; the SDK falls back to it.
    private static readonly (string, string) LegacyTwoFactor = ("DELETE", "/api/client/account/two-factor");

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Placeholder();

    private static (string Method, string Shape) Key(string method, string route) => (method, Placeholder().Replace(route, "{}"));

    private static IReadOnlyList<(string Method, string Shape)> Inventory()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(RepoPaths.Spec("endpoints.json")));
        return doc.RootElement.EnumerateArray()
            .Where(e => e.GetProperty("api").GetString() == "client")
            .Select(e => Key(e.GetProperty("method").GetString()!, e.GetProperty("path").GetString()!))
            .ToList();
    }

    [Test]
    public async Task The_inventory_has_69_client_routes()
        => await Assert.That(Inventory().Distinct().Count()).IsEqualTo(69);

    [Test]
    public async Task Every_client_route_is_declared()
    {
        var declared = Declared.Select(e => Key(e.Method, e.Route)).ToHashSet();
        var missing = Inventory().Where(r => !declared.Contains(r)).Select(r => $"{r.Method} {r.Shape}").ToList();
        await Assert.That(missing).IsEmpty();
    }

    [Test]
    public async Task Every_declaration_is_a_panel_route()
    {
        var inventory = Inventory().ToHashSet();
        inventory.Add(Key(LegacyTwoFactor.Item1, LegacyTwoFactor.Item2));
        var extra = Declared.Select(e => Key(e.Method, e.Route)).Where(k => !inventory.Contains(k)).Select(k => $"{k.Method} {k.Shape}").ToList();
        await Assert.That(extra).IsEmpty();
    }
}
