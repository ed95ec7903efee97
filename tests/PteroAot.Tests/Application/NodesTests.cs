using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using PteroAot.Application;
using PteroAot.Testing;
using PteroAot.Tests.Support;

namespace PteroAot.Tests.Application;

/// <summary>Nodes of the Application API against the fake panel: list, deployable, view, configuration, create, update, delete.</summary>
public class NodesTests
{
    private static CreateNodeRequest NewNode(string name = "de-fra-01", int location = 1) => new()
    {
        Name = name,
        LocationId = new LocationId(location),
        Fqdn = name + ".nodes.example.com",
        Scheme = "https",
        Memory = 32768,
        MemoryOverallocate = 10,
        Disk = 512000,
        DiskOverallocate = -1,
        DaemonListen = 8443,
        DaemonSftp = 2222,
        UploadSize = 250,
        Public = false,
    };

    [Test]
    public async Task List_pages_and_the_walk_returns_every_node()
    {
        await using var t = await TestPanel.StartAsync();
        for (var i = 2; i <= 5; i++)
            t.Panel.State.CreateNode($"Node {i}", 1, $"node{i}.example.com");

        var first = await t.Admin.Application.Nodes.ListAsync(perPage: 2);
        await Assert.That(first.Items.Select(n => n.Name)).IsEquivalentTo(["Node 1", "Node 2"]);
        await Assert.That(first.Pagination!.Total).IsEqualTo(5);
        await Assert.That(first.Pagination.TotalPages).IsEqualTo(3);

        t.Panel.ClearRequests();
        var all = new List<Node>();
        await foreach (var node in t.Admin.Application.Nodes.EnumerateAsync(perPage: 2))
            all.Add(node);
        await Assert.That(all.Select(n => n.Id.Value)).IsEquivalentTo([1, 2, 3, 4, 5]);
        await Assert.That(t.Panel.Requests.Count(r => r.Path == "/api/application/nodes")).IsEqualTo(3);

        // per_page has no upper cap on application lists.
        var big = await t.Admin.Application.Nodes.ListAsync(perPage: 500);
        await Assert.That(big.Pagination!.PerPage).IsEqualTo(500);
    }

    [Test]
    public async Task List_filters_partially_and_sorts_by_memory()
    {
        await using var t = await TestPanel.StartAsync();
        var small = t.Panel.State.CreateNode("edge-small", 1, "small.example.com");
        small.Memory = 2048;
        var big = t.Panel.State.CreateNode("edge-big", 1, "big.example.com");
        big.Memory = 65536;

        var edge = await t.Admin.Application.Nodes.ListAsync(name: "EDGE");
        await Assert.That(edge.Items.Select(n => n.Name)).IsEquivalentTo(["edge-small", "edge-big"]);
        var byFqdn = await t.Admin.Application.Nodes.ListAsync(fqdn: "big.");
        await Assert.That(byFqdn.Items.Single().Id.Value).IsEqualTo(big.Id);
        var byToken = await t.Admin.Application.Nodes.ListAsync(daemonTokenId: small.DaemonTokenId);
        await Assert.That(byToken.Items.Single().Id.Value).IsEqualTo(small.Id);

        var sorted = await t.Admin.Application.Nodes.ListAsync(sort: "-memory");
        await Assert.That(sorted.Items.Select(n => n.Memory)).IsEquivalentTo([65536, 16384, 2048]);
        await Assert.That(sorted.Items[0].Name).IsEqualTo("edge-big");

        var badSort = await Assert.ThrowsAsync<PteroApiException>(() => t.Admin.Application.Nodes.ListAsync(sort: "name"));
        await Assert.That(badSort!.Code).IsEqualTo("InvalidSortQuery");
    }

    [Test]
    public async Task Get_includes_location_allocations_and_servers()
    {
        await using var t = await TestPanel.StartAsync();

        var node = await t.Admin.Application.Nodes.GetAsync(new NodeId(1), NodeInclude.Location | NodeInclude.Allocations | NodeInclude.Servers);

        await Assert.That(t.Panel.Requests.Last().PathAndQuery).Contains("include=allocations%2Clocation%2Cservers");
        await Assert.That(node.Name).IsEqualTo("Node 1");
        await Assert.That(node.Location!.Short).IsEqualTo("us.nyc");
        await Assert.That(node.Servers!.Select(s => s.Name)).IsEquivalentTo(["Survival", "Creative", "Shared Lobby"]);
        await Assert.That(node.Allocations!.Count).IsEqualTo(3);
        await Assert.That(node.Allocations.All(a => a.Assigned)).IsTrue();
        await Assert.That(node.AllocatedResources.Memory).IsEqualTo(t.Panel.State.Servers.Sum(s => (long)s.MemoryLimit));
        await Assert.That(node.SumMemory).IsNull();

        var plain = await t.Admin.Application.Nodes.GetAsync(new NodeId(1));
        await Assert.That(plain.Relationships).IsNull();
    }

    [Test]
    public async Task Unknown_node_is_404_and_a_client_key_is_403()
    {
        await using var t = await TestPanel.StartAsync();

        var missing = await Assert.ThrowsAsync<PteroNotFoundException>(() => t.Admin.Application.Nodes.GetAsync(new NodeId(99)));
        await Assert.That(missing!.Detail).IsEqualTo("The requested resource could not be found on the server.");
        await Assert.ThrowsAsync<PteroNotFoundException>(() => t.Admin.Application.Nodes.GetConfigurationAsync(new NodeId(99)));
        await Assert.ThrowsAsync<PteroNotFoundException>(() => t.Admin.Application.Nodes.DeleteAsync(new NodeId(99)));
        await Assert.ThrowsAsync<PteroPermissionException>(() => t.Client.Application.Nodes.GetAsync(new NodeId(1)));
        await Assert.ThrowsAsync<PteroPermissionException>(() => t.Client.Application.Nodes.ListAsync());
        await Assert.ThrowsAsync<PteroPermissionException>(() => t.Client.Application.Nodes.GetConfigurationAsync(new NodeId(1)));
    }

    [Test]
    public async Task Configuration_is_raw_json_with_the_token_which_ToString_masks()
    {
        await using var t = await TestPanel.StartAsync();
        var fake = t.Panel.State.DefaultNode;

        var config = await t.Admin.Application.Nodes.GetConfigurationAsync(new NodeId(fake.Id));

        await Assert.That(config.Uuid).IsEqualTo(fake.Uuid);
        await Assert.That(config.TokenId).IsEqualTo(fake.DaemonTokenId);
        await Assert.That(config.Token).IsEqualTo(fake.DaemonToken);
        await Assert.That(config.Api.Port).IsEqualTo(8080);
        await Assert.That(config.Api.Ssl.Enabled).IsTrue();
        await Assert.That(config.Api.Ssl.Cert).IsEqualTo("/etc/letsencrypt/live/node1.example.com/fullchain.pem");
        await Assert.That(config.System.Sftp.BindPort).IsEqualTo(2022);
        await Assert.That(config.Remote).IsEqualTo(t.Panel.Url.GetLeftPart(UriPartial.Authority));
        await Assert.That(config.ToString()).DoesNotContain(fake.DaemonToken);
        await Assert.That(config.ToString()).Contains("Token = ***");
    }

    [Test]
    public async Task Create_answers_201_with_meta_resource_and_stores_every_field()
    {
        await using var t = await TestPanel.StartAsync();

        var node = await t.Admin.Application.Nodes.CreateAsync(NewNode() with { DaemonBase = "/srv/volumes", BehindProxy = true });

        await Assert.That(t.Panel.Requests.Last().Status).IsEqualTo(201);
        await Assert.That(node.Name).IsEqualTo("de-fra-01");
        await Assert.That(node.Memory).IsEqualTo(32768);
        await Assert.That(node.DiskOverallocate).IsEqualTo(-1);
        await Assert.That(node.DaemonListen).IsEqualTo(8443);
        await Assert.That(node.UploadSize).IsEqualTo(250);
        await Assert.That(node.DaemonBase).IsEqualTo("/srv/volumes");
        await Assert.That(node.Public).IsFalse();
        await Assert.That(node.BehindProxy).IsTrue();
        await Assert.That(node.MaintenanceMode).IsFalse();
        var fake = t.Panel.State.FindNode(node.Id.Value)!;
        await Assert.That(fake.DaemonSftp).IsEqualTo(2222);
        await Assert.That(fake.Fqdn).IsEqualTo("de-fra-01.nodes.example.com");

        // The raw create response carries meta.resource (the SDK returns the node itself).
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(t.Panel.Url, "/api/application/nodes"))
        {
            Content = new StringContent(JsonSerializer.Serialize(NewNode("raw-node"), ApplicationJsonContext.Default.CreateNodeRequest),
                new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", t.Panel.ApplicationKey);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await http.SendAsync(request);
        await Assert.That(response.StatusCode).IsEqualTo(HttpStatusCode.Created);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var id = doc.RootElement.GetProperty("attributes").GetProperty("id").GetInt32();
        await Assert.That(doc.RootElement.GetProperty("meta").GetProperty("resource").GetString())
            .IsEqualTo($"{t.Panel.Url.GetLeftPart(UriPartial.Authority)}/api/application/nodes/{id}");
    }

    [Test]
    public async Task Create_with_bad_fields_is_422_naming_each_field()
    {
        await using var t = await TestPanel.StartAsync();

        var ex = await Assert.ThrowsAsync<PteroValidationException>(() => t.Admin.Application.Nodes.CreateAsync(NewNode("bad/name!", location: 99) with
        {
            DaemonListen = 70000,
            DaemonSftp = 0,
            Memory = 0,
            MemoryOverallocate = -2,
            UploadSize = 2048,
            DaemonBase = "relative/path",
        }));

        await Assert.That(ex!.FieldErrors.Keys).IsEquivalentTo(
            ["name", "location_id", "memory", "memory_overallocate", "daemon_listen", "daemon_sftp", "daemon_base", "upload_size"]);
        await Assert.That(ex.Errors.Single(e => e.SourceField == "name").Rule).IsEqualTo("regex");
        await Assert.That(ex.Errors.Single(e => e.SourceField == "location_id").Rule).IsEqualTo("exists");
        await Assert.That(ex.Errors.Single(e => e.SourceField == "daemon_listen").Rule).IsEqualTo("between");
        await Assert.That(ex.Errors.Single(e => e.SourceField == "upload_size").Rule).IsEqualTo("between");
        await Assert.That(t.Panel.State.Nodes.Count).IsEqualTo(1);

        // Upload size 1 and 1024 are the limits, both allowed; a 101-character name is not.
        await t.Admin.Application.Nodes.CreateAsync(NewNode("one") with { UploadSize = 1 });
        await t.Admin.Application.Nodes.CreateAsync(NewNode("max") with { UploadSize = 1024 });
        var longName = await Assert.ThrowsAsync<PteroValidationException>(() => t.Admin.Application.Nodes.CreateAsync(NewNode(new string('n', 101))));
        await Assert.That(longName!.FieldErrors.Keys).IsEquivalentTo(["name"]);
    }

    [Test]
    public async Task Read_modify_write_update_changes_one_field_and_keeps_the_others()
    {
        await using var t = await TestPanel.StartAsync();
        var created = await t.Admin.Application.Nodes.CreateAsync(NewNode() with { DaemonBase = "/srv/volumes", BehindProxy = true, MaintenanceMode = true });
        var location = t.Panel.State.CreateLocation("eu.fra");
        var before = await t.Admin.Application.Nodes.GetAsync(created.Id);

        var updated = await t.Admin.Application.Nodes.UpdateAsync(created.Id, r => r with { Memory = 65536 });

        await Assert.That(updated.Memory).IsEqualTo(65536);
        await Assert.That(updated with { Memory = before.Memory, UpdatedAt = before.UpdatedAt }).IsEqualTo(before);
        var again = await t.Admin.Application.Nodes.GetAsync(created.Id);
        await Assert.That(again.Name).IsEqualTo("de-fra-01");
        await Assert.That(again.UploadSize).IsEqualTo(250);
        await Assert.That(again.DaemonBase).IsEqualTo("/srv/volumes");
        await Assert.That(again.MaintenanceMode).IsTrue();
        await Assert.That(again.BehindProxy).IsTrue();
        await Assert.That(again.Public).IsFalse();
        // The PATCH carried every field (a full replacement), not just the changed one.
        var patch = t.Panel.Requests.Last(r => r.Method == "PATCH");
        using (var body = JsonDocument.Parse(patch.Body))
        {
            foreach (var field in new[] { "name", "location_id", "fqdn", "scheme", "memory", "memory_overallocate", "disk", "disk_overallocate",
                         "daemon_listen", "daemon_sftp", "daemon_base", "public", "behind_proxy", "maintenance_mode", "upload_size" })
                await Assert.That(body.RootElement.TryGetProperty(field, out _)).IsTrue();
            await Assert.That(body.RootElement.TryGetProperty("reset_secret", out _)).IsFalse();
        }

        var moved = await t.Admin.Application.Nodes.UpdateAsync(created.Id, r => r with { LocationId = new LocationId(location.Id), Name = "fra-2" });
        await Assert.That(moved.LocationId.Value).IsEqualTo(location.Id);
        await Assert.That(moved.Memory).IsEqualTo(65536);
    }

    [Test]
    public async Task Update_validates_and_reset_secret_regenerates_the_token()
    {
        await using var t = await TestPanel.StartAsync();
        var fake = t.Panel.State.DefaultNode;
        var token = fake.DaemonToken;
        var id = new NodeId(fake.Id);

        await t.Admin.Application.Nodes.UpdateAsync(id, r => r with { Fqdn = "node1.internal" });
        await Assert.That((await t.Admin.Application.Nodes.GetConfigurationAsync(id)).Token).IsEqualTo(token);

        await t.Admin.Application.Nodes.UpdateAsync(id, r => r with { ResetSecret = true });
        var config = await t.Admin.Application.Nodes.GetConfigurationAsync(id);
        await Assert.That(config.Token).IsNotEqualTo(token);
        await Assert.That(config.Token.Length).IsEqualTo(64);
        await Assert.That(fake.Fqdn).IsEqualTo("node1.internal");

        var bad = await Assert.ThrowsAsync<PteroValidationException>(() => t.Admin.Application.Nodes.UpdateAsync(id, r => r with { Name = "", Disk = 0 }));
        await Assert.That(bad!.FieldErrors.Keys).IsEquivalentTo(["name", "disk"]);
        var full = (await t.Admin.Application.Nodes.GetAsync(id)).ToUpdateRequest();
        await Assert.ThrowsAsync<PteroNotFoundException>(() => t.Admin.Application.Nodes.UpdateAsync(new NodeId(42), full));
        await Assert.ThrowsAsync<PteroPermissionException>(() => t.Client.Application.Nodes.UpdateAsync(id, full));
    }

    [Test]
    public async Task Delete_refuses_a_node_with_servers_and_removes_an_empty_one()
    {
        await using var t = await TestPanel.StartAsync();

        var busy = await Assert.ThrowsAsync<PteroApiException>(() => t.Admin.Application.Nodes.DeleteAsync(new NodeId(1)));
        await Assert.That(busy!.StatusCode).IsEqualTo(HttpStatusCode.BadRequest);
        await Assert.That(busy.Code).IsEqualTo("HasActiveServersException");

        var node = await t.Admin.Application.Nodes.CreateAsync(NewNode());
        await t.Admin.Application.Nodes.DeleteAsync(node.Id);
        await Assert.That(t.Panel.Requests.Last().Status).IsEqualTo(204);
        await Assert.That(t.Panel.State.FindNode(node.Id.Value)).IsNull();
        await Assert.ThrowsAsync<PteroNotFoundException>(() => t.Admin.Application.Nodes.GetAsync(node.Id));
        await Assert.ThrowsAsync<PteroPermissionException>(() => t.Client.Application.Nodes.DeleteAsync(new NodeId(1)));
    }

    [Test]
    public async Task Deployable_lists_public_nodes_with_room_and_sums_and_pages_only_with_page()
    {
        await using var t = await TestPanel.StartAsync();
        var location = t.Panel.State.CreateLocation("eu.fra");
        var roomy = t.Panel.State.CreateNode("roomy", location.Id, "roomy.example.com");
        var hidden = t.Panel.State.CreateNode("hidden", location.Id, "hidden.example.com");
        hidden.Public = false;
        var tight = t.Panel.State.CreateNode("tight", location.Id, "tight.example.com");
        tight.Memory = 2048;
        tight.MemoryOverallocate = 50; // 3072 usable
        var used = t.Panel.State.Servers.Sum(s => (long)s.MemoryLimit);

        var list = await t.Admin.Application.Nodes.ListDeployableAsync(memory: 3000, disk: 1000);
        await Assert.That(list.Items.Select(n => n.Name)).IsEquivalentTo(["Node 1", "roomy", "tight"]);
        await Assert.That(list.Pagination).IsNull();
        await Assert.That(list.Items[0].SumMemory).IsEqualTo(used);
        await Assert.That(list.Items[1].SumMemory).IsEqualTo(0);
        await Assert.That(list.Items[0].SumDisk).IsEqualTo(t.Panel.State.Servers.Sum(s => (long)s.DiskLimit));

        var tooBig = await t.Admin.Application.Nodes.ListDeployableAsync(memory: 3100, disk: 0, locations: [new LocationId(location.Id)]);
        await Assert.That(tooBig.Items.Select(n => n.Name)).IsEquivalentTo(["roomy"]);

        var paged = await t.Admin.Application.Nodes.ListDeployableAsync(memory: 0, disk: 0, page: 1, perPage: 2);
        await Assert.That(paged.Pagination!.Total).IsEqualTo(3);
        await Assert.That(paged.Items.Count).IsEqualTo(2);

        var none = await Assert.ThrowsAsync<PteroNoViableNodeException>(() => t.Admin.Application.Nodes.ListDeployableAsync(memory: 1_000_000, disk: 0));
        await Assert.That(none!.StatusCode).IsEqualTo(HttpStatusCode.BadRequest);
        await Assert.That(none.Code).IsEqualTo("NoViableNodeException");

        var negative = await Assert.ThrowsAsync<PteroValidationException>(() => t.Admin.Application.Nodes.ListDeployableAsync(memory: -1, disk: -5));
        await Assert.That(negative!.FieldErrors.Keys).IsEquivalentTo(["memory", "disk"]);
        await Assert.ThrowsAsync<PteroPermissionException>(() => t.Client.Application.Nodes.ListDeployableAsync(memory: 1, disk: 1));
    }

    [Test]
    public async Task Deployable_sends_each_location_as_its_own_location_ids_pair()
    {
        await using var t = await TestPanel.StartAsync();
        var fra = t.Panel.State.CreateLocation("eu.fra");
        var lon = t.Panel.State.CreateLocation("eu.lon");
        var ams = t.Panel.State.CreateLocation("eu.ams");
        t.Panel.State.CreateNode("fra-1", fra.Id, "fra.example.com");
        t.Panel.State.CreateNode("lon-1", lon.Id, "lon.example.com");
        t.Panel.State.CreateNode("ams-1", ams.Id, "ams.example.com");

        var list = await t.Admin.Application.Nodes.ListDeployableAsync(memory: 512, disk: 0, locations: [new LocationId(lon.Id), new LocationId(fra.Id)]);

        await Assert.That(list.Items.Select(n => n.Name)).IsEquivalentTo(["fra-1", "lon-1"]);
        var sent = t.Panel.Requests.Last(r => r.PathAndQuery.StartsWith("/api/application/nodes/deployable", StringComparison.Ordinal)).PathAndQuery;
        // Required sizes always written (a zero disk too), then one escaped pair per location in the given order.
        await Assert.That(sent).IsEqualTo($"/api/application/nodes/deployable?memory=512&disk=0&location_ids%5B%5D={lon.Id}&location_ids%5B%5D={fra.Id}");

        await t.Admin.Application.Nodes.ListDeployableAsync(memory: 512, disk: 0, locations: []);
        await Assert.That(t.Panel.Requests.Last().PathAndQuery).IsEqualTo("/api/application/nodes/deployable?memory=512&disk=0");
    }

    [Test]
    public async Task FindDeployable_sends_several_locations_and_treats_no_viable_node_as_empty()
    {
        await using var t = await TestPanel.StartAsync();
        var fra = t.Panel.State.CreateLocation("eu.fra");
        var lon = t.Panel.State.CreateLocation("eu.lon");
        t.Panel.State.CreateNode("fra-1", fra.Id, "fra.example.com");
        t.Panel.State.CreateNode("lon-1", lon.Id, "lon.example.com");

        var nodes = await t.Admin.Application.Nodes.FindDeployableAsync(
            new DeployableNodesQuery { Memory = 512, Disk = 512, LocationIds = [new LocationId(fra.Id), new LocationId(lon.Id)] }, NodeInclude.Location);

        await Assert.That(nodes.Select(n => n.Name)).IsEquivalentTo(["fra-1", "lon-1"]);
        await Assert.That(nodes.Select(n => n.Location!.Short)).IsEquivalentTo(["eu.fra", "eu.lon"]);
        await Assert.That(t.Panel.Requests.Last().PathAndQuery).Contains("location_ids%5B%5D=" + fra.Id);

        var empty = await t.Admin.Application.Nodes.FindDeployableAsync(new DeployableNodesQuery { Memory = 10_000_000, Disk = 1 });
        await Assert.That(empty).IsEmpty();
        await Assert.That(t.Panel.Requests.Last().Status).IsEqualTo(400);
    }
    [Test]
    [Arguments("/api/application/nodes?filter[description]=x", "InvalidFilterQuery")]
    [Arguments("/api/application/nodes/1/allocations?filter[notes]=x", "InvalidFilterQuery")]
    [Arguments("/api/application/nodes/1/allocations?sort=port", "InvalidSortQuery")]
    public async Task Unknown_filters_and_sorts_are_400(string path, string code)
    {
        await using var t = await TestPanel.StartAsync();
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(t.Panel.Url, path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", t.Panel.ApplicationKey);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        using var response = await http.SendAsync(request);

        await Assert.That(response.StatusCode).IsEqualTo(HttpStatusCode.BadRequest);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        await Assert.That(doc.RootElement.GetProperty("errors")[0].GetProperty("code").GetString()).IsEqualTo(code);
    }
}
