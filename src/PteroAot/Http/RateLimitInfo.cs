namespace PteroAot;

/// <summary>The panel's rate-limit headers from one response.</summary>
/// <param name="Limit"><c>X-RateLimit-Limit</c>: requests allowed per window (720/min client, 240/min application by default).</param>
/// <param name="Remaining"><c>X-RateLimit-Remaining</c>.</param>
/// <param name="RetryAfter"><c>Retry-After</c>, on 429 responses.</param>
/// <param name="ResetAt"><c>X-RateLimit-Reset</c>, on 429 responses.</param>
public sealed record RateLimitInfo(int? Limit, int? Remaining, TimeSpan? RetryAfter, DateTimeOffset? ResetAt)
{
    /// <summary>No headers were seen.</summary>
    public static RateLimitInfo Unknown { get; } = new(null, null, null, null);

    /// <summary>Reads the headers of a response.</summary>
    /// <param name="response">The response.</param>
    /// <param name="time">The clock, for a <c>Retry-After</c> given as a date.</param>
    /// <param name="previous">The last reading; returned as is when nothing changed, to spare an allocation per call.</param>
    public static RateLimitInfo From(HttpResponseMessage response, TimeProvider time, RateLimitInfo? previous = null)
    {
        var headers = response.Headers;
        int? limit = ReadInt(headers, "X-RateLimit-Limit");
        int? remaining = ReadInt(headers, "X-RateLimit-Remaining");
        // Retry-After and the reset time only come with 429s; successful answers skip parsing them.
        if (response.IsSuccessStatusCode)
        {
            if (previous is not null && previous.Limit == limit && previous.Remaining == remaining && previous.RetryAfter is null && previous.ResetAt is null)
                return previous;
            return limit is null && remaining is null ? Unknown : new RateLimitInfo(limit, remaining, null, null);
        }
        TimeSpan? retryAfter = headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - time.GetUtcNow() is var d && d > TimeSpan.Zero ? d : TimeSpan.Zero,
            _ => null,
        };
        int? reset = ReadInt(headers, "X-RateLimit-Reset");
        DateTimeOffset? resetAt = reset is { } r ? DateTimeOffset.FromUnixTimeSeconds(r) : null;
        if (limit is null && remaining is null && retryAfter is null && resetAt is null)
            return Unknown;
        return new RateLimitInfo(limit, remaining, retryAfter, resetAt);
    }

    // NonValidated reads the raw header without parsing it into objects: no allocation for a single value.
    private static int? ReadInt(System.Net.Http.Headers.HttpResponseHeaders headers, string name)
        => headers.NonValidated.TryGetValues(name, out var values) && values.Count > 0
           && int.TryParse(values.ToString(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value : null;
}
