using PteroAot.Servers;
using PteroAot.Testing;
using PteroAot.Tests.Support;

namespace PteroAot.Tests.Client.Servers;

public class ServerDetailsTests
{
    [Test]
    public async Task The_owner_gets_the_server_with_star_permissions_variables_and_a_filled_in_invocation()
    {
        await using var t = await TestPanel.StartAsync();
        var survival = t.Survival();

        var result = await t.Client.Servers.GetAsync(survival.Id(), ServerInclude.Egg);

        var server = result.Attributes;
        await Assert.That(result.Meta!.IsServerOwner).IsTrue();
        await Assert.That(result.Meta.UserPermissions).IsEquivalentTo(["*"]);
        await Assert.That(result.Meta.Can("control.console")).IsTrue();
        await Assert.That(server.Identifier).IsEqualTo(survival.Id());
        await Assert.That(server.InternalId).IsEqualTo(new ServerId(survival.Id));
        await Assert.That(server.Uuid).IsEqualTo(survival.Uuid);
        await Assert.That(server.Name).IsEqualTo("Survival");
        await Assert.That(server.ServerOwner).IsTrue();
        await Assert.That(server.SftpDetails.Port).IsEqualTo(2022);
        await Assert.That(server.Limits.Memory).IsEqualTo(1024);
        await Assert.That(server.Invocation).IsEqualTo("java -Xms128M -Xmx1024M -jar server.jar");
        await Assert.That(server.EggFeatures!).Contains("eula");
        await Assert.That(server.FeatureLimits.Databases).IsEqualTo(2);
        await Assert.That(server.Status).IsNull();
        await Assert.That(server.Variables!.Select(v => v.EnvVariable)).IsEquivalentTo(["SERVER_JARFILE", "MINECRAFT_VERSION", "BUILD_NUMBER"]);
        await Assert.That(server.PrimaryAllocation!.Ip).IsEqualTo("127.0.0.1");
        await Assert.That(server.Egg!.Name).IsEqualTo("Paper");
        await Assert.That(t.Panel.Requests.Last().PathAndQuery).IsEqualTo($"/api/client/servers/{survival.Identifier}?include=egg");
    }

    [Test]
    public async Task A_limited_subuser_sees_its_permissions_a_null_resource_for_variables_and_only_the_primary_allocation()
    {
        await using var t = await TestPanel.StartAsync();
        var lobby = t.SharedLobby();
        lobby.PrimaryAllocation!.Notes = "main port";
        lobby.Allocations.Add(t.Panel.State.NewAllocation());

        var result = await t.Client.Servers.GetAsync(lobby.Id(), include: "egg,subusers");

        var server = result.Attributes;
        await Assert.That(result.Meta!.IsServerOwner).IsFalse();
        await Assert.That(result.Meta.UserPermissions)
            .IsEquivalentTo(["control.console", "control.start", "file.read", "file.read-content", "websocket.connect"]);
        await Assert.That(result.Meta.Can("control.stop")).IsFalse();
        await Assert.That(server.ServerOwner).IsFalse();
        await Assert.That(server.Relationships!.Variables!.Object).IsEqualTo("null_resource");
        await Assert.That(server.Variables).IsNull();
        await Assert.That(server.Invocation).IsEqualTo("java -Xms128M -Xmx1024M -jar [hidden]");
        await Assert.That(server.Allocations.Count).IsEqualTo(1);
        await Assert.That(server.Allocations[0].IsDefault).IsTrue();
        await Assert.That(server.Allocations[0].Notes).IsNull();
        await Assert.That(server.Relationships.Subusers!.Object).IsEqualTo("null_resource");
        await Assert.That(server.Egg!.Name).IsEqualTo("Paper");
    }

    [Test]
    public async Task Non_viewable_variables_are_hidden_from_the_list_and_the_invocation()
    {
        await using var t = await TestPanel.StartAsync();
        var survival = t.Survival();
        survival.StartupCommand = "java -jar {{SERVER_JARFILE}} --secret {{SECRET_TOKEN}}";
        survival.Variables.Add(new FakeVariable { Name = "Secret", EnvVariable = "SECRET_TOKEN", DefaultValue = "s3cr3t", UserViewable = false });

        var server = (await t.Client.Servers.GetAsync(survival.Id())).Attributes;

        await Assert.That(server.Invocation).IsEqualTo("java -jar server.jar --secret [hidden]");
        await Assert.That(server.Variables!.Any(v => v.EnvVariable == "SECRET_TOKEN")).IsFalse();
    }

    [Test]
    public async Task The_uuid_form_addresses_the_same_server()
    {
        await using var t = await TestPanel.StartAsync();
        var survival = t.Survival();

        var server = (await t.Client.Servers.GetAsync(ServerIdentifier.Parse(survival.Uuid.ToString()))).Attributes;

        await Assert.That(server.Identifier.Value).IsEqualTo(survival.Identifier);
        await Assert.That(server.UuidIdentifier.IsUuid).IsTrue();
    }

    [Test]
    public async Task Another_users_server_is_not_found()
    {
        await using var t = await TestPanel.StartAsync();
        var foreign = t.Foreign();

        var ex = await Assert.ThrowsAsync<PteroNotFoundException>(() => t.Client.Servers.GetAsync(foreign.Id()));
        await Assert.ThrowsAsync<PteroNotFoundException>(() => t.Client.Servers.GetResourcesAsync(foreign.Id()));
        await Assert.ThrowsAsync<PteroNotFoundException>(() => t.Client.Servers.StartAsync(foreign.Id()));

        await Assert.That(ex!.Detail).IsEqualTo("The requested resource does not exist on this server.");
    }

    [Test]
    public async Task Details_work_while_installing_but_resources_are_a_409()
    {
        await using var t = await TestPanel.StartAsync();
        var creative = t.Creative();
        creative.Status = "installing";

        var server = (await t.Client.Servers.GetAsync(creative.Id())).Attributes;
        var ex = await Assert.ThrowsAsync<PteroConflictException>(() => t.Client.Servers.GetResourcesAsync(creative.Id()));

        await Assert.That(server.Status).IsEqualTo(ServerStatus.Installing);
        await Assert.That(server.IsInstalling).IsTrue();
        await Assert.That(ex!.Detail).IsEqualTo("This server has not yet completed its installation process, please try again later.");
    }

    [Test]
    public async Task Resources_report_the_live_state()
    {
        await using var t = await TestPanel.StartAsync();

        var stats = await t.Client.Servers.GetResourcesAsync(t.Survival().Id());

        await Assert.That(stats.CurrentState).IsEqualTo("running");
        await Assert.That(stats.IsSuspended).IsFalse();
        await Assert.That(stats.Resources.MemoryBytes).IsEqualTo(734_003_200L);
        await Assert.That(stats.Resources.CpuAbsolute).IsEqualTo(12.5);
        await Assert.That(stats.Resources.Uptime).IsEqualTo(3_600_000L);
    }

    [Test]
    public async Task A_suspended_server_is_a_409_on_resources()
    {
        await using var t = await TestPanel.StartAsync();
        var survival = t.Survival();
        survival.Status = "suspended";

        var ex = await Assert.ThrowsAsync<PteroConflictException>(() => t.Client.Servers.GetResourcesAsync(survival.Id()));

        await Assert.That(ex!.Detail).IsEqualTo("This server is currently suspended and the functionality requested is unavailable.");
        await Assert.That((await t.Client.Servers.GetAsync(survival.Id())).Attributes.IsSuspended).IsTrue();
    }

    [Test]
    public async Task Websocket_credentials_are_a_jwt_and_the_nodes_socket_url()
    {
        await using var t = await TestPanel.StartAsync();
        var survival = t.Survival();

        var credentials = await t.Client.Servers.GetWebsocketAsync(survival.Id());

        var parts = credentials.Token.Split('.');
        await Assert.That(parts.Length).IsEqualTo(3);
        await Assert.That(parts.All(p => p.Length > 0 && p.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))).IsTrue();
        await Assert.That(credentials.Socket).IsEqualTo($"ws://127.0.0.1:{t.Panel.Url.Port}/daemon/servers/{survival.Uuid}/ws");
        await Assert.That(credentials.ToString()).DoesNotContain(credentials.Token);
    }

    [Test]
    public async Task Websocket_without_websocket_connect_is_a_403()
    {
        await using var t = await TestPanel.StartAsync();
        var lobby = t.SharedLobby();
        lobby.Subusers.Single().Permissions.Remove("websocket.connect");

        var ex = await Assert.ThrowsAsync<PteroPermissionException>(() => t.Client.Servers.GetWebsocketAsync(lobby.Id()));

        await Assert.That(ex!.Code).IsEqualTo("HttpForbiddenException");
        await Assert.That(ex.Detail).IsEqualTo("You do not have permission to connect to this server's websocket.");
    }

    [Test]
    public async Task Websocket_while_installing_is_a_409_for_users_but_root_admins_may_watch()
    {
        await using var t = await TestPanel.StartAsync();
        var survival = t.Survival();
        survival.Status = "installing";
        using var admin = t.ClientWith(t.Panel.State.IssueClientKey(t.Panel.AdminUser));

        await Assert.ThrowsAsync<PteroConflictException>(() => t.Client.Servers.GetWebsocketAsync(survival.Id()));
        var credentials = await admin.Servers.GetWebsocketAsync(survival.Id());
        survival.Status = "suspended";
        await Assert.ThrowsAsync<PteroConflictException>(() => admin.Servers.GetWebsocketAsync(survival.Id()));

        await Assert.That(credentials.Socket).Contains(survival.Uuid.ToString());
    }
}
