using System.Net;
using System.Net.Http.Headers;

namespace PteroAot.Http;

/// <summary>Which API a key was issued for, from its prefix.</summary>
public enum ApiKeyKind
{
    /// <summary><c>ptlc_</c>: a client (account) key, for <c>/api/client</c>.</summary>
    Client,

    /// <summary><c>ptla_</c>: an application key, for <c>/api/application</c>.</summary>
    Application,

    /// <summary>A key from before prefixes existed; either API may accept it.</summary>
    Legacy,
}

/// <summary>
/// The transport every generated endpoint uses: panel URL, API key, headers, rate-limit handling and error mapping.
/// One connection is safe to use from many threads at once.
/// </summary>
public sealed partial class PteroConnection : IDisposable
{
    /// <summary>The SDK version sent in the default <c>User-Agent</c>.</summary>
    public const string SdkVersion = "0.1.0";

    private static readonly MediaTypeWithQualityHeaderValue s_acceptJson = new("application/json");
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly string _baseUrl;
    private readonly AuthenticationHeaderValue _authorization;
    private readonly ProductInfoHeaderValue[] _userAgent;
    private readonly PteroClientOptions _options;
    private RateLimitInfo _lastRateLimit = RateLimitInfo.Unknown;

    /// <summary>Creates a connection over a caller's <see cref="HttpClient"/> (for example from <c>IHttpClientFactory</c>).</summary>
    /// <param name="httpClient">The client to send with; its <c>BaseAddress</c> is not used.</param>
    /// <param name="panelUrl">The panel's root URL, e.g. <c>https://panel.example.com</c>.</param>
    /// <param name="apiKey">A client (<c>ptlc_</c>) or application (<c>ptla_</c>) key.</param>
    /// <param name="options">Behaviour settings.</param>
    /// <param name="disposeHttpClient">Whether disposing the connection disposes <paramref name="httpClient"/>.</param>
    public PteroConnection(HttpClient httpClient, Uri panelUrl, string apiKey, PteroClientOptions? options = null, bool disposeHttpClient = false)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(panelUrl);
        if (!panelUrl.IsAbsoluteUri || (panelUrl.Scheme != Uri.UriSchemeHttp && panelUrl.Scheme != Uri.UriSchemeHttps))
            throw new ArgumentException($"The panel URL must be an absolute http or https URL; got '{panelUrl.OriginalString}'.", nameof(panelUrl));
        KeyKind = ValidateKey(apiKey);
        _http = httpClient;
        _ownsHttp = disposeHttpClient;
        PanelUrl = panelUrl;
        _baseUrl = panelUrl.GetLeftPart(UriPartial.Path).TrimEnd('/');
        _authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        _options = options ?? new PteroClientOptions();
        _userAgent = _options.UserAgent is { } ua
            ? [ProductInfoHeaderValue.Parse(ua)]
            : [new ProductInfoHeaderValue("PteroAot", SdkVersion)];
    }

    /// <summary>The panel's root URL.</summary>
    public Uri PanelUrl { get; }

    /// <summary>The kind of key this connection sends.</summary>
    public ApiKeyKind KeyKind { get; }

    /// <summary>The rate-limit headers of the most recent response that carried them.</summary>
    public RateLimitInfo LastRateLimit => Volatile.Read(ref _lastRateLimit);

    /// <summary>The settings in force.</summary>
    public PteroClientOptions Options => _options;

    /// <summary>Creates a request for a path below the panel URL (path and query already escaped).</summary>
    public HttpRequestMessage CreateRequest(HttpMethod method, string pathAndQuery)
        => new(method, _baseUrl + pathAndQuery);

    /// <summary>Starts a request URL at the panel URL; append the path and query, then pass it to <see cref="CreateRequest(HttpMethod, ref PteroRequestUrl)"/>.</summary>
    public PteroRequestUrl StartUrl() => new(_baseUrl);

    /// <summary>Creates a request for a URL built from <see cref="StartUrl"/> (the builder's buffer goes back to its pool).</summary>
    public HttpRequestMessage CreateRequest(HttpMethod method, ref PteroRequestUrl url)
        => new(method, url.ToStringAndClear());

    /// <summary>
    /// Sends a request with the panel's headers, waits out 429s within <see cref="PteroClientOptions.MaxRateLimitRetries"/>,
    /// and returns a successful response; an error status becomes a <see cref="PteroApiException"/>.
    /// </summary>
    public async ValueTask<HttpResponseMessage> SendAsync(HttpRequestMessage request, EndpointInfo endpoint, CancellationToken cancellationToken)
        => (await ExchangeAsync(request, endpoint, cancellationToken).ConfigureAwait(false)).EnsureSuccess();

    /// <summary>
    /// <see cref="SendAsync"/> that returns an error status's exception instead of throwing it; generated endpoints
    /// throw it with <see cref="PteroReply.EnsureSuccess"/> in their own frame, so an error is thrown once on its way
    /// to the caller rather than thrown here and rethrown by every async method it passes through (each rethrow
    /// appends to the stack trace: about 1.1 KB). Transport failures are still thrown.
    /// </summary>
    public async ValueTask<PteroReply> ExchangeAsync(HttpRequestMessage request, EndpointInfo endpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(endpoint);
        for (int attempt = 0; ; attempt++)
        {
            var message = attempt == 0 ? request : Clone(request);
            ApplyHeaders(message);
            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (TaskCanceledException ex)
            {
                throw new PteroTransportException("the panel did not answer before the timeout.", endpoint.Method, PathOf(request, endpoint), ex);
            }
            catch (HttpRequestException ex)
            {
                throw new PteroTransportException($"could not reach the panel at {PanelUrl.Authority}: {ex.Message}", endpoint.Method, PathOf(request, endpoint), ex);
            }
            finally
            {
                if (attempt > 0)
                {
                    // The body belongs to the caller's request and is resent by the next attempt: detach it first.
                    message.Content = null;
                    message.Dispose();
                }
            }

            var last = Volatile.Read(ref _lastRateLimit);
            var rateLimit = RateLimitInfo.From(response, _options.TimeProvider, last);
            if (!ReferenceEquals(rateLimit, last) && (rateLimit.Limit is not null || rateLimit.Remaining is not null))
                Volatile.Write(ref _lastRateLimit, rateLimit);

            if (response.IsSuccessStatusCode)
                return new PteroReply(response, null);

            using (response)
            {
                if (response.StatusCode == HttpStatusCode.TooManyRequests
                    && attempt < _options.MaxRateLimitRetries
                    && (rateLimit.RetryAfter ?? TimeSpan.FromSeconds(1)) is var delay
                    && delay <= _options.MaxRetryDelay)
                {
                    await Task.Delay(delay, _options.TimeProvider, cancellationToken).ConfigureAwait(false);
                    continue;
                }
                return new PteroReply(null, await PteroResponse.ReadErrorAsync(response, endpoint, rateLimit, cancellationToken).ConfigureAwait(false));
            }
        }
    }

    /// <summary>
    /// Sends a request to a URL the panel handed out (a signed download or upload URL on the node's daemon): no
    /// panel key or panel headers go with it, no 429 retries; transport failures and error statuses map to the
    /// same exceptions as panel calls.
    /// </summary>
    /// <param name="request">The request, with an absolute URL.</param>
    /// <param name="endpoint">What the call is, for error messages.</param>
    /// <param name="completion">Whether to return once headers arrive (streaming) or after the whole body.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async ValueTask<HttpResponseMessage> SendExternalAsync(HttpRequestMessage request, EndpointInfo endpoint,
        HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(endpoint);
        request.Headers.UserAgent.Clear();
        foreach (var product in _userAgent)
            request.Headers.UserAgent.Add(product);
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, completion, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (TaskCanceledException ex)
        {
            throw new PteroTransportException("the node did not answer before the timeout.", endpoint.Method, PathOf(request, endpoint), ex);
        }
        catch (HttpRequestException ex)
        {
            throw new PteroTransportException($"could not reach the node at {request.RequestUri?.Authority}: {ex.Message}", endpoint.Method,
                PathOf(request, endpoint), ex);
        }
        if (response.IsSuccessStatusCode)
            return response;
        using (response)
            throw await PteroResponse.ReadErrorAsync(response, endpoint, RateLimitInfo.Unknown, cancellationToken).ConfigureAwait(false);
    }

    private static string PathOf(HttpRequestMessage request, EndpointInfo endpoint) => request.RequestUri?.AbsolutePath ?? endpoint.Route;

    private void ApplyHeaders(HttpRequestMessage message)
    {
        var headers = message.Headers;
        headers.Authorization = _authorization;
        headers.Accept.Clear();
        headers.Accept.Add(s_acceptJson);
        headers.UserAgent.Clear();
        foreach (var product in _userAgent)
            headers.UserAgent.Add(product);
    }

    // HttpClient never disposes request content since .NET Core 3.0, so the buffered body can be sent again.
    private static HttpRequestMessage Clone(HttpRequestMessage original)
    {
        var copy = new HttpRequestMessage(original.Method, original.RequestUri) { Content = original.Content, Version = original.Version };
        foreach (var header in original.Headers)
            copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        return copy;
    }

    private static ApiKeyKind ValidateKey(string apiKey)
    {
        // Never echo the key itself in these messages.
        if (string.IsNullOrWhiteSpace(apiKey))
            throw new ArgumentException("An API key is required (a client key starts with ptlc_, an application key with ptla_).", nameof(apiKey));
        if (apiKey.AsSpan().IndexOfAny(" \t\r\n") >= 0)
            throw new ArgumentException("The API key contains white space; copy it again without spaces or line breaks.", nameof(apiKey));
        if (apiKey.StartsWith("ptlc_", StringComparison.Ordinal)) return ApiKeyKind.Client;
        if (apiKey.StartsWith("ptla_", StringComparison.Ordinal)) return ApiKeyKind.Application;
        return ApiKeyKind.Legacy;
    }

    /// <summary>Shows the panel URL only; the key is never part of the text.</summary>
    public override string ToString() => $"PteroConnection({PanelUrl}, {KeyKind} key)";

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_ownsHttp)
            _http.Dispose();
    }
}

/// <summary>What <see cref="PteroConnection.ExchangeAsync"/> got: a successful response, or the exception for an error status.</summary>
public readonly struct PteroReply
{
    internal PteroReply(HttpResponseMessage? response, PteroApiException? error)
    {
        Response = response;
        Error = error;
    }

    /// <summary>The successful response (the caller disposes it); <see langword="null"/> when <see cref="Error"/> is set.</summary>
    public HttpResponseMessage? Response { get; }

    /// <summary>The error status as an exception (its body already read; the response is disposed); <see langword="null"/> on success.</summary>
    public PteroApiException? Error { get; }

    /// <summary>Returns the successful response, or throws <see cref="Error"/>.</summary>
    public HttpResponseMessage EnsureSuccess() => Error is { } error ? throw error : Response!;
}
