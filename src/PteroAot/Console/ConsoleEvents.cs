namespace PteroAot.Consoles;

/// <summary>An event of a server console: a Wings frame, or one the SDK made (reconnecting, reconnected, closed).</summary>
public abstract record ConsoleEvent;

/// <summary><c>auth success</c>: Wings accepted the token.</summary>
public sealed record AuthSuccessEvent : ConsoleEvent;

/// <summary><c>console output</c>: one line of console text (may contain ANSI colour codes).</summary>
/// <param name="Line">The line.</param>
public sealed record ConsoleOutputEvent(string Line) : ConsoleEvent;

/// <summary><c>status</c>: the power state changed (<c>offline</c>, <c>starting</c>, <c>running</c>, <c>stopping</c>).</summary>
/// <param name="State">The new state.</param>
public sealed record StatusEvent(string State) : ConsoleEvent;

/// <summary><c>stats</c>: resource usage, parsed from the JSON string in <c>args[0]</c>.</summary>
/// <param name="Stats">The figures.</param>
public sealed record StatsEvent(ConsoleStats Stats) : ConsoleEvent;

/// <summary><c>install started</c>.</summary>
public sealed record InstallStartedEvent : ConsoleEvent;

/// <summary><c>install output</c>: one installer line (root admins only).</summary>
/// <param name="Line">The line.</param>
public sealed record InstallOutputEvent(string Line) : ConsoleEvent;

/// <summary><c>install completed</c>.</summary>
public sealed record InstallCompletedEvent : ConsoleEvent;

/// <summary><c>transfer logs</c>: one transfer log line (root admins only).</summary>
/// <param name="Line">The line.</param>
public sealed record TransferLogsEvent(string Line) : ConsoleEvent;

/// <summary><c>transfer status</c>: <c>pending</c>, <c>processing</c>, <c>completed</c>, ...</summary>
/// <param name="Status">The status.</param>
public sealed record TransferStatusEvent(string Status) : ConsoleEvent;

/// <summary><c>backup completed</c>, parsed from the JSON string in <c>args[0]</c>.</summary>
/// <param name="Backup">The result.</param>
public sealed record BackupCompletedEvent(BackupCompletedInfo Backup) : ConsoleEvent;

/// <summary><c>backup restore completed</c>.</summary>
public sealed record BackupRestoreCompletedEvent : ConsoleEvent;

/// <summary><c>daemon message</c>: an informational message.</summary>
/// <param name="Message">The text.</param>
public sealed record DaemonMessageEvent(string Message) : ConsoleEvent;

/// <summary><c>daemon error</c>: a request failed (<c>Error Event [id]: message</c>).</summary>
/// <param name="Message">The text.</param>
public sealed record DaemonErrorEvent(string Message) : ConsoleEvent;

/// <summary><c>token expiring</c>: the SDK fetches a new token and re-authenticates on the same socket.</summary>
public sealed record TokenExpiringEvent : ConsoleEvent;

/// <summary><c>token expired</c>: outbound events stop until re-authentication (the SDK re-authenticates).</summary>
public sealed record TokenExpiredEvent : ConsoleEvent;

/// <summary><c>jwt error</c>: a token problem (expired, revoked, missing permission).</summary>
/// <param name="Message">The text.</param>
public sealed record JwtErrorEvent(string Message) : ConsoleEvent;

/// <summary><c>deleted</c>: the server was deleted; the session ends.</summary>
public sealed record ServerDeletedEvent : ConsoleEvent;

/// <summary>A frame the SDK does not know, or whose JSON payload did not parse.</summary>
/// <param name="Name">The event name.</param>
/// <param name="Args">Its arguments.</param>
public sealed record UnknownConsoleEvent(string Name, IReadOnlyList<string?> Args) : ConsoleEvent;

/// <summary>SDK event: the socket dropped; waiting <paramref name="Delay"/> before attempt <paramref name="Attempt"/>.</summary>
/// <param name="Attempt">Attempt number from 1.</param>
/// <param name="Delay">The jittered backoff delay.</param>
/// <param name="Reason">Why the previous socket ended.</param>
public sealed record ReconnectingEvent(int Attempt, TimeSpan Delay, string Reason) : ConsoleEvent;

/// <summary>SDK event: connected and authenticated again; <c>send logs</c> was re-sent, so replayed lines may repeat.</summary>
/// <param name="GapPossible">Always <see langword="true"/>: output produced while disconnected may be missing.</param>
public sealed record ReconnectedEvent(bool GapPossible) : ConsoleEvent;

/// <summary>SDK event: the session ended; always the last event.</summary>
/// <param name="Reason">Why.</param>
/// <param name="Message">A readable explanation.</param>
/// <param name="CloseCode">The websocket close code, when a close frame caused it.</param>
/// <param name="Error">The exception behind it, if any.</param>
public sealed record ClosedEvent(ConsoleCloseReason Reason, string Message, int? CloseCode = null, Exception? Error = null) : ConsoleEvent;

/// <summary>Why a console session ended.</summary>
public enum ConsoleCloseReason
{
    /// <summary>The caller disposed the session.</summary>
    Disposed,

    /// <summary>Wings closed the socket normally (1000).</summary>
    ServerClosed,

    /// <summary>Close code 4400: Wings rejected a frame as a bad request; not retried.</summary>
    BadRequest,

    /// <summary>Close code 4409 (conflict); not retried.</summary>
    Conflict,

    /// <summary>The server is suspended (409 from the credentials route, or a daemon error saying so); not retried.</summary>
    Suspended,

    /// <summary>403 from the credentials route (no <c>websocket.connect</c>), or Wings refused the Origin; not retried.</summary>
    PermissionDenied,

    /// <summary>The token was rejected again after a refresh (<c>jwt error</c>, or close codes 4401/4403/1008); not retried.</summary>
    Unauthorized,

    /// <summary>The server was deleted.</summary>
    ServerDeleted,

    /// <summary>Every reconnect attempt failed.</summary>
    ReconnectFailed,
}

/// <summary>The <c>stats</c> payload.</summary>
public sealed class ConsoleStats
{
    /// <summary>Memory in use, bytes.</summary>
    public long MemoryBytes { get; set; }

    /// <summary>Memory limit, bytes.</summary>
    public long MemoryLimitBytes { get; set; }

    /// <summary>CPU in percent of one core.</summary>
    public double CpuAbsolute { get; set; }

    /// <summary>Network counters.</summary>
    public ConsoleNetworkStats Network { get; set; } = new();

    /// <summary>Uptime in milliseconds.</summary>
    public long Uptime { get; set; }

    /// <summary>Power state.</summary>
    public string State { get; set; } = "";

    /// <summary>Disk in use, bytes.</summary>
    public long DiskBytes { get; set; }
}

/// <summary>Network counters of <see cref="ConsoleStats"/>.</summary>
public sealed class ConsoleNetworkStats
{
    /// <summary>Bytes received.</summary>
    public long RxBytes { get; set; }

    /// <summary>Bytes sent.</summary>
    public long TxBytes { get; set; }
}

/// <summary>The <c>backup completed</c> payload.</summary>
public sealed class BackupCompletedInfo
{
    /// <summary>The backup's UUID.</summary>
    public string Uuid { get; set; } = "";

    /// <summary>Whether the backup succeeded.</summary>
    public bool IsSuccessful { get; set; }

    /// <summary>The archive checksum.</summary>
    public string? Checksum { get; set; }

    /// <summary>The checksum algorithm (<c>sha1</c>).</summary>
    public string? ChecksumType { get; set; }

    /// <summary>Archive size in bytes.</summary>
    public long FileSize { get; set; }
}
