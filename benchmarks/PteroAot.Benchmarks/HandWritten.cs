using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using PteroAot.Http;
using PteroAot.Account;
using PteroAot.Servers;

namespace PteroAot.Benchmarks;

/// <summary>
/// What a careful hand-written client does: one request with the same headers, the body deserialized from the
/// response stream into envelope types that wrap the SDK's own models, and error envelopes mapped to the SDK's
/// exceptions. The floor uses source-generated <see cref="JsonTypeInfo{T}"/>; the reflection variant the same code
/// with <see cref="JsonSerializerOptions"/>.
/// </summary>
internal static class HandWritten
{
    public const string Key = "ptlc_BenchmarkKey0123456789abcdefghijklmnopqrstu";
    public const string Panel = "http://panel.invalid";

    private static readonly AuthenticationHeaderValue Bearer = new("Bearer", Key);
    private static readonly MediaTypeWithQualityHeaderValue Json = new("application/json");
    private static readonly ProductInfoHeaderValue UserAgent = new("PteroAot", PteroConnection.SdkVersion);

    /// <summary>Options equivalent to the SDK's contexts, for the reflection variant.</summary>
    public static readonly JsonSerializerOptions Reflection = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        RespectNullableAnnotations = true,
    };

    public static HttpRequestMessage Request(HttpMethod method, string url, HttpContent? body = null, AuthenticationHeaderValue? auth = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = body };
        request.Headers.Authorization = auth ?? Bearer;
        request.Headers.Accept.Add(Json);
        request.Headers.UserAgent.Add(UserAgent);
        return request;
    }

    public static async Task<T> SendAsync<T>(HttpClient http, HttpRequestMessage request, JsonTypeInfo<T> info)
    {
        using (request)
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
            await using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
                throw Error(request, response, await JsonSerializer.DeserializeAsync(stream, FloorJson.Errors).ConfigureAwait(false));
            return (await JsonSerializer.DeserializeAsync(stream, info).ConfigureAwait(false))!;
        }
    }

    public static async Task<T> SendReflectionAsync<T>(HttpClient http, HttpRequestMessage request)
    {
        using (request)
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
            await using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
                throw Error(request, response, await JsonSerializer.DeserializeAsync<FloorErrors>(stream, Reflection).ConfigureAwait(false));
            return (await JsonSerializer.DeserializeAsync<T>(stream, Reflection).ConfigureAwait(false))!;
        }
    }

    public static PteroApiException Error(HttpRequestMessage request, HttpResponseMessage response, FloorErrors? envelope) =>
        Error(response.StatusCode, request.Method.Method, request.RequestUri!.AbsolutePath, envelope);

    public static PteroApiException Error(HttpStatusCode status, string method, string path, FloorErrors? envelope)
    {
        var source = envelope?.Errors ?? [];
        var errors = new PteroError[source.Count];
        for (var i = 0; i < errors.Length; i++)
        {
            var e = source[i];
            errors[i] = new PteroError(e.Code ?? "", e.Status ?? "", e.Detail ?? "", e.Meta?.SourceField, e.Meta?.Rule);
        }

        return PteroApiException.Create(status, errors, method, path);
    }
}

// The envelopes read only what the SDK reads (no "object" name) and use setters: the source generator reads types
// with init-only properties through its parameterized-constructor path, which allocates more.
public sealed class FloorItem<T>
{
    public T? Attributes { get; set; }
}

public sealed class FloorItem<T, TMeta>
{
    public T? Attributes { get; set; }

    public TMeta? Meta { get; set; }
}

public sealed class FloorList<T>
{
    public List<FloorItem<T>>? Data { get; set; }

    public FloorListMeta? Meta { get; set; }
}

public sealed class FloorListMeta
{
    public Pagination? Pagination { get; set; }
}

/// <summary>The reflection variant's envelopes: the same shapes, models read by reflection too.</summary>
public sealed class PlainItem<T>
{
    public T? Attributes { get; set; }
}

public sealed class PlainItem<T, TMeta>
{
    public T? Attributes { get; set; }

    public TMeta? Meta { get; set; }
}

public sealed class PlainList<T>
{
    public List<PlainItem<T>>? Data { get; set; }

    public PlainListMeta? Meta { get; set; }
}

public sealed class PlainListMeta
{
    public Pagination? Pagination { get; set; }
}

public sealed class FloorErrors
{
    public List<FloorError>? Errors { get; set; }
}

public sealed class FloorError
{
    public string? Code { get; set; }

    public string? Status { get; set; }

    public string? Detail { get; set; }

    public FloorErrorMeta? Meta { get; set; }
}

public sealed class FloorErrorMeta
{
    public string? SourceField { get; set; }

    public string? Rule { get; set; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectNullableAnnotations = true)]
[JsonSerializable(typeof(FloorItem<AccountDetails>))]
[JsonSerializable(typeof(FloorItem<Server, ServerMeta>))]
[JsonSerializable(typeof(FloorList<Server>))]
[JsonSerializable(typeof(FloorItem<ApiKey, ApiKeySecret>))]
[JsonSerializable(typeof(FloorErrors))]
[JsonSerializable(typeof(CreateApiKeyRequest))]
// A server's includes: the SDK reads relationships with hand-written converters that resolve these from the options.
[JsonSerializable(typeof(ServerAllocation))]
[JsonSerializable(typeof(PteroAot.Startup.EggVariable))]
[JsonSerializable(typeof(ServerEgg))]
[JsonSerializable(typeof(ServerSubuser))]
public sealed partial class FloorJsonContext : JsonSerializerContext;

/// <summary>
/// The floor's metadata: everything from FloorJsonContext, which generates the envelopes' and the SDK's models'
/// metadata itself (the ids' converters are public), so a whole body is one serializer call with no converter in
/// between. Refit runs on these options too.
/// </summary>
public static class FloorJson
{
    public static readonly JsonSerializerOptions Options = FloorJsonContext.Default.Options;

    public static readonly JsonTypeInfo<FloorItem<AccountDetails>> Account = FloorJsonContext.Default.FloorItemAccountDetails;
    public static readonly JsonTypeInfo<FloorItem<Server, ServerMeta>> Server = FloorJsonContext.Default.FloorItemServerServerMeta;
    public static readonly JsonTypeInfo<FloorList<Server>> Servers = FloorJsonContext.Default.FloorListServer;
    public static readonly JsonTypeInfo<FloorItem<ApiKey, ApiKeySecret>> ApiKey = FloorJsonContext.Default.FloorItemApiKeyApiKeySecret;
    public static readonly JsonTypeInfo<FloorErrors> Errors = FloorJsonContext.Default.FloorErrors;
    public static readonly JsonTypeInfo<CreateApiKeyRequest> CreateApiKey = FloorJsonContext.Default.CreateApiKeyRequest;
}
