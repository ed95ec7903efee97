namespace PteroAot.Consoles;

/// <summary>Settings of a <see cref="ServerConsole"/>.</summary>
public sealed class ConsoleOptions
{
    /// <summary>First reconnect delay after an abnormal drop (doubled per attempt, jittered to 50–100 %). Default 1 second.</summary>
    public TimeSpan InitialReconnectDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Cap of the reconnect delay. Default 30 seconds.</summary>
    public TimeSpan MaxReconnectDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Reconnect attempts per drop before the session closes with <see cref="ConsoleCloseReason.ReconnectFailed"/>; 0 disables reconnecting. Default 10.</summary>
    public int MaxReconnectAttempts { get; init; } = 10;

    /// <summary>Whether to send <c>send logs</c> after connecting (it is always re-sent after a reconnect). Default <see langword="true"/>.</summary>
    public bool RequestLogsOnConnect { get; init; } = true;

    /// <summary>How long connecting and authenticating may take. Default 15 seconds.</summary>
    public TimeSpan HandshakeTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Events kept for a slow reader of <see cref="ServerConsole.ReadEventsAsync"/>; the oldest are dropped beyond it. Default 10 000.</summary>
    public int EventBufferCapacity { get; init; } = 10_000;
}

/// <summary>How <see cref="ServerConsole.ExecuteAsync"/> stopped collecting.</summary>
public enum ExecuteOutcome
{
    /// <summary>A line matched the <c>until</c> pattern (it is the last line).</summary>
    Matched,

    /// <summary>No line arrived for the quiet period.</summary>
    QuietPeriod,

    /// <summary>The timeout expired first (not an exception).</summary>
    TimedOut,

    /// <summary>The session closed first.</summary>
    Closed,
}

/// <summary>The console lines an <see cref="ServerConsole.ExecuteAsync"/> call collected, and how it ended.</summary>
/// <param name="Lines">Console output lines seen after the command was sent, in order.</param>
/// <param name="Outcome">How it ended.</param>
public sealed record ExecuteResult(IReadOnlyList<string> Lines, ExecuteOutcome Outcome);

/// <summary>A console session could not be opened or used (Origin refused, token rejected, not connected, closed).</summary>
public sealed class PteroConsoleException : PteroException
{
    internal PteroConsoleException(string message, ConsoleCloseReason? reason, string path, int? httpStatus = null, Exception? inner = null)
        : base(message, "GET", path, inner)
    {
        Reason = reason;
        HttpStatus = httpStatus;
    }

    /// <summary>The matching close reason, or <see langword="null"/> for a transient failure (e.g. the node is unreachable).</summary>
    public ConsoleCloseReason? Reason { get; }

    /// <summary>The HTTP status of a refused upgrade (403 for a rejected Origin), if any.</summary>
    public int? HttpStatus { get; }
}
