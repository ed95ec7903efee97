using System.Text.Json;
using PteroAot.Databases;
using PteroAot.Files;
using PteroAot.Tests.Support;

namespace PteroAot.Tests.Conformance;

/// <summary>The files and databases routes of spec/endpoints.json and the SDK's declarations must match one to one.</summary>
public class FilesAndDatabasesRouteInventoryTests
{
    private static HashSet<(string Method, string Path)> SpecRoutes()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(RepoPaths.Spec("endpoints.json")));
        return doc.RootElement.EnumerateArray()
            .Select(e => (e.GetProperty("method").GetString()!, e.GetProperty("path").GetString()!))
            .Where(r => r.Item2.StartsWith("/api/client/servers/{server}/files/", StringComparison.Ordinal)
                        || r.Item2.StartsWith("/api/client/servers/{server}/databases", StringComparison.Ordinal))
            .ToHashSet();
    }

    [Test]
    public async Task The_seventeen_routes_are_declared_exactly()
    {
        var spec = SpecRoutes();
        var declared = FilesApi.Endpoints.Concat(DatabasesApi.Endpoints).Select(e => (e.Method, e.Route)).ToHashSet();

        await Assert.That(spec.Count).IsEqualTo(17);
        await Assert.That(spec.Except(declared)).IsEmpty();
        await Assert.That(declared.Except(spec)).IsEmpty();
    }
}
