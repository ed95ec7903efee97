using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;
using BenchmarkDotNet.Attributes;
using PteroAot.Account;
using PteroAot.Json;

namespace PteroAot.Benchmarks;

/// <summary>
/// GET /api/client/account through the generated client against the floor: the same request and parsing written
/// by hand with HttpClient and a source-generated JsonTypeInfo. Both read the same canned fixture bytes.
/// </summary>
[MemoryDiagnoser]
public class AccountBenchmarks
{
    private const string Key = "ptlc_BenchmarkKey0123456789abcdefghijklmnopqrstu";
    private PteroClient _client = null!;
    private HttpClient _floorHttp = null!;

    [GlobalSetup]
    public void Setup()
    {
        var body = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "fixtures", "account.json"));
        _client = new PteroClient(new HttpClient(new CannedHandler(body)), "http://panel.invalid", Key);
        _floorHttp = new HttpClient(new CannedHandler(body));
    }

    [Benchmark(Baseline = true, Description = "floor: hand-written HttpClient + JsonTypeInfo")]
    public async Task<AccountDetails> Floor()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://panel.invalid/api/client/account");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Key);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await _floorHttp.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync();
        var envelope = await JsonSerializer.DeserializeAsync(stream, FloorJsonContext.Default.FloorItemAccountDetails);
        return envelope!.Attributes!;
    }

    [Benchmark(Description = "PteroAot generated client")]
    public Task<AccountDetails> Generated() => _client.Account.GetAsync();
}

/// <summary>The envelope a hand-written client would declare.</summary>
public sealed class FloorItemAccountDetails
{
    public string? Object { get; init; }

    public AccountDetails? Attributes { get; init; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(FloorItemAccountDetails))]
internal sealed partial class FloorJsonContext : JsonSerializerContext;
