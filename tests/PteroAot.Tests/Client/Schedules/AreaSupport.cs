using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using PteroAot.Testing;
using PteroAot.Tests.Support;

namespace PteroAot.Tests.Client;

/// <summary>Shortcuts for the schedule and network tests.</summary>
internal static class AreaSupport
{
    public static FakeServer Server(this TestPanel t, string name) => t.Panel.State.Servers.First(s => s.Name == name);

    public static ServerIdentifier Id(this FakeServer server) => ServerIdentifier.Parse(server.Identifier);

    /// <summary>Sends a request with the demo key outside the SDK (to see raw statuses and bodies).</summary>
    public static async Task<HttpResponseMessage> SendRawAsync(TestPanel t, HttpMethod method, string path, string? json = null)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(method, new Uri(t.Panel.Url, path));
        if (json is not null)
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", t.Panel.ClientKey);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var response = await http.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    /// <summary>A JSON value without whitespace, for comparing documents.</summary>
    public static string Compact(JsonElement element)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
            element.WriteTo(writer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>A client whose every response is the given body (for parsing the reference's fixtures).</summary>
    public static PteroClient Canned(string fixture, HttpStatusCode status = HttpStatusCode.OK)
        => new(new HttpClient(new CannedHandler(File.ReadAllBytes(fixture), status)), "http://panel.invalid", "ptlc_" + new string('k', 43),
            new PteroClientOptions { MaxRateLimitRetries = 0 });

    private sealed class CannedHandler(byte[] body, HttpStatusCode status) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            return Task.FromResult(new HttpResponseMessage(status) { Content = content, RequestMessage = request });
        }
    }
}
