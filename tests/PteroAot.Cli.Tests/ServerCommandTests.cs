using System.Text.Json;
using PteroAot.Cli.Tests.Support;
using PteroAot.Testing;

namespace PteroAot.Cli.Tests;

/// <summary>servers, power, command (bulk) and the error exit codes, through the native binary.</summary>
public sealed class ServerCommandTests
{
    private static FakeServer Named(FakePanel panel, string name) => panel.State.Servers.First(s => s.Name == name);

    [Test]
    public async Task List_pages_through_every_server_and_honours_limit()
    {
        await using var panel = await FakePanel.StartAsync();
        for (int i = 0; i < 60; i++)
            panel.State.CreateServer(panel.DemoUser, $"Extra {i:D2}");
        using var sandbox = new Sandbox(panel);

        var table = (await sandbox.RunAsync("servers", "list")).Expect(0);
        await Assert.That(table.Stdout).Contains("Extra 59");
        await Assert.That(table.Stdout).Contains("Survival");

        var jsonl = (await sandbox.RunAsync("servers", "list", "-o", "jsonl")).Expect(0);
        var lines = jsonl.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        await Assert.That(lines.Length).IsEqualTo(63); // Survival, Creative, Shared Lobby + 60
        foreach (var line in lines)
            JsonDocument.Parse(line).Dispose();

        var limited = (await sandbox.RunAsync("servers", "list", "--limit", "5", "-o", "jsonl")).Expect(0);
        await Assert.That(limited.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length).IsEqualTo(5);

        var json = (await sandbox.RunAsync("servers", "list", "--limit", "70", "-o", "json")).Expect(0);
        using var doc = JsonDocument.Parse(json.Stdout);
        await Assert.That(doc.RootElement.GetArrayLength()).IsEqualTo(63);
    }

    [Test]
    public async Task Show_and_resources()
    {
        await using var panel = await FakePanel.StartAsync();
        using var sandbox = new Sandbox(panel);
        var survival = Named(panel, "Survival");

        var show = (await sandbox.RunAsync("servers", "show", survival.Identifier)).Expect(0);
        await Assert.That(show.Stdout).Contains("Survival");
        await Assert.That(show.Stdout).Contains(survival.Uuid.ToString());

        var json = (await sandbox.RunAsync("servers", "show", survival.Uuid.ToString(), "-o", "json")).Expect(0);
        using var doc = JsonDocument.Parse(json.Stdout);
        await Assert.That(doc.RootElement.GetProperty("identifier").GetString()).IsEqualTo(survival.Identifier);

        var res = (await sandbox.RunAsync("servers", "resources", survival.Identifier)).Expect(0);
        await Assert.That(res.Stdout).Contains("State:");
        var resJson = (await sandbox.RunAsync("servers", "resources", survival.Identifier, "-o", "json")).Expect(0);
        using var rdoc = JsonDocument.Parse(resJson.Stdout);
        await Assert.That(rdoc.RootElement.TryGetProperty("current_state", out _)).IsTrue();
    }

    [Test]
    public async Task Bulk_restart_all_with_a_suspended_server_is_exit_8_with_a_summary()
    {
        await using var panel = await FakePanel.StartAsync();
        using var sandbox = new Sandbox(panel);
        var creative = Named(panel, "Creative");
        creative.Status = "suspended";

        // --all covers owned and shared servers: Survival succeeds, Creative is 409 (suspended), Shared Lobby is 403 (no control.restart).
        var r = (await sandbox.RunAsync("power", "restart", "--all")).Expect(8);
        await Assert.That(r.Stdout).Contains("1 succeeded, 2 failed");
        await Assert.That(r.Stdout).Contains($"FAIL  {creative.Identifier}");
        await Assert.That(Named(panel, "Survival").PowerState).IsNotEqualTo("offline");
    }

    [Test]
    public async Task Dry_run_sends_nothing()
    {
        await using var panel = await FakePanel.StartAsync();
        using var sandbox = new Sandbox(panel);

        var r = (await sandbox.RunAsync("power", "stop", "--all", "--dry-run")).Expect(0);
        await Assert.That(r.Stdout).Contains("would send stop to");
        await Assert.That(panel.Requests.Any(q => q.Method == "POST" && q.PathAndQuery.Contains("/power", StringComparison.Ordinal))).IsFalse();

        var c = (await sandbox.RunAsync("command", Named(panel, "Survival").Identifier, "--dry-run", "--", "say", "hi")).Expect(0);
        await Assert.That(c.Stdout).Contains("would send command 'say hi'");
        await Assert.That(panel.Requests.Any(q => q.Method == "POST")).IsFalse();
    }

    [Test]
    public async Task From_file_and_stdin_pick_the_servers()
    {
        await using var panel = await FakePanel.StartAsync();
        using var sandbox = new Sandbox(panel);
        var survival = Named(panel, "Survival");
        var creative = Named(panel, "Creative");
        var file = Path.Combine(sandbox.Dir, "servers.txt");
        await File.WriteAllTextAsync(file, $"# my servers\n{survival.Identifier}\n\n{creative.Uuid}  # creative\n");

        var r = (await sandbox.RunAsync("power", "start", "--from-file", file)).Expect(0);
        await Assert.That(r.Stdout).Contains("2 succeeded, 0 failed");
        await Assert.That(panel.Requests.Count(q => q.Method == "POST" && q.PathAndQuery.EndsWith("/power", StringComparison.Ordinal))).IsEqualTo(2);

        var s = (await sandbox.RunWithStdinAsync($"{survival.Identifier}\n", "power", "kill", "--from-file", "-")).Expect(0);
        await Assert.That(survival.PowerState).IsEqualTo("offline");
    }

    [Test]
    public async Task Bad_server_id_is_exit_2()
    {
        await using var panel = await FakePanel.StartAsync();
        using var sandbox = new Sandbox(panel);

        var r = (await sandbox.RunAsync("servers", "show", "not-an-id!")).Expect(2);
        await Assert.That(r.Stderr).Contains("error:");
        (await sandbox.RunAsync("power", "start", "xyz")).Expect(2);
        await Assert.That(panel.Requests.Count).IsEqualTo(0);
    }

    [Test]
    public async Task Forbidden_action_on_a_shared_server_is_exit_3_and_unknown_is_exit_4()
    {
        await using var panel = await FakePanel.StartAsync();
        using var sandbox = new Sandbox(panel);

        var r = (await sandbox.RunAsync("power", "stop", Named(panel, "Shared Lobby").Identifier)).Expect(3);
        await Assert.That(r.Stderr).Contains("403");
        (await sandbox.RunAsync("servers", "show", "deadbeef")).Expect(4);
    }
}
