using System.Net;
using System.Net.Http.Headers;

namespace PteroAot.Benchmarks;

/// <summary>Answers every request with the same fixture bytes, so the figures measure the client, not a network.</summary>
internal sealed class CannedHandler(byte[] body) : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request };
        response.Headers.TryAddWithoutValidation("X-RateLimit-Limit", "720");
        response.Headers.TryAddWithoutValidation("X-RateLimit-Remaining", "719");
        return Task.FromResult(response);
    }
}
