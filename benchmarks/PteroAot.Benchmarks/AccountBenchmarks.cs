using BenchmarkDotNet.Attributes;
using PteroAot.Account;

namespace PteroAot.Benchmarks;

/// <summary>GET /api/client/account (account.json).</summary>
[MemoryDiagnoser]
public class AccountBenchmarks
{
    private PteroClient _client = null!;
    private HttpClient _http = null!;
    private IRefitPanel _refit = null!;

    [GlobalSetup]
    public void Setup()
    {
        var body = Fixtures.Read("account.json");
        _client = new PteroClient(new HttpClient(new CannedHandler(body)), HandWritten.Panel, HandWritten.Key);
        _http = new HttpClient(new CannedHandler(body));
        _refit = RefitPanel.Create(new CannedHandler(body));
    }

    [Benchmark(Baseline = true, Description = "floor")]
    public async Task<AccountDetails> Floor() =>
        (await HandWritten.SendAsync(_http, HandWritten.Request(HttpMethod.Get, HandWritten.Panel + "/api/client/account"),
            FloorJson.Account)).Attributes!;

    [Benchmark(Description = "generated")]
    public Task<AccountDetails> Generated() => _client.Account.GetAsync();

    [Benchmark(Description = "Refit")]
    public async Task<AccountDetails> Refit() => (await _refit.GetAccountAsync()).Attributes!;

    [Benchmark(Description = "reflection STJ")]
    public async Task<AccountDetails> Reflection() =>
        (await HandWritten.SendReflectionAsync<PlainItem<AccountDetails>>(_http,
            HandWritten.Request(HttpMethod.Get, HandWritten.Panel + "/api/client/account"))).Attributes!;
}
