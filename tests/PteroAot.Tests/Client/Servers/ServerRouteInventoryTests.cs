using System.Text.Json;
using PteroAot.Servers;
using PteroAot.Startup;
using PteroAot.Tests.Support;

namespace PteroAot.Tests.Client.Servers;

/// <summary>The server, settings and startup routes of spec/endpoints.json and the SDK's declarations must match one to one.</summary>
public class ServerRouteInventoryTests
{
    private static readonly string[] Suffixes = ["", "/websocket", "/resources", "/activity", "/command", "/power", "/settings/rename", "/settings/reinstall", "/settings/docker-image", "/startup", "/startup/variable"];

    private static HashSet<(string Method, string Path)> SpecRoutes()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(RepoPaths.Spec("endpoints.json")));
        return doc.RootElement.EnumerateArray()
            .Select(e => (e.GetProperty("method").GetString()!, e.GetProperty("path").GetString()!))
            .Where(r => r.Item2 is "/api/client" or "/api/client/permissions"
                || Suffixes.Any(s => r.Item2 == "/api/client/servers/{server}" + s))
            .ToHashSet();
    }

    [Test]
    public async Task The_area_declares_exactly_its_13_routes()
    {
        var declared = ServersApi.Endpoints.Concat(StartupApi.Endpoints).Select(e => (e.Method, e.Route)).ToHashSet();
        var spec = SpecRoutes();

        await Assert.That(spec.Count).IsEqualTo(13);
        await Assert.That(declared.SetEquals(spec)).IsTrue();
    }
}
