namespace PteroAot.Testing;

/// <summary>Settings of the fake Wings websocket (token lifetime, warning lead, stats cadence), on <see cref="FakePanelOptions.Wings"/>.</summary>
public sealed class FakeWingsOptions
{
    /// <summary>How long a websocket JWT is valid. Default 10 minutes, as the panel issues them.</summary>
    public TimeSpan TokenLifetime { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How long before expiry <c>token expiring</c> is sent. Default 60 seconds.</summary>
    public TimeSpan TokenExpiringBefore { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How often each connection checks its token's expiry. Default 30 seconds, as Wings does.</summary>
    public TimeSpan ExpiryCheckInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How often <c>stats</c> is pushed while the server runs; <see cref="TimeSpan.Zero"/> turns the push off. Default 1 second.</summary>
    public TimeSpan StatsInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How many console lines <c>send logs</c> replays (Wings' <c>websocket_log_count</c>). Default 150.</summary>
    public int LogReplayCount { get; init; } = 150;

    /// <summary>A fast clock for tests: 2 s tokens, <c>token expiring</c> 1 s before expiry, checked every 100 ms.</summary>
    public static FakeWingsOptions FastTokens => new()
    {
        TokenLifetime = TimeSpan.FromSeconds(2),
        TokenExpiringBefore = TimeSpan.FromSeconds(1),
        ExpiryCheckInterval = TimeSpan.FromMilliseconds(100),
    };
}
