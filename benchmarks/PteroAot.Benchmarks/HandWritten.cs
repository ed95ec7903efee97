using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
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

public sealed class FloorItem<T>
{
    public string? Object { get; init; }

    [JsonConverter(typeof(SdkModelConverter))]
    public T? Attributes { get; init; }
}

public sealed class FloorItem<T, TMeta>
{
    public string? Object { get; init; }

    [JsonConverter(typeof(SdkModelConverter))]
    public T? Attributes { get; init; }

    [JsonConverter(typeof(SdkModelConverter))]
    public TMeta? Meta { get; init; }
}

public sealed class FloorList<T>
{
    public string? Object { get; init; }

    public List<FloorItem<T>>? Data { get; init; }

    public FloorListMeta? Meta { get; init; }
}

public sealed class FloorListMeta
{
    public Pagination? Pagination { get; init; }
}

/// <summary>The reflection variant's envelopes: the same shapes, models read by reflection too.</summary>
public sealed class PlainItem<T>
{
    public string? Object { get; init; }

    public T? Attributes { get; init; }
}

public sealed class PlainItem<T, TMeta>
{
    public string? Object { get; init; }

    public T? Attributes { get; init; }

    public TMeta? Meta { get; init; }
}

public sealed class PlainList<T>
{
    public string? Object { get; init; }

    public List<PlainItem<T>>? Data { get; init; }

    public PlainListMeta? Meta { get; init; }
}

public sealed class PlainListMeta
{
    public Pagination? Pagination { get; init; }
}

public sealed class FloorErrors
{
    public List<FloorError>? Errors { get; init; }
}

public sealed class FloorError
{
    public string? Code { get; init; }

    public string? Status { get; init; }

    public string? Detail { get; init; }

    public FloorErrorMeta? Meta { get; init; }
}

public sealed class FloorErrorMeta
{
    public string? SourceField { get; init; }

    public string? Rule { get; init; }
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
public sealed partial class FloorJsonContext : JsonSerializerContext;

/// <summary>
/// The floor's metadata: FloorJsonContext for the envelopes, chained to the SDK's public contexts for the id types
/// its generator could not see (their converters are internal to the SDK).
/// </summary>
public static class FloorJson
{
    public static readonly JsonSerializerOptions Options = new(HandWritten.Reflection)
    {
        TypeInfoResolver = JsonTypeInfoResolver.Combine(FloorJsonContext.Default, PteroAot.Json.PteroJsonContext.Default, ServersJsonContext.Default),
    };

    public static readonly JsonTypeInfo<FloorItem<AccountDetails>> Account = Info<FloorItem<AccountDetails>>();
    public static readonly JsonTypeInfo<FloorItem<Server, ServerMeta>> Server = Info<FloorItem<Server, ServerMeta>>();
    public static readonly JsonTypeInfo<FloorList<Server>> Servers = Info<FloorList<Server>>();
    public static readonly JsonTypeInfo<FloorItem<ApiKey, ApiKeySecret>> ApiKey = Info<FloorItem<ApiKey, ApiKeySecret>>();
    public static readonly JsonTypeInfo<FloorErrors> Errors = Info<FloorErrors>();

    private static JsonTypeInfo<T> Info<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));
}

/// <summary>
/// The SDK's ids carry internal converters, so a context outside the SDK cannot generate metadata for its models;
/// the floor's envelopes read them through the SDK's own source-generated contexts instead (public JsonTypeInfo).
/// </summary>
public sealed class SdkModelConverter : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => true;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options)
    {
        var info = PteroAot.Json.PteroJsonContext.Default.GetTypeInfo(typeToConvert) ?? ServersJsonContext.Default.GetTypeInfo(typeToConvert)
            ?? throw new NotSupportedException(typeToConvert.FullName);
        return (JsonConverter)Activator.CreateInstance(typeof(Delegating<>).MakeGenericType(typeToConvert), info)!;
    }

    private sealed class Delegating<T>(JsonTypeInfo info) : JsonConverter<T>
    {
        private readonly JsonTypeInfo<T> _info = (JsonTypeInfo<T>)info;

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            JsonSerializer.Deserialize(ref reader, _info)!;

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value, _info);
    }
}
