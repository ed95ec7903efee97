using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Connections;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;
using PteroAot.Testing.Http;

namespace PteroAot.Testing;

/// <summary>One console socket: an ordered outbound queue, the inbound frame loop and the expiry/stats timers.</summary>
internal sealed class WingsConnection(FakeWings wings, FakePanel panel, FakeServer server, WebSocket socket, HttpContext context)
{
    private readonly Channel<Outbound> _outbound = Channel.CreateUnbounded<Outbound>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stop = new();
    private readonly object _gate = new();
    private bool _authenticated;
    private bool _expired;
    private bool _expiringSent;
    private bool _jwtErrorSent;
    private DateTimeOffset _expires;
    private IReadOnlyList<string> _permissions = [];

    public FakeServer Server => server;

    private TimeProvider Clock => panel.Options.TimeProvider;

    public async Task RunAsync()
    {
        var writer = WriteLoopAsync();
        var expiry = ExpiryLoopAsync();
        var stats = StatsLoopAsync();
        try
        {
            await ReadLoopAsync().ConfigureAwait(false);
        }
        finally
        {
            _outbound.Writer.TryComplete();
            await writer.ConfigureAwait(false);
            await _stop.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(expiry, stats).ConfigureAwait(false);
            _stop.Dispose();
        }
    }

    /// <summary>Queues an event for an authenticated, unexpired socket; otherwise drops it.</summary>
    public void Post(string eventName, string? arg)
    {
        lock (_gate)
        {
            if (!_authenticated)
            {
                return;
            }

            if (_expired)
            {
                if (!_jwtErrorSent)
                {
                    _jwtErrorSent = true;
                    Enqueue("jwt error", "jwt: exp claim is invalid");
                }

                return;
            }
        }

        Enqueue(eventName, arg);
    }

    public void Abort()
    {
        context.Abort();
        socket.Abort();
    }

    public Task CloseAsync(WebSocketCloseStatus status, string reason)
    {
        _outbound.Writer.TryWrite(new Outbound(null, status, reason));
        return Task.CompletedTask;
    }

    private void Enqueue(string eventName, string? arg) =>
        _outbound.Writer.TryWrite(new Outbound(Frame(eventName, arg), null, null));

    private static byte[] Frame(string eventName, string? arg) => JsonOut.Build(w =>
    {
        w.WriteStartObject();
        w.WriteString("event", eventName);
        if (arg is not null)
        {
            w.WriteStartArray("args");
            w.WriteStringValue(arg);
            w.WriteEndArray();
        }

        w.WriteEndObject();
    });

    private async Task WriteLoopAsync()
    {
        try
        {
            await foreach (var item in _outbound.Reader.ReadAllAsync().ConfigureAwait(false))
            {
                if (item.Close is { } status)
                {
                    if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                    {
                        await socket.CloseOutputAsync(status, item.Reason, CancellationToken.None).ConfigureAwait(false);
                    }

                    return;
                }

                if (socket.State is not WebSocketState.Open)
                {
                    return;
                }

                await socket.SendAsync(item.Json!, WebSocketMessageType.Text, true, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or OperationCanceledException or IOException)
        {
            // The peer went away.
        }
    }

    private async Task ReadLoopAsync()
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (socket.State is WebSocketState.Open or WebSocketState.CloseSent)
            {
                var result = await socket.ReceiveAsync(buffer, context.RequestAborted).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    wings.RecordClientClose(server, result.CloseStatus);
                    if (socket.State == WebSocketState.CloseReceived)
                    {
                        await CloseAsync(WebSocketCloseStatus.NormalClosure, "").ConfigureAwait(false);
                    }

                    return;
                }

                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage)
                {
                    continue;
                }

                var bytes = message.ToArray();
                message.SetLength(0);
                Handle(bytes);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException or ConnectionAbortedException)
        {
            // Dropped.
        }
    }

    private void Handle(byte[] bytes)
    {
        string? name;
        string? arg = null;
        try
        {
            using var doc = JsonDocument.Parse(bytes);
            name = doc.RootElement.GetProperty("event").GetString();
            if (doc.RootElement.TryGetProperty("args", out var args) && args.ValueKind == JsonValueKind.Array && args.GetArrayLength() > 0
                && args[0].ValueKind == JsonValueKind.String)
            {
                arg = args[0].GetString();
            }
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return; // Wings ignores frames that are not valid JSON.
        }

        if (name == "auth")
        {
            Authenticate(arg);
            return;
        }

        bool running;
        lock (_gate)
        {
            if (!_authenticated)
            {
                return;
            }

            if (_expired)
            {
                Enqueue("jwt error", "jwt: exp claim is invalid");
                return;
            }
        }

        running = wings.PowerState(server) != "offline";
        switch (name)
        {
            case "send logs":
                if (running)
                {
                    foreach (var line in wings.RecentLines(server, wings.Options.LogReplayCount))
                    {
                        Enqueue("console output", line);
                    }
                }

                break;
            case "send stats":
                Enqueue("stats", wings.StatsJson(server));
                break;
            case "send command" when arg is not null && Can("control.console"):
                wings.Command(server, arg);
                break;
            case "set state" when arg is not null:
                var permission = arg switch
                {
                    "start" => "control.start",
                    "stop" or "kill" => "control.stop",
                    "restart" => "control.restart",
                    _ => null,
                };
                if (permission is not null && Can(permission))
                {
                    wings.SetState(server, arg);
                }

                break;
        }
    }

    private bool Can(string permission)
    {
        lock (_gate)
        {
            return _permissions.Contains("*") || _permissions.Contains(permission);
        }
    }

    private void Authenticate(string? token)
    {
        var check = wings.Validate(token, server);
        if (!check.Ok)
        {
            Enqueue("jwt error", FakeWings.ErrorEvent(check.Error!));
            _ = CloseAsync((WebSocketCloseStatus)4401, "authentication failed");
            return;
        }

        bool first;
        lock (_gate)
        {
            first = !_authenticated;
            _authenticated = true;
            _expired = false;
            _expiringSent = false;
            _jwtErrorSent = false;
            _expires = check.Expires;
            _permissions = check.Permissions;
        }

        Enqueue("auth success", null);
        if (first)
        {
            var state = wings.PowerState(server);
            Enqueue("status", state);
            if (state == "offline")
            {
                Enqueue("stats", wings.StatsJson(server));
            }
        }
    }

    private async Task ExpiryLoopAsync()
    {
        using var timer = new PeriodicTimer(wings.Options.ExpiryCheckInterval, Clock);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
            {
                string? send = null;
                lock (_gate)
                {
                    if (!_authenticated || _expired)
                    {
                        continue;
                    }

                    var remaining = _expires - Clock.GetUtcNow();
                    if (remaining <= TimeSpan.Zero)
                    {
                        _expired = true;
                        send = "token expired";
                    }
                    else if (remaining <= wings.Options.TokenExpiringBefore && !_expiringSent)
                    {
                        _expiringSent = true;
                        send = "token expiring";
                    }
                }

                if (send is not null)
                {
                    Enqueue(send, null);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task StatsLoopAsync()
    {
        if (wings.Options.StatsInterval <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(wings.Options.StatsInterval, Clock);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
            {
                if (wings.PowerState(server) != "offline")
                {
                    Post("stats", wings.StatsJson(server));
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private sealed record Outbound(byte[]? Json, WebSocketCloseStatus? Close, string? Reason);
}
