using System.Collections.Concurrent;
using System.Globalization;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using PteroAot.Testing.Http;

namespace PteroAot.Testing;

/// <summary>
/// The fake panel's Wings console websocket (<c>/daemon/servers/{uuid}/ws</c>): real HS256 JWTs signed with a per-panel
/// secret, an <c>Origin</c> check, console output, stats, power and commands driven by <see cref="FakeServer"/>, token
/// expiry warnings on the panel's clock, and hooks to drop or close connections.
/// </summary>
public sealed class FakeWings
{
    private readonly FakePanel _panel;
    private readonly byte[] _secret = RandomNumberGenerator.GetBytes(32);
    private readonly ConcurrentDictionary<WingsConnection, byte> _connections = new();
    private readonly ConcurrentDictionary<Guid, List<string>> _logs = new();
    private readonly ConcurrentQueue<WingsCloseRecord> _clientCloses = new();
    private readonly ConcurrentDictionary<Guid, int> _upgrades = new();

    internal FakeWings(FakePanel panel, FakeWingsOptions options)
    {
        _panel = panel;
        Options = options;
    }

    /// <summary>The settings in force.</summary>
    public FakeWingsOptions Options { get; }

    /// <summary>Close frames the clients sent (server UUID and status), oldest first.</summary>
    public IReadOnlyList<WingsCloseRecord> ClientCloses => [.. _clientCloses];

    /// <summary>How many websocket upgrades the server accepted so far.</summary>
    public int UpgradeCount(FakeServer server) => _upgrades.TryGetValue(server.Uuid, out var n) ? n : 0;

    /// <summary>How many sockets are open to the server right now.</summary>
    public int OpenConnections(FakeServer server) => _connections.Keys.Count(c => c.Server == server);

    /// <summary>Aborts every socket of the server without a close frame (an abnormal drop, code 1006 on the client).</summary>
    public void DropConnections(FakeServer server)
    {
        foreach (var c in _connections.Keys.Where(c => c.Server == server))
        {
            c.Abort();
        }
    }

    /// <summary>Closes every socket of the server with a close frame carrying <paramref name="code"/> (e.g. 4409).</summary>
    public async Task CloseWith(FakeServer server, int code, string reason = "closed by test")
    {
        foreach (var c in _connections.Keys.Where(c => c.Server == server))
        {
            await c.CloseAsync((WebSocketCloseStatus)code, reason).ConfigureAwait(false);
        }
    }

    /// <summary>Appends a console line to the server's log and sends it to every authenticated socket.</summary>
    public void WriteConsole(FakeServer server, string line)
    {
        var log = _logs.GetOrAdd(server.Uuid, _ => []);
        lock (log)
        {
            log.Add(line);
            if (log.Count > 1000)
            {
                log.RemoveRange(0, log.Count - 1000);
            }
        }

        Broadcast(server, "console output", line);
    }

    /// <summary>Sends an event with one string argument to every authenticated socket of the server.</summary>
    public void Broadcast(FakeServer server, string eventName, string? arg)
    {
        foreach (var c in _connections.Keys.Where(c => c.Server == server))
        {
            c.Post(eventName, arg);
        }
    }

    internal IReadOnlyList<string> RecentLines(FakeServer server, int count)
    {
        if (!_logs.TryGetValue(server.Uuid, out var log))
        {
            return [];
        }

        lock (log)
        {
            return log.Skip(Math.Max(0, log.Count - count)).ToList();
        }
    }

    /// <summary>Issues a JWT as the panel does (HS256, claims <c>server_uuid</c>, <c>user_uuid</c>, <c>permissions</c>, <c>exp</c>).</summary>
    internal string IssueToken(FakeUser user, FakeServer server, IReadOnlyList<string> permissions, string issuer)
    {
        var now = _panel.State.Now.ToUnixTimeMilliseconds();
        var header = Base64Url(JsonOut.Build(w =>
        {
            w.WriteStartObject();
            w.WriteString("typ", "JWT");
            w.WriteString("alg", "HS256");
            w.WriteEndObject();
        }));
        var payload = Base64Url(JsonOut.Build(w =>
        {
            w.WriteStartObject();
            w.WriteString("iss", issuer);
            w.WriteStartArray("aud");
            w.WriteStringValue($"https://{server.NodeFqdn}:8080");
            w.WriteEndArray();
            w.WriteNumber("iat", now / 1000);
            w.WriteNumber("nbf", now / 1000 - 300);
            // Seconds in the standard claim; the fake also carries milliseconds so sub-second test lifetimes work.
            var exp = now + (long)Options.TokenLifetime.TotalMilliseconds;
            w.WriteNumber("exp", exp / 1000);
            w.WriteNumber("exp_ms", exp);
            w.WriteString("jti", Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)));
            w.WriteString("server_uuid", server.Uuid.ToString());
            w.WriteStartArray("permissions");
            foreach (var p in permissions)
            {
                w.WriteStringValue(p);
            }

            w.WriteEndArray();
            w.WriteString("user_uuid", user.Uuid.ToString());
            w.WriteNumber("user_id", user.Id);
            w.WriteString("unique_id", FakePanelState.RandomString(16));
            w.WriteEndObject();
        }));
        var signature = Base64Url(HMACSHA256.HashData(_secret, Encoding.ASCII.GetBytes(header + "." + payload)));
        return header + "." + payload + "." + signature;
    }

    /// <summary>Checks a token for the server: signature, expiry, server and connect permission.</summary>
    internal TokenCheck Validate(string? token, FakeServer server)
    {
        var parts = (token ?? "").Split('.');
        if (parts.Length != 3)
        {
            return TokenCheck.Fail("jwt: token is malformed");
        }

        var expected = HMACSHA256.HashData(_secret, Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]));
        byte[] given;
        byte[] payload;
        try
        {
            given = FromBase64Url(parts[2]);
            payload = FromBase64Url(parts[1]);
        }
        catch (FormatException)
        {
            return TokenCheck.Fail("jwt: token is malformed");
        }

        if (!CryptographicOperations.FixedTimeEquals(expected, given))
        {
            return TokenCheck.Fail("jwt: signature is invalid");
        }

        using var doc = JsonDocument.Parse(payload);
        var root = doc.RootElement;
        var exp = DateTimeOffset.FromUnixTimeMilliseconds(root.GetProperty("exp_ms").GetInt64());
        if (exp <= _panel.State.Now)
        {
            return TokenCheck.Fail("jwt: exp claim is invalid");
        }

        if (root.GetProperty("server_uuid").GetString() != server.Uuid.ToString())
        {
            return TokenCheck.Fail("jwt: server uuid mismatch");
        }

        var permissions = root.GetProperty("permissions").EnumerateArray().Select(p => p.GetString() ?? "").ToList();
        if (!permissions.Contains("*") && !permissions.Contains("websocket.connect"))
        {
            return TokenCheck.Fail("jwt: missing connect permission");
        }

        return new TokenCheck(true, null, exp, permissions);
    }

    /// <summary>The websocket endpoint: Origin check (403 before the upgrade), then the frame loop.</summary>
    internal async Task HandleAsync(DaemonRequest r)
    {
        var server = r.State.FindServer(r.RouteValues["uuid"]);
        if (server is null || server.Uuid.ToString() != r.RouteValues["uuid"])
        {
            await r.Error(404, "The requested resource does not exist on this instance.").ConfigureAwait(false);
            return;
        }

        var origin = r.Context.Request.Headers.Origin.ToString();
        if (!string.Equals(origin, _panel.BaseUrl, StringComparison.Ordinal))
        {
            await r.Error(403, "request origin not allowed").ConfigureAwait(false);
            return;
        }

        if (!r.Context.WebSockets.IsWebSocketRequest)
        {
            await r.Error(400, "a websocket upgrade is required").ConfigureAwait(false);
            return;
        }

        using var socket = await r.Context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        _upgrades.AddOrUpdate(server.Uuid, 1, (_, n) => n + 1);
        var connection = new WingsConnection(this, _panel, server, socket, r.Context);
        _connections[connection] = 0;
        try
        {
            await connection.RunAsync().ConfigureAwait(false);
        }
        finally
        {
            _connections.TryRemove(connection, out _);
        }
    }

    internal void RecordClientClose(FakeServer server, WebSocketCloseStatus? status) =>
        _clientCloses.Enqueue(new WingsCloseRecord(server.Uuid, status is null ? null : (int)status.Value));

    /// <summary>Runs a power action as Wings would report it: status frames and daemon console lines.</summary>
    internal void SetState(FakeServer server, string signal)
    {
        string before;
        lock (_panel.State.Gate)
        {
            before = server.PowerState;
        }

        switch (signal)
        {
            case "start" when before == "offline":
            case "restart":
                if (before != "offline")
                {
                    Stop(server, graceful: true);
                }

                Broadcast(server, "status", "starting");
                WriteConsole(server, "[Pterodactyl Daemon]: Server marked as starting...");
                lock (_panel.State.Gate)
                {
                    server.PowerState = "running";
                    server.Resources.UptimeMs = 0;
                    server.Resources.MemoryBytes = 512L * 1024 * 1024;
                    server.Resources.CpuAbsolute = 12.5;
                }

                WriteConsole(server, "[18:45:01 INFO]: Done (3.214s)! For help, type \"help\"");
                Broadcast(server, "status", "running");
                break;
            case "stop" when before != "offline":
                Stop(server, graceful: true);
                break;
            case "kill" when before != "offline":
                Stop(server, graceful: false);
                break;
        }
    }

    private void Stop(FakeServer server, bool graceful)
    {
        Broadcast(server, "status", "stopping");
        WriteConsole(server, graceful ? "[18:50:00 INFO]: Stopping server" : "[Pterodactyl Daemon]: Server process killed.");
        lock (_panel.State.Gate)
        {
            server.PowerState = "offline";
            server.Resources.MemoryBytes = 0;
            server.Resources.CpuAbsolute = 0;
            server.Resources.UptimeMs = 0;
        }

        Broadcast(server, "status", "offline");
    }

    /// <summary>Runs a console command: echo and a canned answer, only while the server runs.</summary>
    internal void Command(FakeServer server, string command)
    {
        lock (_panel.State.Gate)
        {
            if (server.PowerState == "offline")
            {
                return;
            }
        }

        WriteConsole(server, "> " + command);
        var answer = command.Trim() switch
        {
            "list" => "There are 0 of a max of 20 players online:",
            var c when c.StartsWith("say ", StringComparison.Ordinal) => "[Server] " + c[4..],
            "help" => "--------- Help: Index ---------",
            var c when c.StartsWith("silent", StringComparison.Ordinal) => null,
            _ => "Unknown command. Type \"/help\" for help.",
        };
        if (answer is not null)
        {
            WriteConsole(server, answer);
        }
    }

    /// <summary>The stats frame's JSON string, shaped like Wings' (<c>memory_bytes</c>, <c>network.rx_bytes</c>, ...).</summary>
    internal string StatsJson(FakeServer server)
    {
        lock (_panel.State.Gate)
        {
            var bytes = JsonOut.Build(w =>
            {
                w.WriteStartObject();
                w.WriteNumber("memory_bytes", server.Resources.MemoryBytes);
                w.WriteNumber("memory_limit_bytes", (long)server.MemoryLimit * 1024 * 1024);
                w.WriteNumber("cpu_absolute", server.Resources.CpuAbsolute);
                w.WriteStartObject("network");
                w.WriteNumber("rx_bytes", server.Resources.NetworkRxBytes);
                w.WriteNumber("tx_bytes", server.Resources.NetworkTxBytes);
                w.WriteEndObject();
                w.WriteNumber("uptime", server.Resources.UptimeMs);
                w.WriteString("state", server.PowerState);
                w.WriteNumber("disk_bytes", server.Resources.DiskBytes);
                w.WriteEndObject();
            });
            return Encoding.UTF8.GetString(bytes);
        }
    }

    internal string PowerState(FakeServer server)
    {
        lock (_panel.State.Gate)
        {
            return server.PowerState;
        }
    }

    internal static string ErrorEvent(string message) =>
        string.Create(CultureInfo.InvariantCulture, $"Error Event [{Guid.NewGuid()}]: {message}");

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        s += (s.Length % 4) switch { 2 => "==", 3 => "=", 0 => "", _ => throw new FormatException() };
        return Convert.FromBase64String(s);
    }
}

/// <summary>A close frame a client sent to the fake Wings.</summary>
/// <param name="ServerUuid">The server the socket belonged to.</param>
/// <param name="Status">The close status, or <see langword="null"/> when the frame had none.</param>
public sealed record WingsCloseRecord(Guid ServerUuid, int? Status);

internal sealed record TokenCheck(bool Ok, string? Error, DateTimeOffset Expires, IReadOnlyList<string> Permissions)
{
    public static TokenCheck Fail(string error) => new(false, error, default, []);
}
