using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.RegularExpressions;
using PteroAot.Consoles;
using PteroAot.Servers;
using PteroAot.Testing;
using PteroAot.Tests.Client.Servers;
using PteroAot.Tests.Support;

namespace PteroAot.Tests.Consoles;

public class ConsoleTests
{
    private static readonly ConsoleOptions FastReconnect = new() { InitialReconnectDelay = TimeSpan.FromMilliseconds(50), MaxReconnectDelay = TimeSpan.FromMilliseconds(200) };

    [Test]
    public async Task A_session_lives_through_two_token_rotations_and_a_drop_without_losing_lines()
    {
        await using var t = await TestPanel.StartAsync(new FakePanelOptions { Wings = FakeWingsOptions.FastTokens });
        var survival = t.Survival();
        await using var console = await t.Client.Console.ConnectAsync(survival.Id(), FastReconnect);
        var events = new ConcurrentQueue<ConsoleEvent>();
        using var stop = new CancellationTokenSource();
        var reader = Task.Run(async () =>
        {
            await foreach (var e in console.ReadEventsAsync(stop.Token))
            {
                events.Enqueue(e);
            }
        });

        var written = new List<string>();
        var sw = Stopwatch.StartNew();
        var dropped = false;
        for (var i = 0; sw.Elapsed < TimeSpan.FromSeconds(3.5); i++)
        {
            var line = $"line {i}";
            t.Panel.Wings.WriteConsole(survival, line);
            written.Add(line);
            if (!dropped && sw.Elapsed > TimeSpan.FromSeconds(1.7))
            {
                dropped = true;
                t.Panel.Wings.DropConnections(survival);
            }

            await Task.Delay(50);
        }

        await WaitFor(() => events.OfType<ConsoleOutputEvent>().Any(e => e.Line == written[^1]));
        var lines = events.OfType<ConsoleOutputEvent>().Select(e => e.Line).ToHashSet();
        await Assert.That(events.OfType<TokenExpiringEvent>().Count()).IsGreaterThanOrEqualTo(2);
        await Assert.That(events.OfType<TokenExpiredEvent>().Count()).IsEqualTo(0);
        await Assert.That(events.OfType<ReconnectedEvent>().Count()).IsEqualTo(1);
        await Assert.That(events.OfType<ReconnectedEvent>().Single().GapPossible).IsTrue();
        await Assert.That(events.OfType<JwtErrorEvent>().Count()).IsEqualTo(0);
        // The gap is covered by the "send logs" replay after the reconnect: nothing is missing.
        await Assert.That(written.Where(l => !lines.Contains(l)).ToList()).IsEmpty();
        await Assert.That(t.Panel.Wings.UpgradeCount(survival)).IsEqualTo(2);
        await stop.CancelAsync();
        await Assert.ThrowsAsync<OperationCanceledException>(() => reader);
    }

    [Test]
    public async Task Without_Origin_Wings_answers_403_and_the_sdk_sends_the_panel_url()
    {
        await using var t = await TestPanel.StartAsync();
        var survival = t.Survival();
        var credentials = await t.Client.Servers.GetWebsocketAsync(survival.Id());

        using var raw = new ClientWebSocket();
        raw.Options.CollectHttpResponseDetails = true;
        var ex = await Assert.ThrowsAsync<WebSocketException>(() => raw.ConnectAsync(new Uri(credentials.Socket), CancellationToken.None));
        await Assert.That(raw.HttpStatusCode).IsEqualTo(HttpStatusCode.Forbidden);
        await Assert.That(ex).IsNotNull();

        await using var console = await t.Client.Console.ConnectAsync(survival.Id());
        await Assert.That(console.IsConnected).IsTrue();
        var upgrade = t.Panel.Requests.Last(r => r.PathAndQuery.EndsWith("/ws"));
        await Assert.That(upgrade.Headers["Origin"]).IsEqualTo(t.Panel.Url.ToString().TrimEnd('/'));
    }

    [Test]
    public async Task Close_code_4409_ends_the_session_without_reconnecting()
    {
        await using var t = await TestPanel.StartAsync();
        var survival = t.Survival();
        await using var console = await t.Client.Console.ConnectAsync(survival.Id(), FastReconnect);

        await t.Panel.Wings.CloseWith(survival, 4409, "conflict");
        var all = await ReadAll(console, TimeSpan.FromSeconds(5));
        await Task.Delay(300);

        var closed = (ClosedEvent)all[^1];
        await Assert.That(closed.Reason).IsEqualTo(ConsoleCloseReason.Conflict);
        await Assert.That(closed.CloseCode).IsEqualTo(4409);
        await Assert.That(all.OfType<ReconnectingEvent>().Count()).IsEqualTo(0);
        await Assert.That(t.Panel.Wings.UpgradeCount(survival)).IsEqualTo(1);
        await Assert.ThrowsAsync<PteroConsoleException>(() => console.SendCommandAsync("list"));
    }

    [Test]
    public async Task A_bad_token_gets_a_jwt_error_and_a_close()
    {
        await using var t = await TestPanel.StartAsync();
        var survival = t.Survival();
        var credentials = await t.Client.Servers.GetWebsocketAsync(survival.Id());
        var parts = credentials.Token.Split('.');
        var forged = parts[0] + "." + parts[1] + "." + new string('A', parts[2].Length);

        using var raw = new ClientWebSocket();
        raw.Options.SetRequestHeader("Origin", t.Panel.Url.ToString().TrimEnd('/'));
        await raw.ConnectAsync(new Uri(credentials.Socket), CancellationToken.None);
        await raw.SendAsync(Encoding.UTF8.GetBytes($$"""{"event":"auth","args":["{{forged}}"]}"""), WebSocketMessageType.Text, true, CancellationToken.None);
        var buffer = new byte[4096];
        var first = await raw.ReceiveAsync(buffer, CancellationToken.None);
        var text = Encoding.UTF8.GetString(buffer, 0, first.Count);
        var close = await raw.ReceiveAsync(buffer, CancellationToken.None);

        await Assert.That(text).Contains("\"event\":\"jwt error\"");
        await Assert.That(text).Contains("jwt: signature is invalid");
        await Assert.That(close.MessageType).IsEqualTo(WebSocketMessageType.Close);
        await Assert.That((int?)close.CloseStatus).IsEqualTo(4401);
    }

    [Test]
    public async Task Credentials_errors_are_typed_403_and_409()
    {
        await using var t = await TestPanel.StartAsync();
        var lobby = t.SharedLobby();
        lobby.Subusers.Single().Permissions.Remove("websocket.connect");
        await Assert.ThrowsAsync<PteroPermissionException>(() => t.Client.Console.ConnectAsync(lobby.Id()));

        var survival = t.Survival();
        survival.Status = "suspended";
        await Assert.ThrowsAsync<PteroConflictException>(() => t.Client.Console.ConnectAsync(survival.Id()));
    }

    [Test]
    public async Task ExecuteAsync_until_a_pattern_returns_the_command_echo_and_the_answer()
    {
        await using var t = await TestPanel.StartAsync();
        await using var console = await t.Client.Console.ConnectAsync(t.Survival().Id(), new ConsoleOptions { RequestLogsOnConnect = false });

        var result = await console.ExecuteAsync("list", until: new Regex("players online"), timeout: TimeSpan.FromSeconds(5));

        await Assert.That(result.Outcome).IsEqualTo(ExecuteOutcome.Matched);
        await Assert.That(result.Lines).IsEquivalentTo(["> list", "There are 0 of a max of 20 players online:"]);
    }

    [Test]
    public async Task ExecuteAsync_with_a_quiet_period_or_a_timeout()
    {
        await using var t = await TestPanel.StartAsync();
        await using var console = await t.Client.Console.ConnectAsync(t.Survival().Id(), new ConsoleOptions { RequestLogsOnConnect = false });

        var quiet = await console.ExecuteAsync("say hello", quietPeriod: TimeSpan.FromMilliseconds(300), timeout: TimeSpan.FromSeconds(5));
        var timedOut = await console.ExecuteAsync("silent", until: new Regex("never"), timeout: TimeSpan.FromMilliseconds(300));

        await Assert.That(quiet.Outcome).IsEqualTo(ExecuteOutcome.QuietPeriod);
        await Assert.That(quiet.Lines).IsEquivalentTo(["> say hello", "[Server] hello"]);
        await Assert.That(timedOut.Outcome).IsEqualTo(ExecuteOutcome.TimedOut);
        await Assert.That(timedOut.Lines).IsEquivalentTo(["> silent"]);
    }

    [Test]
    public async Task Cancellation_and_dispose_end_everything_within_a_second()
    {
        await using var t = await TestPanel.StartAsync();
        var survival = t.Survival();
        var console = await t.Client.Console.ConnectAsync(survival.Id(), new ConsoleOptions { InitialReconnectDelay = TimeSpan.FromSeconds(30) });
        using var cts = new CancellationTokenSource();
        var reader = Task.Run(async () =>
        {
            await foreach (var _ in console.ReadEventsAsync(cts.Token))
            {
            }
        });
        var execute = console.ExecuteAsync("silent", until: new Regex("never"), timeout: TimeSpan.FromMinutes(1), cancellationToken: cts.Token);
        await Task.Delay(200);
        var second = await t.Client.Console.ConnectAsync(survival.Id(), new ConsoleOptions { InitialReconnectDelay = TimeSpan.FromSeconds(30) });
        t.Panel.Wings.DropConnections(survival); // `second` now waits 15-30 s to reconnect
        await Task.Delay(200);

        var sw = Stopwatch.StartNew();
        await cts.CancelAsync();
        await Assert.ThrowsAsync<OperationCanceledException>(() => reader);
        await Assert.ThrowsAsync<OperationCanceledException>(() => execute);
        await console.DisposeAsync();
        await second.DisposeAsync();
        sw.Stop();

        await Assert.That(sw.Elapsed).IsLessThan(TimeSpan.FromSeconds(1));
        await Assert.That(second.Closed!.Reason).IsEqualTo(ConsoleCloseReason.Disposed);
    }

    [Test]
    public async Task Stats_are_parsed_from_the_json_string()
    {
        await using var t = await TestPanel.StartAsync(new FakePanelOptions { Wings = new FakeWingsOptions { StatsInterval = TimeSpan.Zero } });
        var survival = t.Survival();
        await using var console = await t.Client.Console.ConnectAsync(survival.Id());

        await console.RequestStatsAsync();
        var live = await First<StatsEvent>(console);
        t.Panel.Wings.Broadcast(survival, "stats",
            """{"memory_bytes":2147483648,"memory_limit_bytes":4563402752,"cpu_absolute":37.412,"network":{"rx_bytes":58211340,"tx_bytes":104857600},"uptime":5421000,"state":"running","disk_bytes":1288490188}""");
        var fixture = await First<StatsEvent>(console);
        t.Panel.Wings.Broadcast(survival, "backup completed",
            """{"uuid":"904df120-a66a-4c33-9fd1-2a9d4a6bd9e2","is_successful":true,"checksum":"0bc1","checksum_type":"sha1","file_size":1288490188}""");
        var backup = await First<BackupCompletedEvent>(console);

        await Assert.That(live.Stats.State).IsEqualTo("running");
        await Assert.That(live.Stats.MemoryLimitBytes).IsEqualTo((long)survival.MemoryLimit * 1024 * 1024);
        await Assert.That(fixture.Stats.MemoryBytes).IsEqualTo(2147483648L);
        await Assert.That(fixture.Stats.CpuAbsolute).IsEqualTo(37.412);
        await Assert.That(fixture.Stats.Network.RxBytes).IsEqualTo(58211340L);
        await Assert.That(fixture.Stats.Network.TxBytes).IsEqualTo(104857600L);
        await Assert.That(fixture.Stats.Uptime).IsEqualTo(5421000L);
        await Assert.That(fixture.Stats.DiskBytes).IsEqualTo(1288490188L);
        await Assert.That(backup.Backup.IsSuccessful).IsTrue();
        await Assert.That(backup.Backup.ChecksumType).IsEqualTo("sha1");
        await Assert.That(backup.Backup.FileSize).IsEqualTo(1288490188L);
    }

    [Test]
    public async Task Power_over_the_socket_emits_status_and_changes_the_state()
    {
        await using var t = await TestPanel.StartAsync();
        var creative = t.Creative();
        await using var console = await t.Client.Console.ConnectAsync(creative.Id());

        await console.SetStateAsync(PowerSignal.Start);
        var running = await First<StatusEvent>(console, s => s.State == "running");

        await Assert.That(running.State).IsEqualTo("running");
        await Assert.That(creative.PowerState).IsEqualTo("running");
    }

    [Test]
    public async Task Dispose_sends_a_normal_close_frame()
    {
        await using var t = await TestPanel.StartAsync();
        var survival = t.Survival();
        var console = await t.Client.Console.ConnectAsync(survival.Id());

        await console.DisposeAsync();
        var all = await ReadAll(console, TimeSpan.FromSeconds(2));
        await WaitFor(() => t.Panel.Wings.OpenConnections(survival) == 0);

        await Assert.That(t.Panel.Wings.ClientCloses).IsEquivalentTo([new WingsCloseRecord(survival.Uuid, 1000)]);
        await Assert.That(((ClosedEvent)all[^1]).Reason).IsEqualTo(ConsoleCloseReason.Disposed);
    }

    private static async Task<List<ConsoleEvent>> ReadAll(ServerConsole console, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        var list = new List<ConsoleEvent>();
        await foreach (var e in console.ReadEventsAsync(cts.Token))
        {
            list.Add(e);
        }

        return list;
    }

    private static async Task<T> First<T>(ServerConsole console, Func<T, bool>? predicate = null)
        where T : ConsoleEvent
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await foreach (var e in console.ReadEventsAsync(cts.Token))
        {
            if (e is T match && (predicate is null || predicate(match)))
            {
                return match;
            }
        }

        throw new InvalidOperationException("the session closed first");
    }

    private static async Task WaitFor(Func<bool> condition)
    {
        var sw = Stopwatch.StartNew();
        while (!condition() && sw.Elapsed < TimeSpan.FromSeconds(5))
        {
            await Task.Delay(20);
        }
    }
}
