using System.Net;

namespace PteroAot;

/// <summary>
/// Base of every error the SDK raises for a panel call. Messages name the HTTP method and route, never the API key.
/// </summary>
public abstract class PteroException : Exception
{
    private protected PteroException(string message, string method, string path, Exception? inner = null)
        : base(message, inner)
    {
        Method = method;
        Path = path;
    }

    /// <summary>The HTTP method of the failed call.</summary>
    public string Method { get; }

    /// <summary>The request path (without the panel URL) of the failed call.</summary>
    public string Path { get; }
}

/// <summary>The panel answered with an error status. <see cref="Errors"/> holds every <c>errors[]</c> entry.</summary>
public class PteroApiException : PteroException
{
    /// <summary>Creates the exception; <see cref="PteroApiException.Create"/> picks the most specific subtype.</summary>
    public PteroApiException(HttpStatusCode statusCode, IReadOnlyList<PteroError> errors, string method, string path, string? bodyHint = null)
        : base(Describe(statusCode, errors, method, path, bodyHint), method, path)
    {
        StatusCode = statusCode;
        Errors = errors;
    }

    /// <summary>The HTTP status code.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>Every error entry of the body; empty when the body was not the panel's JSON error envelope.</summary>
    public IReadOnlyList<PteroError> Errors { get; }

    /// <summary>The first entry's <c>code</c> (the panel's exception name), if any.</summary>
    public string? Code => Errors.Count > 0 ? Errors[0].Code : null;

    /// <summary>The first entry's <c>detail</c>, if any.</summary>
    public string? Detail => Errors.Count > 0 ? Errors[0].Detail : null;

    private static string Describe(HttpStatusCode status, IReadOnlyList<PteroError> errors, string method, string path, string? bodyHint)
    {
        var head = $"{method} {path} failed with {(int)status} {status}";
        if (errors.Count == 0)
            return bodyHint is null ? head + "." : $"{head}: {bodyHint}";
        if (errors.Count == 1)
            return $"{head}: {errors[0].Detail} ({errors[0].Code})";
        return $"{head}: {string.Join("; ", errors.Select(e => e.SourceField is null ? e.Detail : $"{e.SourceField}: {e.Detail}"))}";
    }

    private static string? FirstCode(IReadOnlyList<PteroError> errors) => errors.Count > 0 ? errors[0].Code : null;

    /// <summary>Maps a status and its error entries to the most specific exception type.</summary>
    public static PteroApiException Create(HttpStatusCode status, IReadOnlyList<PteroError> errors, string method, string path,
        RateLimitInfo? rateLimit = null, string? bodyHint = null) => (int)status switch
    {
        400 when FirstCode(errors) == "NoViableNodeException" => new Application.PteroNoViableNodeException(status, errors, method, path, bodyHint),
        400 when FirstCode(errors) == "NoViableAllocationException" => new Application.PteroNoViableAllocationException(status, errors, method, path, bodyHint),
        401 => new PteroAuthenticationException(status, errors, method, path, bodyHint),
        403 => new PteroPermissionException(status, errors, method, path, bodyHint),
        404 => new PteroNotFoundException(status, errors, method, path, bodyHint),
        409 => new PteroConflictException(status, errors, method, path, bodyHint),
        422 => new PteroValidationException(status, errors, method, path, bodyHint),
        429 => new PteroRateLimitException(status, errors, method, path, rateLimit ?? RateLimitInfo.Unknown, bodyHint),
        502 or 503 or 504 => new PteroUnavailableException(status, errors, method, path, bodyHint),
        _ => new PteroApiException(status, errors, method, path, bodyHint),
    };
}

/// <summary>401: the key is missing, unknown or revoked.</summary>
public sealed class PteroAuthenticationException(HttpStatusCode status, IReadOnlyList<PteroError> errors, string method, string path, string? bodyHint = null)
    : PteroApiException(status, errors, method, path, bodyHint);

/// <summary>403: wrong key type (application key on the client API), missing permission, or an IP outside the key's allow-list.</summary>
public sealed class PteroPermissionException(HttpStatusCode status, IReadOnlyList<PteroError> errors, string method, string path, string? bodyHint = null)
    : PteroApiException(status, errors, method, path, bodyHint);

/// <summary>404: the resource does not exist or is not visible to this key (the panel reports both as 404), or the route is unknown.</summary>
public sealed class PteroNotFoundException(HttpStatusCode status, IReadOnlyList<PteroError> errors, string method, string path, string? bodyHint = null)
    : PteroApiException(status, errors, method, path, bodyHint);

/// <summary>409: the server is installing, suspended, restoring or being transferred.</summary>
public sealed class PteroConflictException(HttpStatusCode status, IReadOnlyList<PteroError> errors, string method, string path, string? bodyHint = null)
    : PteroApiException(status, errors, method, path, bodyHint);

/// <summary>502/503/504: the panel or the node's daemon (Wings) could not be reached.</summary>
public sealed class PteroUnavailableException(HttpStatusCode status, IReadOnlyList<PteroError> errors, string method, string path, string? bodyHint = null)
    : PteroApiException(status, errors, method, path, bodyHint);

/// <summary>422: the panel rejected the input. <see cref="FieldErrors"/> groups the messages by input field.</summary>
public sealed class PteroValidationException : PteroApiException
{
    /// <summary>Creates the exception.</summary>
    public PteroValidationException(HttpStatusCode status, IReadOnlyList<PteroError> errors, string method, string path, string? bodyHint = null)
        : base(status, errors, method, path, bodyHint)
    {
        var byField = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var error in errors)
        {
            var field = error.SourceField ?? "";
            if (!byField.TryGetValue(field, out var list))
                byField[field] = list = [];
            list.Add(error.Detail);
        }
        FieldErrors = byField.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value, StringComparer.Ordinal);
    }

    /// <summary>Messages per dotted field name (<c>allowed_ips.0</c>); errors without a field are under the empty key.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> FieldErrors { get; }
}

/// <summary>429: the panel's rate limit was hit (after any automatic retries the client was allowed).</summary>
public sealed class PteroRateLimitException(HttpStatusCode status, IReadOnlyList<PteroError> errors, string method, string path, RateLimitInfo rateLimit, string? bodyHint = null)
    : PteroApiException(status, errors, method, path, bodyHint)
{
    /// <summary>The rate-limit headers of the 429 response, including <c>Retry-After</c>.</summary>
    public RateLimitInfo RateLimit { get; } = rateLimit;

    /// <summary>How long the panel asked to wait, if it said.</summary>
    public TimeSpan? RetryAfter => RateLimit.RetryAfter;
}

/// <summary>
/// The panel answered with a success status but the body was not what the endpoint returns: HTML (a proxy
/// or login page), an empty or truncated body, or JSON of another shape.
/// </summary>
public sealed class PteroResponseException(string message, string method, string path, Exception? inner = null)
    : PteroException($"{method} {path}: {message}", method, path, inner);

/// <summary>The request never got an HTTP answer: connection refused or dropped, DNS failure, or a timeout.</summary>
public sealed class PteroTransportException(string message, string method, string path, Exception? inner = null)
    : PteroException($"{method} {path}: {message}", method, path, inner);
