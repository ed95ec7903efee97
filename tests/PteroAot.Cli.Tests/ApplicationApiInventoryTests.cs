using System.Globalization;
using System.Text.Json;
using PteroAot.Cli.Tests.Support;
using PteroAot.Testing;

namespace PteroAot.Cli.Tests;

/// <summary>
/// Every Application API route of <c>spec/endpoints.json</c> is callable from ptero with the admin's application key:
/// the walk calls each route's declared endpoint with <c>ptero api call</c> against one fake panel, on the seeded
/// objects (user 1, location 1, node 1, nest 1 / egg 1, database host 1) and on what it creates itself; deletes come
/// last and only remove what the walk made (a user without servers, a location and a node without anything on them,
/// two servers made for deletion).
/// </summary>
public sealed class ApplicationApiInventoryTests
{
    private static string Id(JsonElement resource) => ApiWalk.Attr(resource).GetProperty("id").GetInt32().ToString(CultureInfo.InvariantCulture);

    [Test]
    public async Task Every_application_route_is_callable_through_api_call()
    {
        await using var panel = await FakePanel.StartAsync();
        using var sandbox = new Sandbox(panel);
        sandbox.Env["PTERO_TOKEN"] = panel.ApplicationKey;

        var applicationRoutes = await ApiWalk.SpecRoutesAsync("application");
        var api = await ApiWalk.StartAsync(panel, sandbox);
        await Assert.That(ApiWalk.Undeclared(applicationRoutes, api.Endpoints)).IsEmpty();

        Task<JsonElement> Call(string method, string route, params string[] args) => api.Call(method, route, args);
        const string U = "/api/application/users", L = "/api/application/locations", N = "/api/application/nodes",
            S = "/api/application/servers", Nests = "/api/application/nests";

        // Users: list, view, create with an external id, find by it, update.
        await Call("GET", U, "per_page=1", "sort=-id");
        await Call("GET", U + "/{user}", "user=1", "include=servers");
        var user = await Call("POST", U, "--body",
            """{"email":"walker@example.com","username":"walker","first_name":"Walk","last_name":"Er","external_id":"walk-user"}""");
        var userId = Id(user);
        await Call("GET", U + "/external/{external_id}", "external_id=walk-user");
        await Call("PATCH", U + "/{user}", $"user={userId}", "--body",
            """{"email":"walked@example.com","username":"walked","first_name":"Walk","last_name":"Ed","external_id":"walk-user"}""");

        // Locations.
        await Call("GET", L, "filter[short]=us");
        await Call("GET", L + "/{location}", "location=1", "include=nodes");
        var location = await Call("POST", L, "--body", """{"short":"walk.loc","long":"Walk location"}""");
        var locationId = Id(location);
        await Call("PATCH", L + "/{location}", $"location={locationId}", "--body", """{"short":"walk.loc2","long":"Walked"}""");

        // Nodes: reads on node 1, a node of its own (in location 1, so the new location stays empty).
        await Call("GET", N, "include=location");
        await Call("GET", N + "/deployable", "memory=512", "disk=1024");
        await Call("GET", N + "/{node}", "node=1", "include=allocations");
        await Call("GET", N + "/{node}/configuration", "node=1");
        const string nodeBody = """
            {"name":"Walk node","location_id":1,"fqdn":"walk.example.com","scheme":"https","memory":4096,"memory_overallocate":0,
             "disk":8192,"disk_overallocate":0,"daemon_listen":8080,"daemon_sftp":2022}
            """;
        var node = await Call("POST", N, "--body", nodeBody);
        var nodeId = Id(node);
        await Call("PATCH", N + "/{node}", $"node={nodeId}", "--body", nodeBody.Replace("Walk node", "Walked node"));

        // Allocations on node 1: four free ones (three servers, one to delete).
        await Call("POST", N + "/{node}/allocations", "node=1", "--body", """{"ip":"10.0.9.1","ports":["25700-25703"]}""");
        var allocations = await Call("GET", N + "/{node}/allocations", "node=1", "filter[ip]=10.0.9.1");
        var free = allocations.GetProperty("data").EnumerateArray().Select(Id).ToList();
        await Assert.That(free.Count).IsEqualTo(4);
        await Call("DELETE", N + "/{node}/allocations/{allocation}", "node=1", $"allocation={free[3]}");

        // Servers: one to walk (admin's, with an external id), two made for deletion.
        string ServerBody(string name, string allocation, string? externalId) => $$"""
            {"name":"{{name}}","user":2,"egg":1,"docker_image":"ghcr.io/pterodactyl/yolks:java_17",
             "startup":"java -jar server.jar",
             "environment":{"SERVER_JARFILE":"server.jar","MINECRAFT_VERSION":"latest","BUILD_NUMBER":"latest"},
             "limits":{"memory":512,"swap":0,"disk":1024,"io":500,"cpu":100},
             "feature_limits":{"databases":2,"backups":1,"allocations":1},
             "allocation":{"default":{{allocation}}}{{(externalId is null ? "" : $",\"external_id\":\"{externalId}\"")}}}
            """;
        await Call("GET", S, "per_page=2", "include=user");
        await Call("GET", S + "/{server}", "server=1", "include=allocations,node");
        var server = await Call("POST", S, "--body", ServerBody("Walk", free[0], "walk-server"));
        var serverId = Id(server);
        var doomed = Id(await Call("POST", S, "--body", ServerBody("Delete me", free[1], null)));
        var forced = Id(await Call("POST", S, "--body", ServerBody("Force delete me", free[2], null)));
        await Call("GET", S + "/external/{external_id}", "external_id=walk-server");
        await Call("PATCH", S + "/{server}/details", $"server={serverId}", "--body",
            """{"name":"Walked","user":2,"external_id":"walk-server","description":"walked"}""");
        await Call("PATCH", S + "/{server}/build", $"server={serverId}", "--body",
            $$"""{"allocation":{{free[0]}},"limits":{"memory":1024,"swap":0,"disk":2048,"io":500,"cpu":200},"feature_limits":{"databases":2,"backups":1} }""");
        await Call("PATCH", S + "/{server}/startup", $"server={serverId}", "--body",
            """{"startup":"java -jar server.jar","environment":{},"egg":1,"image":"ghcr.io/pterodactyl/yolks:java_21","skip_scripts":false}""");
        await Call("POST", S + "/{server}/suspend", $"server={serverId}");
        await Call("POST", S + "/{server}/unsuspend", $"server={serverId}");
        await Call("POST", S + "/{server}/reinstall", $"server={serverId}");

        // Databases on the walked server (host 1).
        await Call("GET", S + "/{server}/databases", $"server={serverId}");
        var database = await Call("POST", S + "/{server}/databases", $"server={serverId}", "--body", """{"database":"walk","remote":"%","host":1}""");
        var databaseId = Id(database);
        await Call("GET", S + "/{server}/databases/{database}", $"server={serverId}", $"database={databaseId}", "include=host");
        await Call("POST", S + "/{server}/databases/{database}/reset-password", $"server={serverId}", $"database={databaseId}");
        await Call("DELETE", S + "/{server}/databases/{database}", $"server={serverId}", $"database={databaseId}");

        // Nests and eggs.
        await Call("GET", Nests);
        await Call("GET", Nests + "/{nest}", "nest=1", "include=eggs");
        await Call("GET", Nests + "/{nest}/eggs", "nest=1");
        await Call("GET", Nests + "/{nest}/eggs/{egg}", "nest=1", "egg=1", "include=variables");

        // Deletes, last, on what the walk made.
        await Call("DELETE", S + "/{server}", $"server={doomed}");
        await Call("DELETE", S + "/{server}/{force}", $"server={forced}");
        await Call("DELETE", U + "/{user}", $"user={userId}");
        await Call("DELETE", N + "/{node}", $"node={nodeId}");
        await Call("DELETE", L + "/{location}", $"location={locationId}");

        // The panel agrees: what was deleted is gone, the walked server is still there.
        await Assert.That(panel.State.FindServerById(int.Parse(doomed, CultureInfo.InvariantCulture))).IsNull();
        await Assert.That(panel.State.FindServerById(int.Parse(forced, CultureInfo.InvariantCulture))).IsNull();
        await Assert.That(panel.State.FindServerById(int.Parse(serverId, CultureInfo.InvariantCulture))).IsNotNull();
        await Assert.That(panel.State.FindNode(int.Parse(nodeId, CultureInfo.InvariantCulture))).IsNull();
        await Assert.That(panel.State.FindLocation(int.Parse(locationId, CultureInfo.InvariantCulture))).IsNull();
        await Assert.That(panel.State.FindUser(int.Parse(userId, CultureInfo.InvariantCulture))).IsNull();

        var notWalked = applicationRoutes.Where(r => !api.Walked.Contains(r)).Select(r => r.Method + " " + r.Route).ToList();
        await Assert.That(notWalked).IsEmpty();
        await Assert.That(api.Walked.Count).IsEqualTo(42);
        await Assert.That(applicationRoutes.Count).IsEqualTo(42);
        Console.WriteLine(string.Join('\n', api.Log));
    }

    [Test]
    public async Task Api_list_declares_every_client_and_application_route()
    {
        using var sandbox = new Sandbox();
        var endpoints = await ApiWalk.ListAsync(sandbox);
        var client = await ApiWalk.SpecRoutesAsync("client");
        var application = await ApiWalk.SpecRoutesAsync("application");
        await Assert.That(client.Count).IsEqualTo(69);
        await Assert.That(application.Count).IsEqualTo(42);

        var all = client.Concat(application).ToList();
        await Assert.That(ApiWalk.Undeclared(all, endpoints)).IsEmpty();
        // 111 distinct routes by method and shape, each listed.
        var shapes = all.Select(r => (r.Method, ApiWalk.Shape(r.Route))).ToHashSet();
        await Assert.That(shapes.Count).IsEqualTo(111);
        var listed = endpoints.Where(e => !e.AllPages).Select(e => (e.Method, ApiWalk.Shape(e.Route))).ToHashSet();
        await Assert.That(shapes.Except(listed)).IsEmpty();
        // Application endpoints carry the app. prefix.
        await Assert.That(endpoints.Where(e => e.Route.StartsWith("/api/application/", StringComparison.Ordinal)).All(e => e.Name.StartsWith("app.", StringComparison.Ordinal)))
            .IsTrue();
    }
}
