using System.Net;
using BenchmarkDotNet.Attributes;
using PteroAot.Account;
using PteroAot.Servers;

namespace PteroAot.Benchmarks;

/// <summary>GET /api/client/servers/{server}?include=egg,subusers (server.json, with meta).</summary>
[MemoryDiagnoser]
public class ServerBenchmarks
{
    private const string Include = "egg,subusers";
    private const string Url = HandWritten.Panel + "/api/client/servers/1a7ce997?include=egg%2Csubusers";
    private static readonly ServerIdentifier Id = ServerIdentifier.Parse("1a7ce997");
    private PteroClient _client = null!;
    private HttpClient _http = null!;
    private IRefitPanel _refit = null!;

    [GlobalSetup]
    public void Setup()
    {
        var body = Fixtures.Read("server.json");
        _client = new PteroClient(new HttpClient(new CannedHandler(body)), HandWritten.Panel, HandWritten.Key);
        _http = new HttpClient(new CannedHandler(body));
        _refit = RefitPanel.Create(new CannedHandler(body));
    }

    [Benchmark(Baseline = true, Description = "floor")]
    public Task<FloorItem<Server, ServerMeta>> Floor() =>
        HandWritten.SendAsync(_http, HandWritten.Request(HttpMethod.Get, Url), FloorJson.Server);

    [Benchmark(Description = "generated")]
    public Task<Resource<Server, ServerMeta>> Generated() => _client.Servers.GetAsync(Id, Include);

    [Benchmark(Description = "Refit")]
    public Task<FloorItem<Server, ServerMeta>> Refit() => _refit.GetServerAsync("1a7ce997", Include);

    [Benchmark(Description = "reflection STJ")]
    public Task<PlainItem<Server, ServerMeta>> Reflection() =>
        HandWritten.SendReflectionAsync<PlainItem<Server, ServerMeta>>(_http, HandWritten.Request(HttpMethod.Get, Url));
}

/// <summary>GET /api/client?page=1&amp;per_page=N: one page of 50 or 100 servers (servers-list.json's items repeated).</summary>
[MemoryDiagnoser]
public class ListBenchmarks
{
    private PteroClient _client = null!;
    private HttpClient _http = null!;
    private IRefitPanel _refit = null!;
    private string _url = "";

    [Params(50, 100)]
    public int PerPage { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var body = Fixtures.ServersPage(PerPage);
        _client = new PteroClient(new HttpClient(new CannedHandler(body)), HandWritten.Panel, HandWritten.Key);
        _http = new HttpClient(new CannedHandler(body));
        _refit = RefitPanel.Create(new CannedHandler(body));
        _url = HandWritten.Panel + "/api/client?page=1&per_page=" + PerPage;
    }

    [Benchmark(Baseline = true, Description = "floor")]
    public Task<FloorList<Server>> Floor() =>
        HandWritten.SendAsync(_http, HandWritten.Request(HttpMethod.Get, _url), FloorJson.Servers);

    [Benchmark(Description = "generated")]
    public Task<ResourceList<Server>> Generated() => _client.Servers.ListAsync(page: 1, perPage: PerPage);

    [Benchmark(Description = "Refit")]
    public Task<FloorList<Server>> Refit() => _refit.ListServersAsync(1, PerPage);

    [Benchmark(Description = "reflection STJ")]
    public Task<PlainList<Server>> Reflection() =>
        HandWritten.SendReflectionAsync<PlainList<Server>>(_http, HandWritten.Request(HttpMethod.Get, _url));
}

/// <summary>
/// Walks 20 pages of 50 (the handler answers page N with current_page N of total_pages 20) and counts the servers;
/// nothing is kept past its page, so allocation is 20 × one page.
/// </summary>
[MemoryDiagnoser]
public class WalkBenchmarks
{
    private const int PerPage = 50;
    private const int Pages = 20;
    private PteroClient _client = null!;
    private HttpClient _http = null!;
    private IRefitPanel _refit = null!;

    [GlobalSetup]
    public void Setup()
    {
        var pages = new byte[Pages][];
        for (var i = 0; i < Pages; i++)
            pages[i] = Fixtures.ServersPage(PerPage, i + 1, Pages);
        _client = new PteroClient(new HttpClient(new CannedHandler(pages)), HandWritten.Panel, HandWritten.Key);
        _http = new HttpClient(new CannedHandler(pages));
        _refit = RefitPanel.Create(new CannedHandler(pages));
    }

    private static string Url(int page) => HandWritten.Panel + "/api/client?page=" + page + "&per_page=50";

    [Benchmark(Baseline = true, Description = "floor")]
    public async Task<int> Floor()
    {
        var count = 0;
        for (var page = 1; ; page++)
        {
            var list = await HandWritten.SendAsync(_http, HandWritten.Request(HttpMethod.Get, Url(page)), FloorJson.Servers);
            count += list.Data!.Count;
            if (list.Meta?.Pagination is not { HasNextPage: true })
                return count;
        }
    }

    [Benchmark(Description = "generated")]
    public async Task<int> Generated()
    {
        var count = 0;
        await foreach (var server in _client.Servers.EnumerateAsync(perPage: PerPage))
            count++;
        return count;
    }

    [Benchmark(Description = "Refit")]
    public async Task<int> Refit()
    {
        var count = 0;
        for (var page = 1; ; page++)
        {
            var list = await _refit.ListServersAsync(page, PerPage);
            count += list.Data!.Count;
            if (list.Meta?.Pagination is not { HasNextPage: true })
                return count;
        }
    }

    [Benchmark(Description = "reflection STJ")]
    public async Task<int> Reflection()
    {
        var count = 0;
        for (var page = 1; ; page++)
        {
            var list = await HandWritten.SendReflectionAsync<PlainList<Server>>(_http, HandWritten.Request(HttpMethod.Get, Url(page)));
            count += list.Data!.Count;
            if (list.Meta?.Pagination is not { HasNextPage: true })
                return count;
        }
    }
}

/// <summary>POST /api/client/account/api-keys: request body serialization, answer api-key-create.json (with meta).</summary>
[MemoryDiagnoser]
public class CreateApiKeyBenchmarks
{
    private const string Url = HandWritten.Panel + "/api/client/account/api-keys";
    private static readonly CreateApiKeyRequest Body = new() { Description = "SDK test", AllowedIps = ["127.0.0.1", "10.0.0.0/8"] };
    private PteroClient _client = null!;
    private HttpClient _http = null!;
    private IRefitPanel _refit = null!;

    [GlobalSetup]
    public void Setup()
    {
        var body = Fixtures.Read("api-key-create.json");
        _client = new PteroClient(new HttpClient(new CannedHandler(body)), HandWritten.Panel, HandWritten.Key);
        _http = new HttpClient(new CannedHandler(body));
        _refit = RefitPanel.Create(new CannedHandler(body));
    }

    [Benchmark(Baseline = true, Description = "floor")]
    public Task<FloorItem<ApiKey, ApiKeySecret>> Floor() =>
        HandWritten.SendAsync(_http, HandWritten.Request(HttpMethod.Post, Url, System.Net.Http.Json.JsonContent.Create(Body, FloorJson.CreateApiKey)),
            FloorJson.ApiKey);

    [Benchmark(Description = "generated")]
    public Task<Resource<ApiKey, ApiKeySecret>> Generated() => _client.Account.CreateApiKeyAsync(Body);

    [Benchmark(Description = "Refit")]
    public Task<FloorItem<ApiKey, ApiKeySecret>> Refit() => _refit.CreateApiKeyAsync(Body);

    [Benchmark(Description = "reflection STJ")]
    public Task<PlainItem<ApiKey, ApiKeySecret>> Reflection() =>
        HandWritten.SendReflectionAsync<PlainItem<ApiKey, ApiKeySecret>>(_http,
            HandWritten.Request(HttpMethod.Post, Url, System.Net.Http.Json.JsonContent.Create(Body, options: HandWritten.Reflection)));
}

/// <summary>The same POST answered 422 (errors/422-validation.json): the error envelope read and thrown as PteroValidationException.</summary>
[MemoryDiagnoser]
public class ValidationErrorBenchmarks
{
    private const string Url = HandWritten.Panel + "/api/client/account/api-keys";
    private static readonly CreateApiKeyRequest Body = new() { Description = "SDK test" };
    private PteroClient _client = null!;
    private HttpClient _http = null!;
    private IRefitPanel _refit = null!;

    [GlobalSetup]
    public void Setup()
    {
        var body = Fixtures.Read("422-validation.json");
        _client = new PteroClient(new HttpClient(new CannedHandler(body, HttpStatusCode.UnprocessableEntity)), HandWritten.Panel, HandWritten.Key);
        _http = new HttpClient(new CannedHandler(body, HttpStatusCode.UnprocessableEntity));
        _refit = RefitPanel.Create(new CannedHandler(body, HttpStatusCode.UnprocessableEntity));
    }

    private static async Task<PteroValidationException> Catch(Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (PteroValidationException e)
        {
            return e;
        }

        throw new InvalidOperationException("expected a 422");
    }

    [Benchmark(Baseline = true, Description = "floor")]
    public Task<PteroValidationException> Floor() => Catch(() =>
        HandWritten.SendAsync(_http, HandWritten.Request(HttpMethod.Post, Url, System.Net.Http.Json.JsonContent.Create(Body, FloorJson.CreateApiKey)),
            FloorJson.ApiKey));

    [Benchmark(Description = "generated")]
    public Task<PteroValidationException> Generated() => Catch(() => _client.Account.CreateApiKeyAsync(Body));

    [Benchmark(Description = "Refit")]
    public Task<PteroValidationException> Refit() => Catch(() => RefitPanel.MapErrorsAsync(_refit.CreateApiKeyAsync(Body)));

    [Benchmark(Description = "reflection STJ")]
    public Task<PteroValidationException> Reflection() => Catch(() =>
        HandWritten.SendReflectionAsync<PlainItem<ApiKey, ApiKeySecret>>(_http,
            HandWritten.Request(HttpMethod.Post, Url, System.Net.Http.Json.JsonContent.Create(Body, options: HandWritten.Reflection))));
}
