using System.Net;
using System.Net.Http.Headers;

namespace PteroAot.Generators.Tests.Infrastructure;

/// <summary>One request as the handler saw it.</summary>
public sealed record RecordedRequest(string Method, string Url, string? Accept, string? Authorization, IReadOnlyDictionary<string, string> Headers,
    string? ContentType, string? Body);

/// <summary>Records every request and answers with the queued canned responses, in order.</summary>
public sealed class RecordingHandler : HttpMessageHandler
{
    private readonly Queue<(HttpStatusCode Status, string? ContentType, byte[] Body)> _responses = new();

    public List<RecordedRequest> Requests { get; } = [];

    public RecordingHandler Respond(string json, HttpStatusCode status = HttpStatusCode.OK)
        => Respond(status, "application/json", json);

    public RecordingHandler Respond(HttpStatusCode status, string? contentType, string body)
    {
        _responses.Enqueue((status, contentType, System.Text.Encoding.UTF8.GetBytes(body)));
        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = request.Headers
            .Where(h => h.Key is not ("Accept" or "Authorization" or "User-Agent"))
            .ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        Requests.Add(new RecordedRequest(
            request.Method.Method,
            request.RequestUri!.OriginalString,
            request.Headers.Accept.ToString(),
            request.Headers.Authorization?.ToString(),
            headers,
            request.Content?.Headers.ContentType?.ToString(),
            request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken)));

        if (_responses.Count == 0)
            throw new InvalidOperationException($"No response queued for {request.Method} {request.RequestUri}.");
        var (status, contentType, body) = _responses.Dequeue();
        var content = new ByteArrayContent(body);
        if (contentType is not null)
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return new HttpResponseMessage(status) { Content = content, RequestMessage = request };
    }
}
