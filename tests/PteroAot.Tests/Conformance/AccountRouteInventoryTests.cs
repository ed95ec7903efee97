using System.Text.Json;
using PteroAot.Account;
using PteroAot.Tests.Support;

namespace PteroAot.Tests.Conformance;

/// <summary>The account routes of spec/endpoints.json and the SDK's declarations must match one to one.</summary>
public class AccountRouteInventoryTests
{
    private static IReadOnlyList<(string Method, string Path)> SpecAccountRoutes()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(RepoPaths.Spec("endpoints.json")));
        return doc.RootElement.EnumerateArray()
            .Where(e => e.GetProperty("path").GetString()!.StartsWith("/api/client/account", StringComparison.Ordinal))
            .Select(e => (e.GetProperty("method").GetString()!, e.GetProperty("path").GetString()!))
            .ToList();
    }

    [Test]
    public async Task Every_account_route_in_the_inventory_is_declared()
    {
        var declared = AccountApi.Endpoints.Select(e => (e.Method, e.Route)).ToHashSet();
        var routes = SpecAccountRoutes();
        await Assert.That(routes.Count).IsEqualTo(13);
        var missing = routes.Where(r => !declared.Contains(r)).ToList();
        await Assert.That(missing).IsEmpty();
    }

    [Test]
    public async Task Every_declaration_is_in_the_inventory_or_is_the_pre_1_11_8_two_factor_form()
    {
        var inventory = SpecAccountRoutes().ToHashSet();
        var extra = AccountApi.Endpoints.Select(e => (e.Method, e.Route)).Distinct().Where(r => !inventory.Contains(r)).ToList();
        await Assert.That(extra).IsEquivalentTo([("DELETE", "/api/client/account/two-factor")]);
    }
}
