using System.Text.Json;
using PteroAot.Backups;
using PteroAot.Subusers;
using PteroAot.Tests.Support;

namespace PteroAot.Tests.Conformance;

/// <summary>The subuser and backup routes of spec/endpoints.json and the SDK's declarations must match one to one.</summary>
public class SubusersAndBackupsRouteInventoryTests
{
    private static HashSet<(string Method, string Path)> SpecRoutes()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(RepoPaths.Spec("endpoints.json")));
        return doc.RootElement.EnumerateArray()
            .Select(e => (e.GetProperty("method").GetString()!, e.GetProperty("path").GetString()!))
            .Where(r => r.Item2.StartsWith("/api/client/servers/{server}/users", StringComparison.Ordinal)
                        || r.Item2.StartsWith("/api/client/servers/{server}/backups", StringComparison.Ordinal))
            .ToHashSet();
    }

    [Test]
    public async Task The_twelve_routes_are_declared_exactly()
    {
        var spec = SpecRoutes();
        var declared = SubusersApi.Endpoints.Concat(BackupsApi.Endpoints).Select(e => (e.Method, e.Route)).ToHashSet();

        await Assert.That(spec.Count).IsEqualTo(12);
        await Assert.That(spec.Except(declared)).IsEmpty();
        await Assert.That(declared.Except(spec)).IsEmpty();
    }
}
