namespace PteroAot.Testing;

/// <summary>The panel release whose behaviour the fake panel imitates.</summary>
public enum PanelVersion
{
    /// <summary>Pterodactyl 1.11.7: two-factor is disabled with <c>DELETE /api/client/account/two-factor</c>.</summary>
    V1_11_7,

    /// <summary>Pterodactyl 1.11.8: two-factor is disabled with <c>POST /api/client/account/two-factor/disable</c>.</summary>
    V1_11_8,
}

/// <summary>Settings for <see cref="FakePanel.StartAsync"/>.</summary>
public sealed class FakePanelOptions
{
    /// <summary>The panel version to imitate. Default <see cref="PanelVersion.V1_11_8"/>.</summary>
    public PanelVersion Version { get; init; } = PanelVersion.V1_11_8;

    /// <summary>Client API requests per user per minute (the panel's <c>APP_API_CLIENT_RATELIMIT</c>). Default 720.</summary>
    public int ClientRateLimitPerMinute { get; init; } = 720;

    /// <summary>Application API requests per user per minute (<c>APP_API_APPLICATION_RATELIMIT</c>). Default 240.</summary>
    public int ApplicationRateLimitPerMinute { get; init; } = 240;

    /// <summary>The clock used for rate-limit windows, TOTP checks and timestamps. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>The TCP port to listen on at 127.0.0.1; 0 (the default) picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>The fake Wings websocket's settings (token lifetime, expiry warning, stats cadence).</summary>
    public FakeWingsOptions Wings { get; init; } = new();

    /// <summary>Whether to seed the demo and admin users, their keys and activity. Default <see langword="true"/>.</summary>
    public bool Seed { get; init; } = true;
}
