using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using PteroAot.Cli.Infrastructure;
using PteroAot.Cli.Terminal;
using PteroAot.Consoles;

namespace PteroAot.Cli.Commands;

/// <summary><c>ptero console|logs|exec|stats &lt;server&gt;</c>: the live console over the Wings websocket.</summary>
internal static partial class ConsoleCommands
{
    private static readonly TimeSpan s_logsQuiet = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan s_drainQuiet = TimeSpan.FromSeconds(1);

    public static IEnumerable<Command> Build() => [Console(), Logs(), Exec(), Stats()];

    private static Command Console()
    {
        var server = Args.Server();
        var command = new Command("console", "Attach to the live console: prints output and status changes, sends each stdin line as a command. Ends on Ctrl-C or end of input (exit 0).") { server };
        command.Handle(async c =>
        {
            var session = await ConnectAsync(c, c.Get(server), requestLogs: true).ConfigureAwait(false);
            await using (session.ConfigureAwait(false))
            {
                // After end of input, keep printing until the output has been quiet for a moment, then close.
                using var drain = new CancellationTokenSource();
                var inputDone = 0;
                _ = Task.Run(() => PumpInput(c, session, () =>
                {
                    Volatile.Write(ref inputDone, 1);
                    drain.CancelAfter(s_drainQuiet);
                }));
                using var stop = CancellationTokenSource.CreateLinkedTokenSource(c.CancellationToken, drain.Token);
                try
                {
                    await foreach (var e in session.ReadEventsAsync(stop.Token).ConfigureAwait(false))
                    {
                        if (Volatile.Read(ref inputDone) == 1 && e is ConsoleOutputEvent or StatusEvent)
                            drain.CancelAfter(s_drainQuiet);
                        if (e is ClosedEvent closed)
                            return ClosedExit(c, closed);
                        WriteEvent(c, e, showStatus: true);
                    }
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    // Ctrl-C or end of input: a clean end.
                }
                return ExitCodes.Success;
            }
        });
        return command;
    }

    private static async Task PumpInput(CliContext c, ServerConsole session, Action endOfInput)
    {
        try
        {
            while (System.Console.In.ReadLine() is { } line)
            {
                line = line.TrimEnd('\r');
                if (line.Length == 0)
                    continue;
                try
                {
                    await session.SendCommandAsync(line, c.CancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    c.Err.WriteLine($"{Term.Yellow("warning:", Term.ColorErr)} command not sent: {Term.Clean(ex.Message)}");
                }
            }
        }
        catch (Exception)
        {
            // A closed or broken stdin ends the input like EOF.
        }
        endOfInput();
    }

    private static Command Logs()
    {
        var server = Args.Server();
        var follow = new Option<bool>("--follow", "-f") { Description = "Keep printing new output (and status changes) until Ctrl-C." };
        var command = new Command("logs", "Print the server's recent console log (replayed by Wings; empty while the server is offline).") { server, follow };
        command.Handle(async c =>
        {
            var following = c.Get(follow);
            var session = await ConnectAsync(c, c.Get(server), requestLogs: true).ConfigureAwait(false);
            await using (session.ConfigureAwait(false))
            {
                using var quiet = new CancellationTokenSource();
                if (!following)
                    quiet.CancelAfter(s_logsQuiet);
                using var stop = CancellationTokenSource.CreateLinkedTokenSource(c.CancellationToken, quiet.Token);
                try
                {
                    await foreach (var e in session.ReadEventsAsync(stop.Token).ConfigureAwait(false))
                    {
                        if (e is ClosedEvent closed)
                            return ClosedExit(c, closed);
                        if (!following && e is ConsoleOutputEvent)
                            quiet.CancelAfter(s_logsQuiet);
                        if (following || e is ConsoleOutputEvent)
                            WriteEvent(c, e, showStatus: following);
                    }
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                }
                return ExitCodes.Success;
            }
        });
        return command;
    }

    private static Command Exec()
    {
        var server = Args.Server();
        var text = new Argument<string>("command") { Description = "The console command, without a leading slash (quote it)." };
        var until = new Option<string?>("--until") { Description = "Stop after the first output line matching this regular expression.", HelpName = "regex" };
        var quietPeriod = new Option<double?>("--quiet-period") { Description = "Stop after this many seconds without output (default 1 when --until is not given).", HelpName = "seconds" };
        var timeout = new Option<double>("--timeout") { Description = "Give up after this many seconds: exit 9 with the lines so far.", HelpName = "seconds", DefaultValueFactory = _ => 30 };
        var command = new Command("exec", "Run a console command and print the output lines that follow it. Exit 0 when --until matched or the output went quiet, 9 on --timeout.")
        {
            server, text, until, quietPeriod, timeout,
        };
        command.Handle(async c =>
        {
            Regex? pattern = null;
            if (c.Get(until) is { } u)
            {
                try
                {
                    pattern = new Regex(u, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
                }
                catch (ArgumentException ex)
                {
                    throw new UsageException($"--until is not a valid regular expression: {ex.Message}");
                }
            }
            var quiet = c.Get(quietPeriod);
            if (quiet is <= 0 or > 86_400)
                throw new UsageException("--quiet-period must be between 0 and 86400 seconds.");
            var limit = c.Get(timeout);
            if (limit is <= 0 or > 86_400)
                throw new UsageException("--timeout must be between 0 and 86400 seconds.");

            var session = await ConnectAsync(c, c.Get(server), requestLogs: false).ConfigureAwait(false);
            await using (session.ConfigureAwait(false))
            {
                var result = await session.ExecuteAsync(c.Get(text), pattern,
                    quiet is { } q ? TimeSpan.FromSeconds(q) : null, TimeSpan.FromSeconds(limit), c.CancellationToken).ConfigureAwait(false);
                var outcome = result.Outcome switch
                {
                    ExecuteOutcome.Matched => "matched",
                    ExecuteOutcome.QuietPeriod => "quiet",
                    ExecuteOutcome.TimedOut => "timed_out",
                    _ => "closed",
                };
                if (c.Json)
                {
                    c.Out.WriteLine(JsonObject(c.Jsonl, w =>
                    {
                        w.WriteStartArray("lines");
                        foreach (var line in result.Lines)
                            w.WriteStringValue(line);
                        w.WriteEndArray();
                        w.WriteString("outcome", outcome);
                    }));
                }
                else
                {
                    foreach (var line in result.Lines)
                        c.Out.WriteLine(CleanLine(line));
                }

                switch (result.Outcome)
                {
                    case ExecuteOutcome.TimedOut:
                        c.Err.WriteLine($"{Term.Red("error:", Term.ColorErr)} timed out after {limit.ToString("0.###", CultureInfo.InvariantCulture)} s{(pattern is null ? "" : " without a line matching --until")}.");
                        return ExitCodes.TimedOut;
                    case ExecuteOutcome.Closed:
                        return session.Closed is { } closed ? ClosedExit(c, closed) : ExitCodes.Unavailable;
                    default:
                        return ExitCodes.Success;
                }
            }
        });
        return command;
    }

    private static Command Stats()
    {
        var server = Args.Server();
        var watch = new Option<bool>("--watch", "-w") { Description = "Keep printing the figures as Wings sends them (one line each) until Ctrl-C." };
        var command = new Command("stats", "Live resource usage from Wings: state, CPU, memory, disk, network, uptime.") { server, watch };
        command.Handle(async c =>
        {
            var watching = c.Get(watch);
            var session = await ConnectAsync(c, c.Get(server), requestLogs: false).ConfigureAwait(false);
            await using (session.ConfigureAwait(false))
            {
                await session.RequestStatsAsync(c.CancellationToken).ConfigureAwait(false);
                using var wait = new CancellationTokenSource();
                if (!watching)
                    wait.CancelAfter(TimeSpan.FromSeconds(15));
                using var stop = CancellationTokenSource.CreateLinkedTokenSource(c.CancellationToken, wait.Token);
                var header = false;
                try
                {
                    await foreach (var e in session.ReadEventsAsync(stop.Token).ConfigureAwait(false))
                    {
                        if (e is ClosedEvent closed)
                            return ClosedExit(c, closed);
                        if (e is StatusEvent or ReconnectingEvent or ReconnectedEvent or DaemonErrorEvent or JwtErrorEvent)
                            WriteEvent(c, e, showStatus: false);
                        if (e is not StatsEvent { Stats: var s })
                            continue;
                        if (c.Json)
                        {
                            c.Out.WriteLine(JsonObject(c.Jsonl || watching, w => WriteStats(w, s)));
                        }
                        else if (!watching)
                        {
                            c.WriteDetails(new Details()
                                .Add("State", s.State)
                                .Add("CPU", Percent(s.CpuAbsolute))
                                .Add("Memory", Memory(s))
                                .Add("Disk", Units.Bytes(s.DiskBytes))
                                .Add("Network", $"rx {Units.Bytes(s.NetworkRx())}, tx {Units.Bytes(s.NetworkTx())}")
                                .Add("Uptime", Units.Duration(TimeSpan.FromMilliseconds(s.Uptime))));
                        }
                        else
                        {
                            if (!header)
                            {
                                c.Out.WriteLine($"{"TIME",-8}  {"STATE",-8}  {"CPU",8}  {"MEMORY",-22}  {"DISK",10}  {"NET RX",10}  {"NET TX",10}  UPTIME");
                                header = true;
                            }
                            c.Out.WriteLine($"{DateTime.Now.ToString("HH:mm:ss", CultureInfo.InvariantCulture),-8}  {Term.Clean(s.State),-8}  {Percent(s.CpuAbsolute),8}  {Memory(s),-22}  {Units.Bytes(s.DiskBytes),10}  {Units.Bytes(s.NetworkRx()),10}  {Units.Bytes(s.NetworkTx()),10}  {Units.Duration(TimeSpan.FromMilliseconds(s.Uptime))}");
                        }
                        c.Out.Flush();
                        if (!watching)
                            return ExitCodes.Success;
                    }
                }
                catch (OperationCanceledException) when (c.CancellationToken.IsCancellationRequested)
                {
                    return ExitCodes.Success;
                }
                catch (OperationCanceledException) when (wait.IsCancellationRequested)
                {
                    throw new CliException("Wings sent no stats within 15 seconds.", ExitCodes.Unavailable);
                }
                return ExitCodes.Success;
            }
        });
        return command;
    }

    private static long NetworkRx(this ConsoleStats s) => s.Network.RxBytes;

    private static long NetworkTx(this ConsoleStats s) => s.Network.TxBytes;

    private static string Percent(double value) => value.ToString("0.##", CultureInfo.InvariantCulture) + " %";

    private static string Memory(ConsoleStats s)
        => s.MemoryLimitBytes > 0 ? $"{Units.Bytes(s.MemoryBytes)} / {Units.Bytes(s.MemoryLimitBytes)}" : Units.Bytes(s.MemoryBytes);

    private static void WriteStats(Utf8JsonWriter w, ConsoleStats s)
    {
        w.WriteString("state", s.State);
        w.WriteNumber("cpu_absolute", s.CpuAbsolute);
        w.WriteNumber("memory_bytes", s.MemoryBytes);
        w.WriteNumber("memory_limit_bytes", s.MemoryLimitBytes);
        w.WriteNumber("disk_bytes", s.DiskBytes);
        w.WriteStartObject("network");
        w.WriteNumber("rx_bytes", s.Network.RxBytes);
        w.WriteNumber("tx_bytes", s.Network.TxBytes);
        w.WriteEndObject();
        w.WriteNumber("uptime", s.Uptime);
    }

    /// <summary>Opens the session; a refused websocket becomes exit 3 (permission) or 7 (Wings unreachable).</summary>
    private static async Task<ServerConsole> ConnectAsync(CliContext c, ServerIdentifier server, bool requestLogs)
    {
        try
        {
            return await c.Client.Console.ConnectAsync(server, new ConsoleOptions { RequestLogsOnConnect = requestLogs }, c.CancellationToken).ConfigureAwait(false);
        }
        catch (PteroConsoleException ex)
        {
            var code = ex.Reason is ConsoleCloseReason.PermissionDenied or ConsoleCloseReason.Unauthorized ? ExitCodes.Auth : ExitCodes.Unavailable;
            throw new CliException($"could not open the console: {Term.Clean(ex.Message)}", code);
        }
    }

    /// <summary>The session ended by itself: explain on stderr and pick the exit code.</summary>
    private static int ClosedExit(CliContext c, ClosedEvent closed)
    {
        if (closed.Reason == ConsoleCloseReason.Disposed)
            return ExitCodes.Success;
        var code = closed.Reason switch
        {
            ConsoleCloseReason.PermissionDenied or ConsoleCloseReason.Unauthorized => ExitCodes.Auth,
            ConsoleCloseReason.ServerDeleted => ExitCodes.NotFound,
            ConsoleCloseReason.ServerClosed => ExitCodes.Success,
            _ => ExitCodes.Unavailable,
        };
        var label = code == ExitCodes.Success ? "console closed:" : Term.Red("error:", Term.ColorErr) + " console closed:";
        c.Err.WriteLine($"{label} {Term.Clean(closed.Message)}");
        return code;
    }

    /// <summary>Prints one event: output on stdout, status as <c>[status: x]</c>, connection notices on stderr.</summary>
    private static void WriteEvent(CliContext c, ConsoleEvent e, bool showStatus)
    {
        switch (e)
        {
            case ConsoleOutputEvent o:
                if (c.Json)
                    c.Out.WriteLine(JsonObject(true, w => { w.WriteString("event", "output"); w.WriteString("line", o.Line); }));
                else
                    c.Out.WriteLine(CleanLine(o.Line));
                c.Out.Flush();
                break;
            case StatusEvent s when showStatus:
                if (c.Json)
                    c.Out.WriteLine(JsonObject(true, w => { w.WriteString("event", "status"); w.WriteString("state", s.State); }));
                else
                    c.Out.WriteLine($"[status: {Term.Clean(s.State)}]");
                c.Out.Flush();
                break;
            case ReconnectingEvent r:
                c.Err.WriteLine($"[reconnecting: {Term.Clean(r.Reason)}; attempt {r.Attempt} in {r.Delay.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s]");
                break;
            case ReconnectedEvent:
                c.Err.WriteLine("[reconnected: output written while disconnected may be missing; recent lines are replayed and may repeat]");
                break;
            case DaemonErrorEvent d:
                c.Err.WriteLine($"{Term.Yellow("warning:", Term.ColorErr)} {Term.Clean(d.Message)}");
                break;
            case JwtErrorEvent j:
                c.Err.WriteLine($"{Term.Yellow("warning:", Term.ColorErr)} {Term.Clean(j.Message)}");
                break;
            case DaemonMessageEvent m when showStatus:
                c.Err.WriteLine($"[daemon: {Term.Clean(m.Message)}]");
                break;
        }
    }

    /// <summary>A console line made safe for the terminal: colour codes kept only when stdout shows colour, other escapes removed.</summary>
    internal static string CleanLine(string line)
    {
        if (line.IndexOf('\u001b') < 0)
            return Term.Clean(line);
        var color = Term.ColorOut;
        var sb = new StringBuilder(line.Length);
        var last = 0;
        foreach (var m in EscapeSequence().EnumerateMatches(line))
        {
            sb.Append(Term.Clean(line[last..m.Index]));
            var seq = line.AsSpan(m.Index, m.Length);
            if (color && seq[^1] == 'm')
                sb.Append(seq);
            last = m.Index + m.Length;
        }
        sb.Append(Term.Clean(line[last..]));
        return sb.ToString();
    }

    [GeneratedRegex(@"\u001b\[[0-9;?]*[ -/]*[@-~]", RegexOptions.CultureInvariant)]
    private static partial Regex EscapeSequence();

    private static string JsonObject(bool compact, Action<Utf8JsonWriter> body)
    {
        var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = !compact, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            body(w);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
