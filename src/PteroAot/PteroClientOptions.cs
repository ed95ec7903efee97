namespace PteroAot;

/// <summary>Behaviour settings of a <see cref="PteroClient"/>.</summary>
public sealed class PteroClientOptions
{
    /// <summary>
    /// How many times a request answered with 429 is sent again after waiting the panel's <c>Retry-After</c>.
    /// A 429 means the panel did not process the request, so this is safe for every method. Default 2; 0 raises
    /// <see cref="PteroRateLimitException"/> at once.
    /// </summary>
    public int MaxRateLimitRetries { get; init; } = 2;

    /// <summary>The longest <c>Retry-After</c> the client waits out by itself; a longer one is raised at once. Default 60 s.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Timeout of one request when the client creates its own <see cref="HttpClient"/>. Default 100 s.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(100);

    /// <summary>The <c>User-Agent</c> sent; default <c>PteroAot/&lt;version&gt;</c>.</summary>
    public string? UserAgent { get; init; }

    /// <summary>The clock used for retry waits; tests substitute a fake one.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
