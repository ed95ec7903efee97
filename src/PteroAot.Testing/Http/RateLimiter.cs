using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace PteroAot.Testing.Http;

/// <summary>
/// Laravel's <c>ThrottleRequests</c> with a fixed 60 second window per user and bucket,
/// started by the first request of the window and driven by the panel's <see cref="TimeProvider"/>.
/// </summary>
internal sealed class RateLimiter(TimeProvider time)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly Dictionary<(Guid User, string Bucket), (DateTimeOffset Start, int Hits)> _windows = [];
    private readonly object _gate = new();

    /// <summary>Counts a hit; sets the X-RateLimit headers; throws a 429 <see cref="PanelException"/> past the budget.</summary>
    public void Hit(HttpResponse response, Guid user, string bucket, int limit)
    {
        var now = time.GetUtcNow();
        int remaining;
        lock (_gate)
        {
            if (!_windows.TryGetValue((user, bucket), out var window) || now >= window.Start + Window)
            {
                window = (now, 0);
            }

            if (window.Hits >= limit)
            {
                _windows[(user, bucket)] = window;
                var reset = window.Start + Window;
                var retryAfter = (long)Math.Ceiling((reset - now).TotalSeconds);
                var error = new PanelException(429, "ThrottleRequestsException", "Too Many Attempts.");
                error.Headers["X-RateLimit-Limit"] = limit.ToString(CultureInfo.InvariantCulture);
                error.Headers["X-RateLimit-Remaining"] = "0";
                error.Headers["Retry-After"] = Math.Max(retryAfter, 0).ToString(CultureInfo.InvariantCulture);
                error.Headers["X-RateLimit-Reset"] = reset.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
                throw error;
            }

            window.Hits++;
            _windows[(user, bucket)] = window;
            remaining = limit - window.Hits;
        }

        response.Headers["X-RateLimit-Limit"] = limit.ToString(CultureInfo.InvariantCulture);
        response.Headers["X-RateLimit-Remaining"] = remaining.ToString(CultureInfo.InvariantCulture);
    }
}
