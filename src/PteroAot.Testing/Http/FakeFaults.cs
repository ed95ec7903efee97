namespace PteroAot.Testing;

/// <summary>A broken response the fake panel can send instead of the real one.</summary>
public enum FaultKind
{
    /// <summary>An HTML page with status 200 and <c>text/html</c> (e.g. a proxy's login page).</summary>
    Html200,

    /// <summary>An HTML error page with status 500.</summary>
    Html500,

    /// <summary>The real JSON response cut in the middle (status and Content-Type kept, Content-Length = cut length).</summary>
    TruncatedJson,

    /// <summary>Status 200, <c>application/json</c>, empty body.</summary>
    EmptyBody,

    /// <summary>Status 200 with valid JSON of the wrong shape: <c>{"foo":1}</c>.</summary>
    WrongShape,

    /// <summary>The connection is aborted without a response.</summary>
    DropConnection,

    /// <summary>A JSON error envelope with a chosen status (see <see cref="FakeFaults.NextStatus"/>; 503 when queued with <see cref="FakeFaults.Next"/>).</summary>
    Status,
}

/// <summary>A queued fault.</summary>
/// <param name="Kind">What to send.</param>
/// <param name="PathPrefix">Only requests whose path starts with this are affected; <see langword="null"/> = any.</param>
/// <param name="StatusCode">For <see cref="FaultKind.Status"/>: the status to answer.</param>
/// <param name="RetryAfterSeconds">For <see cref="FaultKind.Status"/>: an optional <c>Retry-After</c> value.</param>
public sealed record FaultSpec(FaultKind Kind, string? PathPrefix, int StatusCode = 503, int? RetryAfterSeconds = null);

/// <summary>
/// One-shot fault injection: each queued fault replaces the response of exactly one later
/// request whose path matches, in queue order. Thread-safe.
/// </summary>
public sealed class FakeFaults
{
    private readonly List<FaultSpec> _queue = [];
    private readonly object _gate = new();

    /// <summary>Queues a fault for the next request (optionally: the next one whose path starts with <paramref name="pathPrefix"/>).</summary>
    /// <param name="kind">The fault.</param>
    /// <param name="pathPrefix">A path prefix such as <c>/api/client/account</c>, or <see langword="null"/> for any request.</param>
    public void Next(FaultKind kind, string? pathPrefix = null) => Enqueue(new FaultSpec(kind, pathPrefix));

    /// <summary>Queues a JSON error answer with <paramref name="statusCode"/> (code <c>HttpException</c>) for the next matching request.</summary>
    /// <param name="statusCode">The HTTP status, e.g. 502 or 503.</param>
    /// <param name="pathPrefix">A path prefix, or <see langword="null"/> for any request.</param>
    /// <param name="retryAfterSeconds">If set, a <c>Retry-After</c> header.</param>
    public void NextStatus(int statusCode, string? pathPrefix = null, int? retryAfterSeconds = null) =>
        Enqueue(new FaultSpec(FaultKind.Status, pathPrefix, statusCode, retryAfterSeconds));

    /// <summary>How many faults are still queued.</summary>
    public int Pending { get { lock (_gate) { return _queue.Count; } } }

    /// <summary>Drops every queued fault.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _queue.Clear();
        }
    }

    internal FaultSpec? TryTake(string path)
    {
        lock (_gate)
        {
            var index = _queue.FindIndex(f => f.PathPrefix is null || path.StartsWith(f.PathPrefix, StringComparison.Ordinal));
            if (index < 0)
            {
                return null;
            }

            var fault = _queue[index];
            _queue.RemoveAt(index);
            return fault;
        }
    }

    private void Enqueue(FaultSpec fault)
    {
        lock (_gate)
        {
            _queue.Add(fault);
        }
    }
}

/// <summary>A request as the fake panel received it.</summary>
/// <param name="Method">HTTP method.</param>
/// <param name="PathAndQuery">Path plus query string, e.g. <c>/api/client/account/activity?page=2</c>.</param>
/// <param name="Headers">Request headers (case-insensitive names). <c>Authorization</c> is redacted to <c>Bearer </c> + the token's first 16 characters (its identifier).</param>
/// <param name="Body">The body as text (empty when none).</param>
/// <param name="Timestamp">When it arrived (panel clock).</param>
public sealed record RecordedRequest(
    string Method,
    string PathAndQuery,
    IReadOnlyDictionary<string, string> Headers,
    string Body,
    DateTimeOffset Timestamp)
{
    /// <summary>The value of a header, or <see langword="null"/>.</summary>
    /// <param name="name">Header name (case-insensitive).</param>
    /// <returns>The value (several values joined with ", ").</returns>
    public string? Header(string name) => Headers.TryGetValue(name, out var v) ? v : null;

    /// <summary>The path without the query string.</summary>
    public string Path => PathAndQuery.Split('?', 2)[0];

    /// <summary>The status the panel answered with; 0 when no response was started (a dropped connection).</summary>
    public int Status { get; internal set; }
}
