using System.Net.Http.Headers;
using BenchmarkDotNet.Attributes;
using PteroAot.Servers;
using PteroAot.Testing;

namespace PteroAot.Benchmarks;

/// <summary>One page of 100 servers over loopback HTTP from a started FakePanel (Kestrel on 127.0.0.1).</summary>
[MemoryDiagnoser]
public class KestrelListBenchmarks
{
    private FakePanel _panel = null!;
    private PteroClient _client = null!;
    private HttpClient _http = null!;
    private IRefitPanel _refit = null!;
    private AuthenticationHeaderValue _auth = null!;
    private string _url = "";

    [GlobalSetup]
    public async Task Setup()
    {
        // The panel throttles at 720 requests a minute; a benchmark sends thousands.
        _panel = await FakePanel.StartAsync(new FakePanelOptions { ClientRateLimitPerMinute = int.MaxValue });
        for (var i = 0; i < 100; i++)
            _panel.State.CreateServer(_panel.DemoUser, "bench-" + i);
        var baseUrl = _panel.Url.GetLeftPart(UriPartial.Authority);
        _client = new PteroClient(new HttpClient(), baseUrl, _panel.ClientKey);
        _http = new HttpClient();
        _refit = RefitPanel.Create(new SocketsHttpHandler(), baseUrl, _panel.ClientKey);
        _auth = new AuthenticationHeaderValue("Bearer", _panel.ClientKey);
        _url = baseUrl + "/api/client?page=1&per_page=100";
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        _client.Dispose();
        _http.Dispose();
        await _panel.DisposeAsync();
    }

    /// <summary>For <c>--bytes</c>: the request with the floor's headers, body drained unread.</summary>
    internal async Task<int> RawGet()
    {
        using var response = await _http.SendAsync(HandWritten.Request(HttpMethod.Get, _url, auth: _auth), HttpCompletionOption.ResponseHeadersRead);
        await using var stream = await response.Content.ReadAsStreamAsync();
        await stream.CopyToAsync(Stream.Null);
        return (int)response.StatusCode;
    }

    [Benchmark(Baseline = true, Description = "floor")]
    public Task<FloorList<Server>> Floor() =>
        HandWritten.SendAsync(_http, HandWritten.Request(HttpMethod.Get, _url, auth: _auth), FloorJson.Servers);

    [Benchmark(Description = "generated")]
    public Task<ResourceList<Server>> Generated() => _client.Servers.ListAsync(page: 1, perPage: 100);

    [Benchmark(Description = "Refit")]
    public Task<FloorList<Server>> Refit() => _refit.ListServersAsync(1, 100);

    [Benchmark(Description = "reflection STJ")]
    public Task<PlainList<Server>> Reflection() =>
        HandWritten.SendReflectionAsync<PlainList<Server>>(_http, HandWritten.Request(HttpMethod.Get, _url, auth: _auth));
}
