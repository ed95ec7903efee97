using System.Net;
using System.Text;
using PteroAot.Application;
using PteroAot.Servers;
using PteroAot.Testing;
using PteroAot.Tests.Support;

namespace PteroAot.Tests.Application;

/// <summary>Application servers: list, view, external id, identifier mapping, suspend, reinstall, delete (real HTTP).</summary>
public class ApplicationServersTests
{
    private static readonly ServerId Survival = new(1);
    private static readonly ServerId Creative = new(2);
    private static readonly ServerId Lobby = new(3);
    private static readonly ServerId Missing = new(999);

    internal static FakeServer State(TestPanel t, ServerId id) => t.Panel.State.FindServerById(id.Value)!;

    /// <summary>A request the SDK cannot make (raw include text, malformed bodies), with the application key.</summary>
    internal static async Task<HttpResponseMessage> RawAsync(TestPanel t, HttpMethod method, string pathAndQuery, string? json = null)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(method, new Uri(t.Panel.Url, pathAndQuery));
        request.Headers.Authorization = new("Bearer", t.Panel.ApplicationKey);
        request.Headers.Accept.ParseAdd("application/json");
        if (json is not null)
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        return await http.SendAsync(request);
    }

    [Test]
    public async Task List_walks_every_page_and_per_page_has_no_cap()
    {
        await using var t = await TestPanel.StartAsync();
        for (var i = 0; i < 120; i++)
            t.Panel.State.CreateServer(t.Panel.DemoUser, $"Bulk {i:000}");
        t.Panel.ClearRequests();

        var all = new List<ApplicationServer>();
        await foreach (var s in t.Admin.Application.Servers.EnumerateAsync(perPage: 50))
            all.Add(s);
        var big = await t.Admin.Application.Servers.ListAsync(perPage: 500);

        await Assert.That(all.Count).IsEqualTo(123);
        await Assert.That(all.Select(s => s.Id).Distinct().Count()).IsEqualTo(123);
        await Assert.That(t.Panel.Requests.Count(r => r.PathAndQuery.StartsWith("/api/application/servers?", StringComparison.Ordinal))).IsEqualTo(4);
        await Assert.That(big.Items.Count).IsEqualTo(123);
        await Assert.That(big.Pagination!.PerPage).IsEqualTo(500);
        await Assert.That(big.Pagination.TotalPages).IsEqualTo(1);
    }

    [Test]
    public async Task List_filters_and_sorts()
    {
        await using var t = await TestPanel.StartAsync();
        State(t, Survival).ExternalId = "billing-42";
        State(t, Creative).DockerImage = "ghcr.io/pterodactyl/yolks:java_21";
        var identifier = State(t, Lobby).Identifier;
        var api = t.Admin.Application.Servers;

        var byName = await api.ListAsync(name: "CREAT");
        var byShort = await api.ListAsync(uuidShort: identifier);
        var byImage = await api.ListAsync(image: "java_21");
        var byExternal = await api.ListAsync(externalId: "billing");
        var descending = await api.ListAsync(sort: "-id");

        await Assert.That(byName.Items.Select(s => s.Name)).IsEquivalentTo(["Creative"]);
        await Assert.That(byShort.Items.Select(s => s.Id)).IsEquivalentTo([Lobby]);
        await Assert.That(byImage.Items.Select(s => s.Id)).IsEquivalentTo([Creative]);
        await Assert.That(byExternal.Items.Single().ExternalId).IsEqualTo("billing-42");
        await Assert.That(string.Join(",", descending.Items.Select(s => s.Id))).IsEqualTo("3,2,1");
    }

    [Test]
    public async Task List_rejects_an_unknown_sort_and_a_long_search()
    {
        await using var t = await TestPanel.StartAsync();

        var sort = await Assert.ThrowsAsync<PteroApiException>(() => t.Admin.Application.Servers.ListAsync(sort: "name"));
        using var search = await RawAsync(t, HttpMethod.Get, "/api/application/servers?search=" + new string('x', 101));
        using var shortSearch = await RawAsync(t, HttpMethod.Get, "/api/application/servers?search=Survival");

        await Assert.That(sort!.StatusCode).IsEqualTo(HttpStatusCode.BadRequest);
        await Assert.That(sort.Code).IsEqualTo("InvalidSortQuery");
        await Assert.That((int)search.StatusCode).IsEqualTo(422);
        await Assert.That(await search.Content.ReadAsStringAsync()).Contains("\"source_field\":\"search\"");
        // Validated but ignored: every server comes back.
        await Assert.That(await shortSearch.Content.ReadAsStringAsync()).Contains("Shared Lobby");
    }

    [Test]
    public async Task Get_with_every_include()
    {
        await using var t = await TestPanel.StartAsync();
        var all = ApplicationServerInclude.Allocations | ApplicationServerInclude.User | ApplicationServerInclude.Subusers
            | ApplicationServerInclude.Nest | ApplicationServerInclude.Egg | ApplicationServerInclude.Variables
            | ApplicationServerInclude.Location | ApplicationServerInclude.Node | ApplicationServerInclude.Databases;

        var lobby = await t.Admin.Application.Servers.GetAsync(Lobby, all);
        var plain = await t.Admin.Application.Servers.GetAsync(Survival);

        await Assert.That(lobby.Name).IsEqualTo("Shared Lobby");
        await Assert.That(lobby.UserId).IsEqualTo(new UserId(t.Panel.AdminUser.Id));
        await Assert.That(lobby.Allocations!.Single().Id).IsEqualTo(lobby.AllocationId);
        await Assert.That(lobby.User!.Username).IsEqualTo("admin");
        await Assert.That(lobby.Subusers!.Single().UserId).IsEqualTo(new UserId(t.Panel.DemoUser.Id));
        await Assert.That(lobby.Nest!.Name).IsEqualTo("Minecraft");
        await Assert.That(lobby.Egg!.Name).IsEqualTo("Paper");
        await Assert.That(lobby.Variables!.Select(v => v.EnvVariable)).IsEquivalentTo(["SERVER_JARFILE", "MINECRAFT_VERSION", "BUILD_NUMBER"]);
        await Assert.That(lobby.Location!.Short).IsEqualTo("us.nyc");
        await Assert.That(lobby.Node!.Name).IsEqualTo("Node 1");
        await Assert.That(lobby.Databases).IsNotNull();
        await Assert.That(plain.Relationships).IsNull();
        await Assert.That(plain.Description).IsEqualTo("The main survival world");
        await Assert.That(plain.Container.GetString("SERVER_JARFILE")).IsEqualTo("server.jar");
    }

    [Test]
    public async Task Transfer_include_is_a_typed_500_and_the_enum_cannot_express_it()
    {
        await using var t = await TestPanel.StartAsync();

        var ex = await Assert.ThrowsAsync<PteroApiException>(() => t.Admin.Application.Servers.GetAsync(Survival, "egg,transfer"));

        await Assert.That(ex!.StatusCode).IsEqualTo(HttpStatusCode.InternalServerError);
        await Assert.That(Enum.GetNames<ApplicationServerInclude>()).DoesNotContain("Transfer");
        await Assert.That(() => IncludeQuery.Format((ApplicationServerInclude)512)).Throws<ArgumentOutOfRangeException>();
    }

    [Test]
    public async Task Get_unknown_is_404_and_a_client_key_is_403()
    {
        await using var t = await TestPanel.StartAsync();

        await Assert.ThrowsAsync<PteroNotFoundException>(() => t.Admin.Application.Servers.GetAsync(Missing));
        await Assert.ThrowsAsync<PteroPermissionException>(() => t.Client.Application.Servers.GetAsync(Survival));
        await Assert.ThrowsAsync<PteroPermissionException>(() => t.Client.Application.Servers.ListAsync());
    }

    [Test]
    public async Task Get_by_external_id_exact_and_escaped()
    {
        await using var t = await TestPanel.StartAsync();
        State(t, Survival).ExternalId = "billing/42 a";
        State(t, Creative).ExternalId = "billing";

        var found = await t.Admin.Application.Servers.GetByExternalIdAsync("billing/42 a", ApplicationServerInclude.User);
        var exact = await t.Admin.Application.Servers.GetByExternalIdAsync("billing");

        await Assert.That(found.Id).IsEqualTo(Survival);
        await Assert.That(found.User!.Username).IsEqualTo("demo");
        await Assert.That(exact.Id).IsEqualTo(Creative);
        await Assert.ThrowsAsync<PteroNotFoundException>(() => t.Admin.Application.Servers.GetByExternalIdAsync("billin"));
        await Assert.ThrowsAsync<PteroPermissionException>(() => t.Client.Application.Servers.GetByExternalIdAsync("billing"));
    }

    [Test]
    public async Task Identifier_uuid_and_id_map_both_ways()
    {
        await using var t = await TestPanel.StartAsync();
        var survival = State(t, Survival);

        var byIdentifier = await t.Admin.Application.Servers.GetByIdentifierAsync(ServerIdentifier.Parse(survival.Identifier));
        var byUuid = await t.Admin.Application.Servers.GetByIdentifierAsync(ServerIdentifier.Parse(survival.Uuid.ToString().ToUpperInvariant()), ApplicationServerInclude.Egg);
        var client = (await t.Client.Servers.GetAsync(byIdentifier.ToClientIdentifier())).Attributes;
        var viaUuid = (await t.Client.Servers.GetAsync(byIdentifier.ToClientUuid())).Attributes;

        await Assert.That(byIdentifier.Id).IsEqualTo(Survival);
        await Assert.That(byUuid.Id).IsEqualTo(Survival);
        await Assert.That(byUuid.Egg!.Name).IsEqualTo("Paper");
        await Assert.That(client.ToApplicationId()).IsEqualTo(Survival);
        await Assert.That(viaUuid.Name).IsEqualTo("Survival");
        await Assert.That(ServerIds.Matches(byIdentifier, ServerIdentifier.Parse(State(t, Creative).Identifier))).IsFalse();
        await Assert.That(await t.Admin.Application.Servers.FindByIdentifierAsync(ServerIdentifier.Parse("0000abcd"))).IsNull();
        await Assert.ThrowsAsync<PteroNotFoundException>(() => t.Admin.Application.Servers.GetByIdentifierAsync(ServerIdentifier.Parse("0000abcd")));
    }

    [Test]
    public async Task Suspended_through_the_application_api_the_client_api_answers_409_until_unsuspended()
    {
        await using var t = await TestPanel.StartAsync();
        var identifier = ServerIdentifier.Parse(State(t, Survival).Identifier);

        await t.Admin.Application.Servers.SuspendAsync(Survival);
        await t.Admin.Application.Servers.SuspendAsync(Survival); // already suspended: a no-op 204
        var app = await t.Admin.Application.Servers.GetAsync(Survival);
        var details = (await t.Client.Servers.GetAsync(identifier)).Attributes; // GET details never 409s
        var conflict = await Assert.ThrowsAsync<PteroConflictException>(() => t.Client.Servers.GetResourcesAsync(identifier));

        await Assert.That(app.Status).IsEqualTo("suspended");
        await Assert.That(app.Suspended).IsTrue();
        await Assert.That(details.Status).IsEqualTo("suspended");
        await Assert.That(conflict!.Detail).Contains("suspended");

        await t.Admin.Application.Servers.UnsuspendAsync(Survival);
        var resources = await t.Client.Servers.GetResourcesAsync(identifier);
        await Assert.That(resources.IsSuspended).IsFalse();
        await Assert.That(State(t, Survival).Status).IsNull();
    }

    [Test]
    public async Task Suspend_errors_409_while_transferring_404_and_403()
    {
        await using var t = await TestPanel.StartAsync();
        State(t, Creative).IsTransferring = true;

        var conflict = await Assert.ThrowsAsync<PteroConflictException>(() => t.Admin.Application.Servers.SuspendAsync(Creative));

        await Assert.That(conflict!.Code).IsEqualTo("ConflictHttpException");
        await Assert.That(State(t, Creative).Status).IsNull();
        await Assert.ThrowsAsync<PteroNotFoundException>(() => t.Admin.Application.Servers.SuspendAsync(Missing));
        await Assert.ThrowsAsync<PteroNotFoundException>(() => t.Admin.Application.Servers.UnsuspendAsync(Missing));
        await Assert.ThrowsAsync<PteroPermissionException>(() => t.Client.Application.Servers.SuspendAsync(Survival));
        await Assert.ThrowsAsync<PteroPermissionException>(() => t.Client.Application.Servers.UnsuspendAsync(Survival));
    }

    [Test]
    public async Task Reinstall_marks_the_server_installing_for_the_client_api()
    {
        await using var t = await TestPanel.StartAsync();
        var identifier = ServerIdentifier.Parse(State(t, Survival).Identifier);

        await t.Admin.Application.Servers.ReinstallAsync(Survival);
        var client = (await t.Client.Servers.GetAsync(identifier)).Attributes;

        await Assert.That(client.Status).IsEqualTo("installing");
        await Assert.That((await t.Admin.Application.Servers.GetAsync(Survival)).Container.Installed).IsEqualTo(0);
        await Assert.ThrowsAsync<PteroConflictException>(() => t.Client.Servers.GetResourcesAsync(identifier));
        await Assert.ThrowsAsync<PteroNotFoundException>(() => t.Admin.Application.Servers.ReinstallAsync(Missing));
        await Assert.ThrowsAsync<PteroPermissionException>(() => t.Client.Application.Servers.ReinstallAsync(Survival));
    }

    [Test]
    public async Task Delete_frees_the_allocations_and_the_owner_no_longer_sees_it()
    {
        await using var t = await TestPanel.StartAsync();
        var allocation = State(t, Creative).PrimaryAllocation!.Id;

        await t.Admin.Application.Servers.DeleteAsync(Creative);
        var names = new List<string>();
        await foreach (var s in t.Client.Servers.EnumerateAsync())
            names.Add(s.Name);

        await Assert.That(t.Panel.State.FindServerById(Creative.Value)).IsNull();
        await Assert.That(t.Panel.State.UnassignedAllocations.Select(a => a.Id)).Contains(allocation);
        await Assert.That(names).DoesNotContain("Creative");
        await Assert.That(names).Contains("Survival");
        await Assert.ThrowsAsync<PteroNotFoundException>(() => t.Admin.Application.Servers.GetAsync(Creative));
        await Assert.ThrowsAsync<PteroNotFoundException>(() => t.Admin.Application.Servers.DeleteAsync(Creative));
        await Assert.ThrowsAsync<PteroPermissionException>(() => t.Client.Application.Servers.DeleteAsync(Survival));
    }

    [Test]
    public async Task Force_delete_sends_the_constant_segment()
    {
        await using var t = await TestPanel.StartAsync();
        t.Panel.ClearRequests();

        await t.Admin.Application.Servers.DeleteAsync(Survival, force: true);

        await Assert.That(t.Panel.Requests.Single(r => r.Method == "DELETE").PathAndQuery).IsEqualTo("/api/application/servers/1/force");
        await Assert.That(t.Panel.State.FindServerById(Survival.Value)).IsNull();
        await Assert.ThrowsAsync<PteroNotFoundException>(() => t.Admin.Application.Servers.ForceDeleteAsync(Survival));
        await Assert.ThrowsAsync<PteroPermissionException>(() => t.Client.Application.Servers.ForceDeleteAsync(Creative));
    }

    [Test]
    public async Task Quirk_any_second_segment_on_delete_deletes_the_server_so_the_sdk_only_declares_constants()
    {
        await using var t = await TestPanel.StartAsync();

        // A typo'd nested DELETE (databasez instead of databases/{id}) deletes the whole server on the panel.
        using var typo = await RawAsync(t, HttpMethod.Delete, "/api/application/servers/3/databasez");

        await Assert.That((int)typo.StatusCode).IsEqualTo(204);
        await Assert.That(t.Panel.State.FindServerById(Lobby.Value)).IsNull();
        // The SDK's DELETE routes under /servers/{server}: the plain one and the literal /force one, so no caller
        // text (not even a `ptero api call` argument) can reach that segment.
        var deletes = ApplicationServersApi.Endpoints.Where(e => e.Method == "DELETE").ToList();
        await Assert.That(deletes.Select(e => e.Route)).IsEquivalentTo(["/api/application/servers/{server}", "/api/application/servers/{server}/force"]);
        await Assert.That(deletes.SelectMany(e => e.Parameters).Select(p => p.Name)).IsEquivalentTo(["server", "server"]);
    }
}
