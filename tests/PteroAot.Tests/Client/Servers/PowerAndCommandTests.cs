using System.Net;
using PteroAot.Servers;
using PteroAot.Tests.Support;

namespace PteroAot.Tests.Client.Servers;

public class PowerAndCommandTests
{
    [Test]
    public async Task Power_signals_change_the_state()
    {
        await using var t = await TestPanel.StartAsync();
        var id = t.Creative().Id();

        await t.Client.Servers.StartAsync(id);
        var started = await t.Client.Servers.GetResourcesAsync(id);
        await t.Client.Servers.StopAsync(id);
        var stopped = await t.Client.Servers.GetResourcesAsync(id);
        await t.Client.Servers.SendPowerSignalAsync(id, PowerSignal.Restart);
        var restarted = await t.Client.Servers.GetResourcesAsync(id);
        await t.Client.Servers.KillAsync(id);
        var killed = await t.Client.Servers.GetResourcesAsync(id);

        await Assert.That(started.CurrentState).IsEqualTo("running");
        await Assert.That(stopped.CurrentState).IsEqualTo("offline");
        await Assert.That(restarted.CurrentState).IsEqualTo("running");
        await Assert.That(killed.CurrentState).IsEqualTo("offline");
        var bodies = t.Panel.Requests.Where(r => r.Method == "POST" && r.PathAndQuery.EndsWith("/power")).Select(r => r.Body).ToList();
        await Assert.That(bodies).IsEquivalentTo(["""{"signal":"start"}""", """{"signal":"stop"}""", """{"signal":"restart"}""", """{"signal":"kill"}"""]);
    }

    [Test]
    public async Task A_subuser_may_use_the_signals_it_holds_and_no_others()
    {
        await using var t = await TestPanel.StartAsync();
        var lobby = t.SharedLobby();

        await t.Client.Servers.StartAsync(lobby.Id());
        var stop = await Assert.ThrowsAsync<PteroPermissionException>(() => t.Client.Servers.StopAsync(lobby.Id()));
        await Assert.ThrowsAsync<PteroPermissionException>(() => t.Client.Servers.RestartAsync(lobby.Id()));

        await Assert.That(lobby.PowerState).IsEqualTo("running");
        await Assert.That(stop!.StatusCode).IsEqualTo(HttpStatusCode.Forbidden);
        await Assert.That(stop.Detail).IsEqualTo("This action is unauthorized.");
    }

    [Test]
    public async Task Power_on_an_installing_server_is_a_409()
    {
        await using var t = await TestPanel.StartAsync();
        var creative = t.Creative();
        creative.Status = "installing";

        await Assert.ThrowsAsync<PteroConflictException>(() => t.Client.Servers.StartAsync(creative.Id()));

        await Assert.That(creative.PowerState).IsEqualTo("offline");
    }

    [Test]
    public async Task A_command_reaches_a_running_server_and_is_logged()
    {
        await using var t = await TestPanel.StartAsync();
        var survival = t.Survival();

        await t.Client.Servers.SendCommandAsync(survival.Id(), "say hello");

        await Assert.That(t.Panel.Requests.Last().Body).IsEqualTo("""{"command":"say hello"}""");
        var entry = survival.Activity.Last();
        await Assert.That(entry.Event).IsEqualTo("server:console.command");
        await Assert.That(entry.Properties["command"]).IsEqualTo("say hello");
    }

    [Test]
    public async Task A_command_while_offline_is_the_panels_502()
    {
        await using var t = await TestPanel.StartAsync();

        var ex = await Assert.ThrowsAsync<PteroUnavailableException>(() => t.Client.Servers.SendCommandAsync(t.Creative().Id(), "list"));

        await Assert.That(ex!.StatusCode).IsEqualTo(HttpStatusCode.BadGateway);
        await Assert.That(ex.Detail).IsEqualTo("Server must be online in order to send commands.");
    }

    [Test]
    public async Task A_subuser_with_control_console_may_send_commands_but_an_empty_command_is_a_422()
    {
        await using var t = await TestPanel.StartAsync();
        var lobby = t.SharedLobby();
        lobby.PowerState = "running";

        await t.Client.Servers.SendCommandAsync(lobby.Id(), "list");
        var ex = await Assert.ThrowsAsync<PteroValidationException>(() => t.Client.Servers.SendCommandAsync(lobby.Id(), "  "));

        await Assert.That(ex!.FieldErrors["command"]).IsEquivalentTo(["The command field is required."]);
    }
}
