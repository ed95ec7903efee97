using System.Buffers;
using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Channels;
using PteroAot.Http;
using PteroAot.Servers;

namespace PteroAot.Consoles;

/// <summary>
/// A live console session of one server over the Wings websocket. Events arrive through <see cref="ReadEventsAsync"/>;
/// tokens are refreshed on <c>token expiring</c> on the same socket; abnormal drops are retried with capped, jittered
/// exponential backoff (then <see cref="ReconnectedEvent"/> with a possible gap). Close codes 4400/4409, a suspended
/// server and permission errors end the session with a <see cref="ClosedEvent"/> instead of retrying.
/// </summary>
public sealed class ServerConsole : IAsyncDisposable
{
    private static readonly TimeSpan CloseWait = TimeSpan.FromMilliseconds(400);
    private readonly PteroConnection _connection;
    private readonly ServersApi _servers;
    private readonly ServerIdentifier _server;
    private readonly ConsoleOptions _options;
    private readonly Channel<ConsoleEvent> _events;
    private readonly List<Channel<ConsoleEvent>> _taps = [];
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _lifetime = new();
    private ClientWebSocket? _socket;
    private Task _loop = Task.CompletedTask;
    private ClosedEvent? _closed;
    private StopRequest? _stop;
    private int _jwtErrors;
    private volatile bool _disposing;
    private int _disposed;

    internal ServerConsole(PteroConnection connection, ServersApi servers, ServerIdentifier server, ConsoleOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.EventBufferCapacity, 1);
        _connection = connection;
        _servers = servers;
        _server = server;
        _options = options;
        _events = Channel.CreateBounded<ConsoleEvent>(new BoundedChannelOptions(options.EventBufferCapacity)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleWriter = false,
        });
    }

    /// <summary>The server this session watches.</summary>
    public ServerIdentifier Server => _server;

    /// <summary>Whether a socket is open and authenticated right now (false while reconnecting and after close).</summary>
    public bool IsConnected => _socket?.State == WebSocketState.Open && _closed is null;

    /// <summary>The final event once the session has ended, else <see langword="null"/>.</summary>
    public ClosedEvent? Closed => Volatile.Read(ref _closed);

    private TimeProvider Clock => _connection.Options.TimeProvider;

    private string Origin => _connection.PanelUrl.GetLeftPart(UriPartial.Authority);

    /// <summary>
    /// The session's events, oldest first, ending after the <see cref="ClosedEvent"/>. Read by one consumer; events are
    /// buffered from the moment of connecting (up to <see cref="ConsoleOptions.EventBufferCapacity"/>).
    /// </summary>
    /// <param name="cancellationToken">Stops the enumeration (not the session).</param>
    public async IAsyncEnumerable<ConsoleEvent> ReadEventsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        while (await _events.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            while (_events.Reader.TryRead(out var e))
            {
                yield return e;
            }
        }
    }

    /// <summary>Sends <c>send command</c> (needs <c>control.console</c>; Wings ignores it while the server is offline).</summary>
    /// <param name="command">The command line, without a leading slash.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    public Task SendCommandAsync(string command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        return SendAsync("send command", command, cancellationToken);
    }

    /// <summary>Sends <c>set state</c> with a power signal; watch <see cref="StatusEvent"/> for the result.</summary>
    /// <param name="signal">The action.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    public Task SetStateAsync(PowerSignal signal, CancellationToken cancellationToken = default) =>
        SendAsync("set state", signal switch
        {
            PowerSignal.Start => "start",
            PowerSignal.Stop => "stop",
            PowerSignal.Restart => "restart",
            PowerSignal.Kill => "kill",
            _ => throw new ArgumentOutOfRangeException(nameof(signal)),
        }, cancellationToken);

    /// <summary>Sends <c>send logs</c>: Wings replays the recent console lines (only while the server runs).</summary>
    /// <param name="cancellationToken">Cancels the send.</param>
    public Task RequestLogsAsync(CancellationToken cancellationToken = default) => SendAsync("send logs", null, cancellationToken);

    /// <summary>Sends <c>send stats</c>: Wings answers with one <see cref="StatsEvent"/>.</summary>
    /// <param name="cancellationToken">Cancels the send.</param>
    public Task RequestStatsAsync(CancellationToken cancellationToken = default) => SendAsync("send stats", null, cancellationToken);

    /// <summary>
    /// Sends a command and collects the console output lines that follow, until a line matches <paramref name="until"/>,
    /// no line arrives for <paramref name="quietPeriod"/>, the <paramref name="timeout"/> expires or the session closes.
    /// A timeout is not an error: it returns <see cref="ExecuteOutcome.TimedOut"/> with the lines so far. Lines from
    /// other sources written at the same time are collected too. Reading <see cref="ReadEventsAsync"/> is not affected.
    /// </summary>
    /// <param name="command">The command.</param>
    /// <param name="until">Stop after the first line that matches.</param>
    /// <param name="quietPeriod">Stop after this long without a line; 1 second when neither this nor <paramref name="until"/> is given.</param>
    /// <param name="timeout">Overall limit; default 30 seconds.</param>
    /// <param name="cancellationToken">Cancels the wait (throws <see cref="OperationCanceledException"/>).</param>
    /// <returns>The lines and how collecting ended.</returns>
    public async Task<ExecuteResult> ExecuteAsync(string command, Regex? until = null, TimeSpan? quietPeriod = null, TimeSpan? timeout = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var quiet = quietPeriod ?? (until is null ? TimeSpan.FromSeconds(1) : (TimeSpan?)null);
        var limit = timeout ?? TimeSpan.FromSeconds(30);
        var tap = Channel.CreateUnbounded<ConsoleEvent>(new UnboundedChannelOptions { SingleReader = true });
        lock (_taps)
        {
            if (_closed is not null)
            {
                return new ExecuteResult([], ExecuteOutcome.Closed);
            }

            _taps.Add(tap);
        }

        try
        {
            await SendCommandAsync(command, cancellationToken).ConfigureAwait(false);
            var lines = new List<string>();
            var start = Clock.GetTimestamp();
            var lastLine = start;
            while (true)
            {
                var left = limit - Clock.GetElapsedTime(start);
                if (left <= TimeSpan.Zero)
                {
                    return new ExecuteResult(lines, ExecuteOutcome.TimedOut);
                }

                var wait = left;
                var quietOutcome = false;
                if (quiet is { } quietSpan)
                {
                    var quietLeft = quietSpan - Clock.GetElapsedTime(lastLine);
                    if (quietLeft <= TimeSpan.Zero)
                    {
                        return new ExecuteResult(lines, ExecuteOutcome.QuietPeriod);
                    }

                    if (quietLeft < wait)
                    {
                        wait = quietLeft;
                        quietOutcome = true;
                    }
                }

                using var timer = new CancellationTokenSource(wait, Clock);
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
                bool more;
                try
                {
                    more = await tap.Reader.WaitToReadAsync(linked.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    if (quietOutcome && Clock.GetElapsedTime(lastLine) >= quiet!.Value)
                    {
                        return new ExecuteResult(lines, ExecuteOutcome.QuietPeriod);
                    }

                    continue;
                }

                if (!more)
                {
                    return new ExecuteResult(lines, ExecuteOutcome.Closed);
                }

                while (tap.Reader.TryRead(out var e))
                {
                    if (e is ConsoleOutputEvent output)
                    {
                        lines.Add(output.Line);
                        lastLine = Clock.GetTimestamp();
                        if (until is not null && until.IsMatch(output.Line))
                        {
                            return new ExecuteResult(lines, ExecuteOutcome.Matched);
                        }
                    }
                    else if (e is ClosedEvent)
                    {
                        return new ExecuteResult(lines, ExecuteOutcome.Closed);
                    }
                }
            }
        }
        finally
        {
            lock (_taps)
            {
                _taps.Remove(tap);
            }
        }
    }

    /// <summary>Closes the socket cleanly (close frame, short wait for the answer), stops reconnecting and ends the event stream.</summary>
    /// <returns>A task that completes once everything has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _disposing = true;
        var socket = _socket;
        if (socket is { State: WebSocketState.Open or WebSocketState.CloseReceived })
        {
            using var cts = new CancellationTokenSource(CloseWait);
            try
            {
                await _sendLock.WaitAsync(cts.Token).ConfigureAwait(false);
                try
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "client closing", cts.Token).ConfigureAwait(false);
                }
                finally
                {
                    _sendLock.Release();
                }

                // The receive loop ends when Wings answers the close frame.
                await _loop.WaitAsync(CloseWait).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or TimeoutException or ObjectDisposedException)
            {
                // Not answered in time: aborted below.
            }
        }

        await _lifetime.CancelAsync().ConfigureAwait(false);
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        _socket?.Dispose();
        Finish(ConsoleCloseReason.Disposed, "the session was disposed.");
        _lifetime.Dispose();
    }

    internal async Task StartAsync(CancellationToken cancellationToken)
    {
        _socket = await OpenAsync(cancellationToken).ConfigureAwait(false);
        _loop = Task.Run(() => RunAsync(_lifetime.Token), CancellationToken.None);
        if (_options.RequestLogsOnConnect)
        {
            await RequestLogsAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    // Credentials, upgrade with Origin, auth, and frames up to "auth success" (earlier frames become events).
    private async Task<ClientWebSocket> OpenAsync(CancellationToken cancellationToken)
    {
        var credentials = await _servers.GetWebsocketAsync(_server, cancellationToken).ConfigureAwait(false);
        var uri = new Uri(credentials.Socket);
        var path = uri.AbsolutePath;
        var socket = new ClientWebSocket();
        try
        {
            socket.Options.SetRequestHeader("Origin", Origin);
            socket.Options.CollectHttpResponseDetails = true;
            socket.Options.KeepAliveInterval = TimeSpan.FromSeconds(20);
            using var handshake = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            handshake.CancelAfter(_options.HandshakeTimeout);
            try
            {
                await socket.ConnectAsync(uri, handshake.Token).ConfigureAwait(false);
            }
            catch (WebSocketException ex)
            {
                var status = (int)socket.HttpStatusCode;
                if (status == 403)
                {
                    throw new PteroConsoleException(
                        $"Wings refused the websocket upgrade with 403 (request origin not allowed); the Origin sent was '{Origin}'.",
                        ConsoleCloseReason.PermissionDenied, path, status, ex);
                }

                throw new PteroConsoleException($"could not open the console websocket at {uri.Authority}: {ex.Message}", null, path,
                    status == 0 ? null : status, ex);
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                throw new PteroConsoleException("the console websocket did not connect before the handshake timeout.", null, path, null, ex);
            }

            await SendFrameAsync(socket, "auth", credentials.Token, handshake.Token).ConfigureAwait(false);
            var reader = new FrameReader();
            while (true)
            {
                Frame? frame;
                try
                {
                    frame = await reader.ReadAsync(socket, handshake.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
                {
                    throw new PteroConsoleException("Wings did not answer the auth event before the handshake timeout.", null, path, null, ex);
                }
                catch (WebSocketException ex)
                {
                    throw new PteroConsoleException($"the console websocket dropped while authenticating: {ex.Message}", null, path, null, ex);
                }

                if (frame is null)
                {
                    var code = (int?)socket.CloseStatus;
                    throw new PteroConsoleException($"Wings closed the console websocket while authenticating (code {code}: {socket.CloseStatusDescription}).",
                        StopReasonFor(code) ?? ConsoleCloseReason.ServerClosed, path);
                }

                switch (frame.Name)
                {
                    case "auth success":
                        Interlocked.Exchange(ref _jwtErrors, 0);
                        Emit(new AuthSuccessEvent());
                        return socket;
                    case "jwt error":
                        throw new PteroConsoleException($"Wings rejected the token: {frame.Arg0}", ConsoleCloseReason.Unauthorized, path);
                    case "daemon error":
                        throw new PteroConsoleException($"Wings refused to authenticate: {frame.Arg0}",
                            IsSuspended(frame.Arg0) ? ConsoleCloseReason.Suspended : ConsoleCloseReason.Unauthorized, path);
                    default:
                        Emit(ToEvent(frame));
                        break;
                }
            }
        }
        catch
        {
            socket.Abort();
            socket.Dispose();
            throw;
        }
    }

    private async Task RunAsync(CancellationToken token)
    {
        try
        {
            while (true)
            {
                var socket = _socket!;
                var ended = await PumpAsync(socket, token).ConfigureAwait(false);
                if (_disposing || token.IsCancellationRequested)
                {
                    return;
                }

                if (_stop is { } stop)
                {
                    Finish(stop.Reason, stop.Message, ended.Code);
                    return;
                }

                if (StopReasonFor(ended.Code) is { } reason)
                {
                    Finish(reason, $"Wings closed the console with code {ended.Code} ({ended.Description}); not reconnecting.", ended.Code);
                    return;
                }

                socket.Dispose();
                if (!await ReconnectAsync(ended.Description, token).ConfigureAwait(false))
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            Finish(ConsoleCloseReason.ReconnectFailed, "the console session failed: " + ex.Message, null, ex);
        }
    }

    private async Task<bool> ReconnectAsync(string why, CancellationToken token)
    {
        Exception? last = null;
        for (var attempt = 1; attempt <= _options.MaxReconnectAttempts; attempt++)
        {
            var delay = Backoff(attempt);
            Emit(new ReconnectingEvent(attempt, delay, why));
            await Task.Delay(delay, Clock, token).ConfigureAwait(false);
            try
            {
                _socket = await OpenAsync(token).ConfigureAwait(false);
            }
            catch (PteroConflictException ex)
            {
                Finish(ConsoleCloseReason.Suspended, "the panel refused new credentials (409): " + ex.Detail, null, ex);
                return false;
            }
            catch (Exception ex) when (ex is PteroPermissionException or PteroAuthenticationException)
            {
                Finish(ConsoleCloseReason.PermissionDenied, "the panel refused new credentials: " + ex.Message, null, ex);
                return false;
            }
            catch (PteroConsoleException ex) when (ex.Reason is { } reason)
            {
                Finish(reason, ex.Message, null, ex);
                return false;
            }
            catch (Exception ex) when (ex is PteroException or WebSocketException or HttpRequestException or IOException)
            {
                last = ex;
                why = ex.Message;
                continue;
            }

            Emit(new ReconnectedEvent(GapPossible: true));
            await SendAsync("send logs", null, token).ConfigureAwait(false);
            return true;
        }

        Finish(ConsoleCloseReason.ReconnectFailed, $"could not reconnect after {_options.MaxReconnectAttempts} attempts: {why}", null, last);
        return false;
    }

    private TimeSpan Backoff(int attempt)
    {
        var initial = _options.InitialReconnectDelay.TotalMilliseconds;
        var capped = Math.Min(_options.MaxReconnectDelay.TotalMilliseconds, initial * Math.Pow(2, Math.Min(attempt - 1, 30)));
        return TimeSpan.FromMilliseconds(capped * (0.5 + Random.Shared.NextDouble() * 0.5));
    }

    private async Task<(int? Code, string Description)> PumpAsync(ClientWebSocket socket, CancellationToken token)
    {
        var reader = new FrameReader();
        try
        {
            while (true)
            {
                var frame = await reader.ReadAsync(socket, token).ConfigureAwait(false);
                if (frame is null)
                {
                    if (socket.State == WebSocketState.CloseReceived)
                    {
                        await CloseQuietlyAsync(socket, WebSocketCloseStatus.NormalClosure).ConfigureAwait(false);
                    }

                    return ((int?)socket.CloseStatus, socket.CloseStatusDescription ?? "closed");
                }

                await HandleAsync(socket, frame, token).ConfigureAwait(false);
                if (_stop is not null)
                {
                    await CloseQuietlyAsync(socket, WebSocketCloseStatus.NormalClosure).ConfigureAwait(false);
                    return (null, _stop.Message);
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException)
        {
            return (null, "the connection dropped: " + ex.Message);
        }
    }

    private async Task HandleAsync(ClientWebSocket socket, Frame frame, CancellationToken token)
    {
        var e = ToEvent(frame);
        Emit(e);
        switch (e)
        {
            case AuthSuccessEvent:
                Interlocked.Exchange(ref _jwtErrors, 0);
                break;
            case TokenExpiringEvent or TokenExpiredEvent:
                await ReauthenticateAsync(socket, token).ConfigureAwait(false);
                break;
            case JwtErrorEvent jwt:
                if (Interlocked.Increment(ref _jwtErrors) >= 2)
                {
                    _stop = new StopRequest(ConsoleCloseReason.Unauthorized, "Wings rejected the token again after a refresh: " + jwt.Message);
                }
                else
                {
                    await ReauthenticateAsync(socket, token).ConfigureAwait(false);
                }

                break;
            case DaemonErrorEvent error when IsSuspended(error.Message):
                _stop = new StopRequest(ConsoleCloseReason.Suspended, "the server is suspended: " + error.Message);
                break;
            case ServerDeletedEvent:
                _stop = new StopRequest(ConsoleCloseReason.ServerDeleted, "the server was deleted.");
                break;
        }
    }

    // Fresh credentials, "auth" again on the same socket.
    private async Task ReauthenticateAsync(ClientWebSocket socket, CancellationToken token)
    {
        WebsocketCredentials credentials;
        try
        {
            credentials = await _servers.GetWebsocketAsync(_server, token).ConfigureAwait(false);
        }
        catch (PteroConflictException ex)
        {
            _stop = new StopRequest(ConsoleCloseReason.Suspended, "the panel refused new credentials (409): " + ex.Detail);
            return;
        }
        catch (Exception ex) when (ex is PteroPermissionException or PteroAuthenticationException)
        {
            _stop = new StopRequest(ConsoleCloseReason.PermissionDenied, "the panel refused new credentials: " + ex.Message);
            return;
        }
        catch (PteroException)
        {
            return; // Transient: the next "token expired" or "jwt error" tries again.
        }

        await _sendLock.WaitAsync(token).ConfigureAwait(false);
        try
        {
            await SendFrameAsync(socket, "auth", credentials.Token, token).ConfigureAwait(false);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private async Task SendAsync(string eventName, string? arg, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var socket = _socket;
            if (socket is not { State: WebSocketState.Open } || _closed is not null)
            {
                throw new PteroConsoleException(_closed is { } c
                    ? $"the console session has ended ({c.Reason}): {c.Message}"
                    : "the console is not connected right now (reconnecting); try again after the Reconnected event.",
                    _closed?.Reason, "/ws");
            }

            await SendFrameAsync(socket, eventName, arg, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private static async Task SendFrameAsync(ClientWebSocket socket, string eventName, string? arg, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("event", eventName);
            w.WriteStartArray("args");
            if (arg is null)
            {
                w.WriteNullValue();
            }
            else
            {
                w.WriteStringValue(arg);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        await socket.SendAsync(buffer.WrittenMemory, WebSocketMessageType.Text, true, cancellationToken).ConfigureAwait(false);
    }

    private async Task CloseQuietlyAsync(ClientWebSocket socket, WebSocketCloseStatus status)
    {
        using var cts = new CancellationTokenSource(CloseWait);
        try
        {
            await _sendLock.WaitAsync(cts.Token).ConfigureAwait(false);
            try
            {
                if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                {
                    await socket.CloseOutputAsync(status, "", cts.Token).ConfigureAwait(false);
                }
            }
            finally
            {
                _sendLock.Release();
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
    }

    private static ConsoleCloseReason? StopReasonFor(int? code) => code switch
    {
        1000 => ConsoleCloseReason.ServerClosed,
        4400 => ConsoleCloseReason.BadRequest,
        4409 => ConsoleCloseReason.Conflict,
        4401 or 4403 or 1008 => ConsoleCloseReason.Unauthorized,
        _ => null,
    };

    private static bool IsSuspended(string? message) => message?.Contains("suspended", StringComparison.OrdinalIgnoreCase) == true;

    private void Emit(ConsoleEvent e)
    {
        lock (_taps)
        {
            if (_closed is not null)
            {
                return;
            }

            _events.Writer.TryWrite(e);
            foreach (var tap in _taps)
            {
                tap.Writer.TryWrite(e);
            }
        }
    }

    private void Finish(ConsoleCloseReason reason, string message, int? code = null, Exception? error = null)
    {
        lock (_taps)
        {
            if (_closed is not null)
            {
                return;
            }

            var closed = new ClosedEvent(reason, message, code, error);
            _events.Writer.TryWrite(closed);
            _events.Writer.TryComplete();
            foreach (var tap in _taps)
            {
                tap.Writer.TryWrite(closed);
                tap.Writer.TryComplete();
            }

            Volatile.Write(ref _closed, closed);
        }
    }

    private static ConsoleEvent ToEvent(Frame frame)
    {
        var a = frame.Arg0 ?? "";
        return frame.Name switch
        {
            "auth success" => new AuthSuccessEvent(),
            "console output" => new ConsoleOutputEvent(a),
            "status" => new StatusEvent(a),
            "stats" => Parse(a, ConsoleJsonContext.Default.ConsoleStats) is { } stats ? new StatsEvent(stats) : Unknown(frame),
            "install started" => new InstallStartedEvent(),
            "install output" => new InstallOutputEvent(a),
            "install completed" => new InstallCompletedEvent(),
            "transfer logs" => new TransferLogsEvent(a),
            "transfer status" => new TransferStatusEvent(a),
            "backup completed" => Parse(a, ConsoleJsonContext.Default.BackupCompletedInfo) is { } b ? new BackupCompletedEvent(b) : Unknown(frame),
            "backup restore completed" => new BackupRestoreCompletedEvent(),
            "daemon message" => new DaemonMessageEvent(a),
            "daemon error" => new DaemonErrorEvent(a),
            "token expiring" => new TokenExpiringEvent(),
            "token expired" => new TokenExpiredEvent(),
            "jwt error" => new JwtErrorEvent(a),
            "deleted" => new ServerDeletedEvent(),
            _ => Unknown(frame),
        };

        static UnknownConsoleEvent Unknown(Frame f) => new(f.Name, f.Args);
    }

    private static T? Parse<T>(string json, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> info) where T : class
    {
        try
        {
            return JsonSerializer.Deserialize(json, info);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record StopRequest(ConsoleCloseReason Reason, string Message);

    private sealed record Frame(string Name, IReadOnlyList<string?> Args)
    {
        public string? Arg0 => Args.Count > 0 ? Args[0] : null;
    }

    // Reassembles text messages and parses {"event": "...", "args": ["..."]} with Utf8JsonReader.
    private sealed class FrameReader
    {
        private readonly byte[] _buffer = new byte[16 * 1024];
        private readonly ArrayBufferWriter<byte> _message = new(16 * 1024);

        /// <returns>The next frame, or <see langword="null"/> when a close frame arrived.</returns>
        public async Task<Frame?> ReadAsync(ClientWebSocket socket, CancellationToken token)
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(_buffer, token).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return null;
                }

                _message.Write(_buffer.AsSpan(0, result.Count));
                if (!result.EndOfMessage)
                {
                    continue;
                }

                var frame = Parse(_message.WrittenSpan);
                _message.ResetWrittenCount();
                if (frame is not null)
                {
                    return frame;
                }
            }
        }

        private static Frame? Parse(ReadOnlySpan<byte> json)
        {
            try
            {
                var reader = new Utf8JsonReader(json);
                if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                {
                    return null;
                }

                string? name = null;
                var args = new List<string?>();
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    if (reader.ValueTextEquals("event"u8))
                    {
                        reader.Read();
                        name = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                    }
                    else if (reader.ValueTextEquals("args"u8))
                    {
                        reader.Read();
                        if (reader.TokenType == JsonTokenType.StartArray)
                        {
                            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                            {
                                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                                {
                                    reader.Skip();
                                    args.Add(null);
                                }
                                else
                                {
                                    args.Add(reader.TokenType == JsonTokenType.String ? reader.GetString() : Encoding.UTF8.GetString(reader.ValueSpan));
                                }
                            }
                        }
                        else
                        {
                            reader.Skip();
                        }
                    }
                    else
                    {
                        reader.Read();
                        reader.Skip();
                    }
                }

                return name is null ? null : new Frame(name, args);
            }
            catch (JsonException)
            {
                return null;
            }
        }
    }
}
