using PteroAot.Servers;
using PteroAot.Tests.Support;

namespace PteroAot.Tests.Client.Servers;

public class ServerListTests
{
    [Test]
    [Arguments(50)]
    [Arguments(100)]
    public async Task Enumerating_walks_every_page_and_returns_all_120_created_servers_plus_the_seeded_ones(int perPage)
    {
        await using var t = await TestPanel.StartAsync();
        for (int i = 0; i < 120; i++)
            t.Panel.State.CreateServer(t.Panel.DemoUser, $"Bulk {i:000}");
        var expected = 120 + ServerFixtures.SeededVisibleToDemo;
        var before = t.Panel.Requests.Count;

        var servers = new List<Server>();
        await foreach (var server in t.Client.Servers.EnumerateAsync(perPage: perPage))
            servers.Add(server);

        await Assert.That(servers.Count).IsEqualTo(expected);
        await Assert.That(servers.Select(s => s.Identifier).Distinct().Count()).IsEqualTo(expected);
        await Assert.That(servers.Count(s => s.Name.StartsWith("Bulk ", StringComparison.Ordinal))).IsEqualTo(120);
        await Assert.That(servers.Any(s => s.Name == "Shared Lobby" && !s.ServerOwner)).IsTrue();
        var requests = t.Panel.Requests.Skip(before).ToList();
        await Assert.That(requests.Count).IsEqualTo((expected + perPage - 1) / perPage);
        await Assert.That(requests.All(r => r.PathAndQuery.Contains($"per_page={perPage}"))).IsTrue();
        await Assert.That(requests.Last().PathAndQuery).Contains($"page={(expected + perPage - 1) / perPage}");
    }

    [Test]
    public async Task One_page_carries_total_and_total_pages()
    {
        await using var t = await TestPanel.StartAsync();
        for (int i = 0; i < 120; i++)
            t.Panel.State.CreateServer(t.Panel.DemoUser, $"Bulk {i:000}");
        var expected = 120 + ServerFixtures.SeededVisibleToDemo;

        var first = await t.Client.Servers.ListAsync();
        var last = await t.Client.Servers.ListAsync(page: 3, perPage: 50);
        var capped = await t.Client.Servers.ListAsync(perPage: 500);

        await Assert.That(first.Items.Count).IsEqualTo(50);
        await Assert.That(first.Pagination!.PerPage).IsEqualTo(50);
        await Assert.That(first.Pagination.Total).IsEqualTo(expected);
        await Assert.That(first.Pagination.TotalPages).IsEqualTo(3);
        await Assert.That(first.Pagination.HasNextPage).IsTrue();
        await Assert.That(last.Items.Count).IsEqualTo(expected - 100);
        await Assert.That(last.Pagination!.CurrentPage).IsEqualTo(3);
        await Assert.That(last.Pagination.HasNextPage).IsFalse();
        await Assert.That(capped.Pagination!.PerPage).IsEqualTo(100);
        await Assert.That(capped.Items.Count).IsEqualTo(100);
    }

    [Test]
    public async Task Name_filter_is_a_case_insensitive_partial_match()
    {
        await using var t = await TestPanel.StartAsync();
        t.Panel.State.CreateServer(t.Panel.DemoUser, "Alpha One");
        t.Panel.State.CreateServer(t.Panel.DemoUser, "second ALPHA");
        t.Panel.State.CreateServer(t.Panel.DemoUser, "Beta");

        var page = await t.Client.Servers.ListAsync(name: "alpha");

        await Assert.That(page.Items.Select(s => s.Name)).IsEquivalentTo(["Alpha One", "second ALPHA"]);
        await Assert.That(t.Panel.Requests.Last().PathAndQuery).Contains("filter%5Bname%5D=alpha");
    }

    [Test]
    public async Task Star_filter_matches_identifier_uuid_prefix_name_and_port()
    {
        await using var t = await TestPanel.StartAsync();
        var target = t.Panel.State.CreateServer(t.Panel.DemoUser, "Needle");
        var port = target.PrimaryAllocation!.Port;

        var byIdentifier = await t.Client.Servers.ListAsync(search: target.Identifier);
        var byUuidPrefix = await t.Client.Servers.ListAsync(search: target.Uuid.ToString()[..13]);
        var byName = await t.Client.Servers.ListAsync(search: "eedl");
        var byPort = await t.Client.Servers.ListAsync(search: ":" + port);
        var byIpAndPort = await t.Client.Servers.ListAsync(search: "127.0.0.1:" + port);

        foreach (var page in new[] { byIdentifier, byUuidPrefix, byName, byPort, byIpAndPort })
        {
            await Assert.That(page.Items.Count).IsEqualTo(1);
            await Assert.That(page.Items[0].Identifier.Value).IsEqualTo(target.Identifier);
        }
    }

    [Test]
    public async Task Type_owner_leaves_out_subuser_servers_and_admin_types_are_empty_for_non_admins()
    {
        await using var t = await TestPanel.StartAsync();

        var all = await t.Client.Servers.ListAsync();
        var owned = await t.Client.Servers.ListAsync(type: ServerListType.Owner);
        var admin = await t.Client.Servers.ListAsync(type: ServerListType.AdminAll);

        await Assert.That(all.Items.Select(s => s.Name)).IsEquivalentTo(["Survival", "Creative", "Shared Lobby"]);
        await Assert.That(owned.Items.Select(s => s.Name)).IsEquivalentTo(["Survival", "Creative"]);
        await Assert.That(owned.Items.All(s => s.ServerOwner)).IsTrue();
        await Assert.That(admin.Items).IsEmpty();
        await Assert.That(admin.Pagination!.Total).IsEqualTo(0);
    }

    [Test]
    public async Task Admin_type_lists_servers_the_admin_cannot_otherwise_open()
    {
        await using var t = await TestPanel.StartAsync();
        using var admin = t.ClientWith(t.Panel.State.IssueClientKey(t.Panel.AdminUser));

        var others = await admin.Servers.ListAsync(type: ServerListType.Admin);
        var every = await admin.Servers.ListAsync(type: ServerListType.AdminAll);

        await Assert.That(others.Items.Select(s => s.Name)).IsEquivalentTo(["Survival", "Creative"]);
        await Assert.That(every.Items.Count).IsEqualTo(3);
    }

    [Test]
    public async Task Includes_bring_the_egg_and_subusers_or_a_null_resource_without_user_read()
    {
        await using var t = await TestPanel.StartAsync();
        var friend = t.Panel.State.CreateUser("friend", "friend@example.com", "friend-password");
        t.Panel.State.AddSubuser(t.Survival(), friend, ["control.console"]);

        var servers = new List<Server>();
        await foreach (var s in t.Client.Servers.EnumerateAsync(ServerInclude.Egg | ServerInclude.Subusers))
            servers.Add(s);
        var plain = (await t.Client.Servers.ListAsync()).Items.Single(s => s.Name == "Survival");

        var survival = servers.Single(s => s.Name == "Survival");
        await Assert.That(survival.Egg!.Name).IsEqualTo("Paper");
        await Assert.That(survival.Egg.Uuid).IsEqualTo(Guid.Parse("5da37ef6-58da-4169-90a6-e683e1721247"));
        var subuser = survival.Subusers!.Single();
        await Assert.That(subuser.Username).IsEqualTo("friend");
        await Assert.That(subuser.Uuid.Value).IsEqualTo(friend.Uuid.ToString());
        await Assert.That(subuser.Permissions).Contains("websocket.connect");
        var lobby = servers.Single(s => s.Name == "Shared Lobby");
        await Assert.That(lobby.Relationships!.Subusers!.Object).IsEqualTo("null_resource");
        await Assert.That(lobby.Subusers).IsNull();
        await Assert.That(plain.Egg).IsNull();
        await Assert.That(plain.Relationships!.Subusers).IsNull();
        await Assert.That(t.Panel.Requests.Any(r => r.PathAndQuery.Contains("include=egg%2Csubusers"))).IsTrue();
    }

    [Test]
    public async Task An_unknown_filter_is_the_panels_400_InvalidFilterQuery()
    {
        await using var t = await TestPanel.StartAsync();
        var api = new RawServerListApi(t.Client.Connection);

        var ex = await Assert.ThrowsAsync<PteroApiException>(() => api.ListAsync("demo"));

        await Assert.That((int)ex!.StatusCode).IsEqualTo(400);
        await Assert.That(ex.Code).IsEqualTo("InvalidFilterQuery");
        await Assert.That(ex.Detail).IsEqualTo("Requested filter(s) `owner` are not allowed. Allowed filter(s) are `uuid, name, description, external_id, *`.");
    }

    [Test]
    public async Task System_permissions_list_every_group_and_key()
    {
        await using var t = await TestPanel.StartAsync();

        var catalogue = await t.Client.Servers.GetSystemPermissionsAsync();

        await Assert.That(catalogue.Permissions.Count).IsEqualTo(11);
        await Assert.That(catalogue.Permissions["control"].Keys.Keys).IsEquivalentTo(["console", "start", "stop", "restart"]);
        await Assert.That(catalogue.All).Contains("startup.docker-image");
        await Assert.That(catalogue.All.Count()).IsEqualTo(40);
    }
}

/// <summary>A user-declared list call with a filter the panel does not allow.</summary>
[Endpoints.PteroApi(typeof(ServersJsonContext))]
public sealed partial class RawServerListApi
{
    [Endpoints.Get("/api/client")]
    public partial Task<ResourceList<Server>> ListAsync([Endpoints.Query("filter[owner]")] string owner, CancellationToken cancellationToken = default);
}
