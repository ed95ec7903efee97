using System.Text.Json;
using PteroAot.Cli.Tests.Support;
using PteroAot.Testing;

namespace PteroAot.Cli.Tests;

/// <summary><c>ptero admin servers ...</c> against the fake panel with the application key.</summary>
public sealed class AdminServerCommandTests
{
    private static Sandbox AdminSandbox(FakePanel panel)
    {
        var sandbox = new Sandbox(panel);
        sandbox.Env["PTERO_TOKEN"] = panel.ApplicationKey;
        return sandbox;
    }

    private static FakeServer Server(FakePanel panel, int id) => panel.State.FindServerById(id)!;

    [Test]
    public async Task List_filters_limits_and_prints_json()
    {
        await using var panel = await FakePanel.StartAsync();
        using var sandbox = AdminSandbox(panel);

        var table = (await sandbox.RunAsync("admin", "servers", "list")).Expect(0);
        var filtered = (await sandbox.RunAsync("admin", "servers", "list", "--filter", "name=lobby", "-o", "json")).Expect(0);
        var limited = (await sandbox.RunAsync("admin", "servers", "list", "--sort", "-id", "--limit", "1", "-o", "jsonl")).Expect(0);
        var bad = await sandbox.RunAsync("admin", "servers", "list", "--filter", "owner=demo");

        await Assert.That(table.Stdout).Contains("Survival");
        await Assert.That(table.Stdout).Contains("Shared Lobby");
        using (var doc = JsonDocument.Parse(filtered.Stdout))
        {
            await Assert.That(doc.RootElement.GetArrayLength()).IsEqualTo(1);
            await Assert.That(doc.RootElement[0].GetProperty("name").GetString()).IsEqualTo("Shared Lobby");
        }
        var lines = limited.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        await Assert.That(lines.Length).IsEqualTo(1);
        await Assert.That(JsonDocument.Parse(lines[0]).RootElement.GetProperty("id").GetInt32()).IsEqualTo(3);
        bad.Expect(2);
        await Assert.That(bad.Stderr).Contains("--filter");
    }

    [Test]
    public async Task Show_accepts_a_numeric_id_or_an_identifier()
    {
        await using var panel = await FakePanel.StartAsync();
        using var sandbox = AdminSandbox(panel);
        var identifier = Server(panel, 1).Identifier;

        var byId = (await sandbox.RunAsync("admin", "servers", "show", "1")).Expect(0);
        var byIdentifier = (await sandbox.RunAsync("admin", "servers", "show", identifier, "-o", "json")).Expect(0);
        var missing = await sandbox.RunAsync("admin", "servers", "show", "0000abcd");
        var garbage = await sandbox.RunAsync("admin", "servers", "show", "not-a-server");

        await Assert.That(byId.Stdout).Contains("Survival");
        await Assert.That(byId.Stdout).Contains(identifier);
        await Assert.That(byId.Stdout).Contains("SERVER_JARFILE=server.jar");
        using (var doc = JsonDocument.Parse(byIdentifier.Stdout))
            await Assert.That(doc.RootElement.GetProperty("id").GetInt32()).IsEqualTo(1);
        missing.Expect(4);
        garbage.Expect(2);
    }

    [Test]
    public async Task Update_commands_keep_what_is_not_given()
    {
        await using var panel = await FakePanel.StartAsync();
        using var sandbox = AdminSandbox(panel);
        var survival = Server(panel, 1);
        survival.ExternalId = "billing-42";
        survival.Variables.Single(v => v.EnvVariable == "BUILD_NUMBER").ServerValue = "123";
        var identifier = survival.Identifier;

        (await sandbox.RunAsync("admin", "servers", "update-details", identifier, "--name", "Renamed")).Expect(0);
        (await sandbox.RunAsync("admin", "servers", "update-build", "1", "--memory", "4096")).Expect(0);
        var startup = (await sandbox.RunAsync("admin", "servers", "update-startup", "1", "--env", "SERVER_JARFILE=paper.jar", "-o", "json")).Expect(0);

        await Assert.That(survival.Name).IsEqualTo("Renamed");
        await Assert.That(survival.ExternalId).IsEqualTo("billing-42");
        await Assert.That(survival.Description).IsEqualTo("The main survival world");
        await Assert.That(survival.MemoryLimit).IsEqualTo(4096);
        await Assert.That(survival.DiskLimit).IsEqualTo(5120);
        await Assert.That(survival.AllocationLimit).IsEqualTo(3);
        await Assert.That(survival.Variables.Single(v => v.EnvVariable == "SERVER_JARFILE").ServerValue).IsEqualTo("paper.jar");
        await Assert.That(survival.Variables.Single(v => v.EnvVariable == "BUILD_NUMBER").ServerValue).IsEqualTo("123");
        using (var doc = JsonDocument.Parse(startup.Stdout))
            await Assert.That(doc.RootElement.GetProperty("container").GetProperty("environment").GetProperty("SERVER_JARFILE").GetString()).IsEqualTo("paper.jar");
    }

    [Test]
    public async Task Update_validation_errors_exit_5_and_name_the_field()
    {
        await using var panel = await FakePanel.StartAsync();
        using var sandbox = AdminSandbox(panel);

        var io = await sandbox.RunAsync("admin", "servers", "update-build", "1", "--io", "5");
        var jar = await sandbox.RunAsync("admin", "servers", "update-startup", "1", "--env", "SERVER_JARFILE=server.txt");
        var env = await sandbox.RunAsync("admin", "servers", "update-startup", "1", "--env", "NOEQUALS");

        io.Expect(5);
        await Assert.That(io.Stderr).Contains("limits.io");
        jar.Expect(5);
        await Assert.That(jar.Stderr).Contains("environment.SERVER_JARFILE");
        env.Expect(2);
        await Assert.That(Server(panel, 1).IoWeight).IsEqualTo(500);
    }

    [Test]
    public async Task Suspend_unsuspend_reinstall_and_delete()
    {
        await using var panel = await FakePanel.StartAsync();
        using var sandbox = AdminSandbox(panel);
        var creative = Server(panel, 2);

        (await sandbox.RunAsync("admin", "servers", "suspend", creative.Identifier)).Expect(0);
        await Assert.That(creative.Status).IsEqualTo("suspended");
        (await sandbox.RunAsync("admin", "servers", "unsuspend", "2")).Expect(0);
        await Assert.That(creative.Status).IsNull();

        (await sandbox.RunAsync("admin", "servers", "reinstall", "2")).Expect(2);
        (await sandbox.RunAsync("admin", "servers", "reinstall", "2", "--yes")).Expect(0);
        await Assert.That(creative.Status).IsEqualTo("installing");

        (await sandbox.RunAsync("admin", "servers", "delete", "2")).Expect(2);
        await Assert.That(panel.State.FindServerById(2)).IsNotNull();
        (await sandbox.RunAsync("admin", "servers", "delete", "2", "--yes")).Expect(0);
        await Assert.That(panel.State.FindServerById(2)).IsNull();
        panel.ClearRequests();
        (await sandbox.RunAsync("admin", "servers", "rm", "1", "--force", "--yes")).Expect(0);
        await Assert.That(panel.Requests.Single(r => r.Method == "DELETE").PathAndQuery).IsEqualTo("/api/application/servers/1/force");
        (await sandbox.RunAsync("admin", "servers", "delete", "1", "--yes")).Expect(4);
    }

    [Test]
    public async Task A_client_key_gets_the_permission_exit_code()
    {
        await using var panel = await FakePanel.StartAsync();
        using var sandbox = new Sandbox(panel);

        var denied = await sandbox.RunAsync("admin", "servers", "list");

        denied.Expect(3);
        await Assert.That(denied.Stderr).DoesNotContain(panel.ClientKey);
    }
}
