using System.Net;
using System.Net.Http.Headers;

namespace PteroAot.Benchmarks;

/// <summary>
/// Answers every request with canned fixture bytes, so the figures measure the client, not a network. A request
/// body is read to the end (as a socket handler would), so lazily serialized content is paid for. With several
/// pages, <c>page=N</c> in the query picks body N (found without allocating).
/// </summary>
internal sealed class CannedHandler : HttpMessageHandler
{
    private readonly byte[][] _pages;
    private readonly HttpStatusCode _status;

    public CannedHandler(byte[] body, HttpStatusCode status = HttpStatusCode.OK)
    {
        _pages = [body];
        _status = status;
    }

    public CannedHandler(byte[][] pages)
    {
        _pages = pages;
        _status = HttpStatusCode.OK;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is { } sent)
            await sent.CopyToAsync(Stream.Null, cancellationToken).ConfigureAwait(false);
        var content = new ByteArrayContent(_pages.Length == 1 ? _pages[0] : _pages[PageOf(request) - 1]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var response = new HttpResponseMessage(_status) { Content = content, RequestMessage = request };
        response.Headers.TryAddWithoutValidation("X-RateLimit-Limit", "720");
        response.Headers.TryAddWithoutValidation("X-RateLimit-Remaining", "719");
        return response;
    }

    private static int PageOf(HttpRequestMessage request)
    {
        var url = request.RequestUri!.OriginalString.AsSpan();
        var at = url.IndexOf("page=");
        while (at > 0 && url[at - 1] is not ('?' or '&'))
        {
            var next = url[(at + 5)..].IndexOf("page=");
            at = next < 0 ? -1 : at + 5 + next;
        }

        if (at < 0)
            return 1;
        var digits = url[(at + 5)..];
        var end = digits.IndexOfAny('&', '#');
        return int.Parse(end < 0 ? digits : digits[..end], provider: null);
    }
}
