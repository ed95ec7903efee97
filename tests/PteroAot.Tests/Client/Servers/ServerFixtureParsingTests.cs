using System.Net;
using System.Net.Http.Headers;
using PteroAot.Servers;
using PteroAot.Tests.Support;

namespace PteroAot.Tests.Client.Servers;

/// <summary>The reference's server and startup fixtures through the generated endpoints, served by a canned handler.</summary>
public class ServerFixtureParsingTests
{
    private static readonly ServerIdentifier Survival = ServerIdentifier.Parse("1a7ce997");

    [Test]
    public async Task Server_list_fixture_reads_ids_relationships_and_pagination()
    {
        using var client = Canned("servers-list.json");

        var page = await client.Servers.ListAsync();

        await Assert.That(page.Items.Count).IsEqualTo(2);
        await Assert.That(page.Pagination!.Total).IsEqualTo(2);
        var first = page.Items[0];
        await Assert.That(first.Identifier).IsEqualTo(Survival);
        await Assert.That(first.InternalId).IsEqualTo(new ServerId(4));
        await Assert.That(first.Uuid).IsEqualTo(Guid.Parse("1a7ce997-259b-452e-8b4e-cecc464142ca"));
        await Assert.That(first.Limits.Threads).IsNull();
        await Assert.That(first.Allocations.Count).IsEqualTo(2);
        await Assert.That(first.PrimaryAllocation!.Id).IsEqualTo(new AllocationId(12));
        await Assert.That(first.Variables!.Count).IsEqualTo(3);
        await Assert.That(page.Items[1].Status).IsEqualTo(ServerStatus.Installing);
        await Assert.That(page.Items[1].Allocations[0].IpAlias).IsEqualTo("mc2.example.com");
    }

    [Test]
    public async Task Server_fixtures_read_meta_egg_and_null_resource_variables()
    {
        using var owner = Canned("server.json");
        using var limited = Canned("server-as-limited-subuser.json");

        var full = await owner.Servers.GetAsync(Survival);
        var restricted = await limited.Servers.GetAsync(Survival);

        await Assert.That(full.Meta!.UserPermissions).IsEquivalentTo(["*"]);
        await Assert.That(full.Attributes.Egg!.Name).IsEqualTo("Paper");
        await Assert.That(restricted.Meta!.IsServerOwner).IsFalse();
        await Assert.That(restricted.Meta.Can("control.restart")).IsTrue();
        await Assert.That(restricted.Attributes.Variables).IsNull();
        await Assert.That(restricted.Attributes.Relationships!.Variables!.Object).IsEqualTo("null_resource");
    }

    [Test]
    public async Task Resources_websocket_permissions_and_activity_fixtures_parse()
    {
        using var resources = Canned("server-resources.json");
        using var websocket = Canned("websocket.json");
        using var permissions = Canned("permissions.json");
        using var activity = Canned("server-activity-list.json");

        var stats = await resources.Servers.GetResourcesAsync(Survival);
        var credentials = await websocket.Servers.GetWebsocketAsync(Survival);
        var catalogue = await permissions.Servers.GetSystemPermissionsAsync();
        var page = await activity.Servers.ListActivityAsync(Survival, include: "actor");

        await Assert.That(stats.Resources.CpuAbsolute).IsEqualTo(37.412);
        await Assert.That(stats.Resources.MemoryBytes).IsEqualTo(2147483648L);
        await Assert.That(credentials.Socket).StartsWith("wss://de-fra-01.nodes.example.com:8080/");
        await Assert.That(credentials.Token.Split('.').Length).IsEqualTo(3);
        await Assert.That(catalogue.All.Count()).IsEqualTo(40);
        await Assert.That(page.Pagination!.TotalPages).IsEqualTo(20);
        await Assert.That(page.Items[2].Actor).IsNull();
    }

    [Test]
    public async Task Startup_fixtures_read_variables_and_meta()
    {
        using var startupClient = Canned("startup.json");
        using var updateClient = Canned("startup-variable-update.json");

        var startup = await startupClient.Startup.GetAsync(Survival);
        var updated = await updateClient.Startup.UpdateVariableAsync(Survival, "MINECRAFT_VERSION", "1.20.6");

        await Assert.That(startup.Items.Count).IsEqualTo(3);
        await Assert.That(startup.Meta!.DockerImages.Count).IsEqualTo(4);
        await Assert.That(startup.Meta.RawStartupCommand).EndsWith("{{SERVER_JARFILE}}");
        await Assert.That(startup.Items[0].Rules).IsEqualTo("nullable|string|max:20");
        await Assert.That(updated.Attributes.ServerValue).IsEqualTo("1.20.6");
        await Assert.That(updated.Meta!.StartupCommand).EndsWith("server.jar");
    }

    private static PteroClient Canned(string fixture)
        => new(new HttpClient(new CannedHandler(File.ReadAllBytes(RepoPaths.Spec("fixtures", "client", fixture)))), "http://panel.invalid",
            "ptlc_" + new string('k', 43), new PteroClientOptions { MaxRateLimitRetries = 0 });

    private sealed class CannedHandler(byte[] body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
        }
    }
}
