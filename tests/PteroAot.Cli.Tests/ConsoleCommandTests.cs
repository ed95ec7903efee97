using System.Diagnostics;
using System.Text.Json;
using PteroAot.Cli.Tests.Support;
using PteroAot.Testing;

namespace PteroAot.Cli.Tests;

/// <summary>console, logs, exec and stats over the fake Wings websocket, through the native binary.</summary>
public sealed class ConsoleCommandTests
{
    private static FakeServer Named(FakePanel panel, string name) => panel.State.Servers.First(s => s.Name == name);

    [Test]
    public async Task Exec_until_returns_the_lines_up_to_the_match()
    {
        await using var panel = await FakePanel.StartAsync();
        using var sandbox = new Sandbox(panel);
        var survival = Named(panel, "Survival");

        var r = (await sandbox.RunAsync("exec", survival.Identifier, "list", "--until", "players online", "--timeout", "10")).Expect(0);
        var lines = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        await Assert.That(lines).Contains("> list");
        await Assert.That(lines[^1]).IsEqualTo("There are 0 of a max of 20 players online:");

        var json = (await sandbox.RunAsync("exec", survival.Identifier, "say hi", "-o", "json")).Expect(0);
        using var doc = JsonDocument.Parse(json.Stdout);
        await Assert.That(doc.RootElement.GetProperty("outcome").GetString()).IsEqualTo("quiet");
        await Assert.That(doc.RootElement.GetProperty("lines").EnumerateArray().Select(e => e.GetString()).ToList()).Contains("[Server] hi");
    }

    [Test]
    public async Task Exec_timing_out_is_exit_9_quickly()
    {
        await using var panel = await FakePanel.StartAsync();
        using var sandbox = new Sandbox(panel);
        var survival = Named(panel, "Survival");

        var r = (await sandbox.RunAsync("exec", survival.Identifier, "silent", "--until", "never printed", "--timeout", "1")).Expect(9);
        await Assert.That(r.Stderr).Contains("timed out");
        await Assert.That(r.Elapsed).IsLessThan(TimeSpan.FromSeconds(10));
    }

    [Test]
    public async Task Console_sends_stdin_lines_and_exits_0_at_end_of_input()
    {
        await using var panel = await FakePanel.StartAsync();
        using var sandbox = new Sandbox(panel);
        var survival = Named(panel, "Survival");

        var r = (await sandbox.RunWithStdinAsync("list\n", "console", survival.Identifier)).Expect(0);
        await Assert.That(r.Stdout).Contains("There are 0 of a max of 20 players online:");
        await Assert.That(r.Stdout).Contains("[status: running]");
    }

    [Test]
    public async Task Logs_prints_the_replayed_lines()
    {
        await using var panel = await FakePanel.StartAsync();
        var survival = Named(panel, "Survival");
        panel.Wings.WriteConsole(survival, "[12:00:00] [Server thread/INFO]: Done (3.2s)!");
        panel.Wings.WriteConsole(survival, "\u001b[33mcoloured\u001b[0m line");
        using var sandbox = new Sandbox(panel);

        var r = (await sandbox.RunAsync("logs", survival.Identifier)).Expect(0);
        await Assert.That(r.Stdout).Contains("Done (3.2s)!");
        await Assert.That(r.Stdout).Contains("coloured line"); // escapes removed when stdout is not a terminal
        await Assert.That(r.Stdout).DoesNotContain("\u001b");
    }

    [Test]
    public async Task Stats_json_parses()
    {
        await using var panel = await FakePanel.StartAsync();
        using var sandbox = new Sandbox(panel);
        var survival = Named(panel, "Survival");

        var json = (await sandbox.RunAsync("stats", survival.Identifier, "-o", "json")).Expect(0);
        using var doc = JsonDocument.Parse(json.Stdout);
        await Assert.That(doc.RootElement.GetProperty("state").GetString()).IsEqualTo("running");
        await Assert.That(doc.RootElement.GetProperty("memory_bytes").GetInt64()).IsGreaterThan(0);
        await Assert.That(doc.RootElement.TryGetProperty("network", out _)).IsTrue();

        var table = (await sandbox.RunAsync("stats", survival.Identifier)).Expect(0);
        await Assert.That(table.Stdout).Contains("CPU:");
        await Assert.That(table.Stdout).Contains("Uptime:");
    }

    [Test]
    public async Task Console_of_a_server_of_another_user_is_404_exit_4()
    {
        // websocket.connect is always granted to subusers (Shared Lobby included), so a 403 cannot be provoked; use a foreign server.
        await using var panel = await FakePanel.StartAsync();
        var stranger = panel.State.CreateUser("stranger", "stranger@example.com", "Password123!");
        var foreign = panel.State.CreateServer(stranger, "Foreign");
        using var sandbox = new Sandbox(panel);

        var r = (await sandbox.RunAsync("exec", foreign.Identifier, "list")).Expect(4);
        await Assert.That(r.Stderr).Contains("not found");
        (await sandbox.RunWithStdinAsync(null, "console", foreign.Identifier)).Expect(4);
    }

    [Test]
    [Arguments("logs", "--follow")]
    [Arguments("stats", "--watch")]
    [Arguments("console", "")]
    public async Task Streaming_commands_end_with_exit_0_on_sigint(string verb, string flag)
    {
        await using var panel = await FakePanel.StartAsync();
        using var sandbox = new Sandbox(panel);
        var survival = Named(panel, "Survival");
        panel.Wings.WriteConsole(survival, "first line");

        var start = new ProcessStartInfo(PteroBinary.Path) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(verb);
        start.ArgumentList.Add(survival.Identifier);
        if (flag.Length > 0)
            start.ArgumentList.Add(flag);
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("PTERO_", StringComparison.Ordinal)).ToList())
            start.Environment.Remove(name);
        foreach (var (name, value) in sandbox.Env)
            start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var first = await process.StandardOutput.ReadLineAsync(timeout.Token); // streaming has begun
        await Assert.That(first).IsNotNull();
        using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            await kill.WaitForExitAsync(timeout.Token);
        var rest = process.StandardOutput.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        await rest;
        await Assert.That(process.ExitCode).IsEqualTo(0).Because(await stderr);
    }

    [Test]
    public async Task Logs_follow_lives_through_token_rotations_and_a_forced_drop()
    {
        // Tokens live 2 s and are renewed 1 s before expiry: a 5-second session sees at least two renewals.
        await using var panel = await FakePanel.StartAsync(new FakePanelOptions { Wings = FakeWingsOptions.FastTokens });
        using var sandbox = new Sandbox(panel);
        var survival = Named(panel, "Survival");
        panel.Wings.WriteConsole(survival, "before the drop");

        var start = new ProcessStartInfo(PteroBinary.Path) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "logs", survival.Identifier, "--follow" })
            start.ArgumentList.Add(arg);
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("PTERO_", StringComparison.Ordinal)).ToList())
            start.Environment.Remove(name);
        foreach (var (name, value) in sandbox.Env)
            start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var lines = new List<string>();
        async Task<bool> ReadUntil(string text)
        {
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                lines.Add(line);
                if (line.Contains(text, StringComparison.Ordinal))
                    return true;
            }
            return false;
        }

        await Assert.That(await ReadUntil("before the drop")).IsTrue();
        await Task.Delay(TimeSpan.FromSeconds(2.5), timeout.Token);          // past one token renewal
        panel.Wings.DropConnections(survival);                               // abnormal drop: ptero reconnects
        for (int i = 0; i < 50 && panel.Wings.OpenConnections(survival) == 0; i++)
            await Task.Delay(100, timeout.Token);
        await Task.Delay(TimeSpan.FromSeconds(2.5), timeout.Token);          // past another renewal, on the new socket
        panel.Wings.WriteConsole(survival, "after the drop");
        await Assert.That(await ReadUntil("after the drop")).IsTrue();

        using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            await kill.WaitForExitAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        var errors = await stderr;
        await Assert.That(process.ExitCode).IsEqualTo(0).Because(errors);
        await Assert.That(errors).Contains("reconnect");
        await Assert.That(panel.Wings.UpgradeCount(survival)).IsGreaterThanOrEqualTo(2);
    }

    [Test]
    public async Task Logs_follow_stops_without_reconnecting_when_the_daemon_closes_with_4409()
    {
        await using var panel = await FakePanel.StartAsync();
        using var sandbox = new Sandbox(panel);
        var survival = Named(panel, "Survival");
        panel.Wings.WriteConsole(survival, "first line");

        var run = sandbox.RunAsync("logs", survival.Identifier, "--follow");
        for (int i = 0; i < 100 && panel.Wings.OpenConnections(survival) == 0; i++)
            await Task.Delay(100);
        await Task.Delay(300);
        await panel.Wings.CloseWith(survival, 4409);
        var r = await run;

        await Assert.That(r.TimedOut).IsFalse();
        await Assert.That(r.ExitCode).IsNotEqualTo(0).Because(r.ToString());
        await Assert.That(r.Stderr).Contains("4409");
        await Assert.That(panel.Wings.UpgradeCount(survival)).IsEqualTo(1);
    }
}
