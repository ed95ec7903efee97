using System.Text.Json;
using PteroAot.Network;
using PteroAot.Schedules;
using PteroAot.Tests.Support;

namespace PteroAot.Tests.Client.Schedules;

/// <summary>The schedule and network routes of spec/endpoints.json and the SDK's declarations must match one to one.</summary>
public class RouteInventoryTests
{
    [Test]
    [Arguments("/schedules", 9)]
    [Arguments("/network/", 5)]
    public async Task Every_route_of_the_area_is_declared_and_nothing_else(string marker, int count)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(RepoPaths.Spec("endpoints.json")));
        var spec = doc.RootElement.EnumerateArray()
            .Select(e => (Method: e.GetProperty("method").GetString()!, Path: e.GetProperty("path").GetString()!))
            .Where(e => e.Path.StartsWith("/api/client/servers/", StringComparison.Ordinal) && e.Path.Contains(marker, StringComparison.Ordinal))
            .ToHashSet();
        var declared = (marker == "/schedules" ? SchedulesApi.Endpoints : NetworkApi.Endpoints).Select(e => (e.Method, e.Route)).ToHashSet();

        await Assert.That(spec.Count).IsEqualTo(count);
        await Assert.That(declared.SetEquals(spec)).IsTrue();
    }
}
