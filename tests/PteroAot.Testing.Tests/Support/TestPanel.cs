using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace PteroAot.Testing.Tests.Support;

/// <summary>A started <see cref="FakePanel"/> plus a raw <see cref="HttpClient"/> aimed at it.</summary>
internal sealed class TestPanel : IAsyncDisposable
{
    private TestPanel(FakePanel panel)
    {
        Panel = panel;
        Http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = panel.Url };
    }

    public FakePanel Panel { get; }

    public HttpClient Http { get; }

    public static async Task<TestPanel> StartAsync(FakePanelOptions? options = null) =>
        new(await FakePanel.StartAsync(options));

    public async Task<HttpResponseMessage> SendAsync(
        HttpMethod method,
        string path,
        string? json = null,
        string? token = "",
        string? accept = "application/json",
        string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, path.TrimStart('/'));
        token = token == "" ? Panel.ClientKey : token;
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        return await Http.SendAsync(request);
    }

    public Task<HttpResponseMessage> GetAsync(string path, string? token = "") => SendAsync(HttpMethod.Get, path, token: token);

    public Task<HttpResponseMessage> PostAsync(string path, string json, string? token = "") => SendAsync(HttpMethod.Post, path, json, token);

    public Task<HttpResponseMessage> PutAsync(string path, string json, string? token = "") => SendAsync(HttpMethod.Put, path, json, token);

    public Task<HttpResponseMessage> DeleteAsync(string path, string? json = null, string? token = "") => SendAsync(HttpMethod.Delete, path, json, token);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Panel.DisposeAsync();
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        using var doc = JsonDocument.Parse(text);
        return doc.RootElement.Clone();
    }

    public static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values)
        : response.Content.Headers.TryGetValues(name, out var cvalues) ? string.Join(",", cvalues) : null;
}

/// <summary>A clock the test moves by hand.</summary>
internal sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
