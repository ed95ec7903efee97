using System.Buffers;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using PteroAot.Json;

namespace PteroAot.Http;

/// <summary>
/// Reads successful responses in the panel's shapes, and error responses into exceptions. Generated endpoints call
/// these; every failure is a <see cref="PteroException"/> naming the endpoint, never a raw <see cref="JsonException"/>.
/// </summary>
public static class PteroResponse
{
    /// <summary>Reads an item envelope <c>{"object", "attributes"}</c> and returns the attributes.</summary>
    public static async ValueTask<T> ReadAttributesAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, EndpointInfo endpoint, CancellationToken cancellationToken)
    {
        using var body = await ReadJsonBodyAsync(response, endpoint, cancellationToken).ConfigureAwait(false);
        return Parse(body, endpoint, typeInfo, static (ReadOnlySpan<byte> json, JsonTypeInfo<T> info) =>
        {
            var reader = Start(json);
            T? value = default;
            bool found = false;
            while (NextProperty(ref reader))
            {
                if (reader.ValueTextEquals("attributes"u8))
                {
                    reader.Read();
                    value = reader.TokenType == JsonTokenType.Null ? default : JsonSerializer.Deserialize(ref reader, info);
                    found = value is not null;
                }
                else
                    SkipValue(ref reader);
            }
            return found ? value! : throw new ShapeException("expected the panel's {\"object\", \"attributes\"} envelope, but it has no attributes");
        });
    }

    /// <summary>Reads an item envelope with its <c>meta</c> block.</summary>
    public static async ValueTask<Resource<T, TMeta>> ReadResourceAsync<T, TMeta>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, JsonTypeInfo<TMeta> metaInfo,
        EndpointInfo endpoint, CancellationToken cancellationToken)
    {
        using var body = await ReadJsonBodyAsync(response, endpoint, cancellationToken).ConfigureAwait(false);
        return Parse(body, endpoint, (typeInfo, metaInfo), static (ReadOnlySpan<byte> json, (JsonTypeInfo<T> Item, JsonTypeInfo<TMeta> Meta) info) =>
        {
            // One serializer call for the whole envelope: a second top-level call for meta starts a second read stack
            // (about 440 B for a server's meta). Any failure (the panel writes [] for an empty meta, or the body is not
            // the expected shape) falls back to reading the envelope piece by piece, which decides what to report.
            ResourceEnvelope<T, TMeta>? envelope = null;
            try
            {
                envelope = JsonSerializer.Deserialize(json, ResourceEnvelope<T, TMeta>.For(info.Item, info.Meta));
            }
            catch (JsonException)
            {
            }
            if (envelope is not null)
            {
                return envelope.Attributes is { } attributes
                    ? new Resource<T, TMeta>(attributes, envelope.Meta)
                    : throw new ShapeException("expected the panel's {\"object\", \"attributes\"} envelope, but it has no attributes");
            }
            var reader = Start(json);
            T? value = default;
            TMeta? meta = default;
            while (NextProperty(ref reader))
            {
                if (reader.ValueTextEquals("attributes"u8))
                {
                    reader.Read();
                    value = reader.TokenType == JsonTokenType.Null ? default : JsonSerializer.Deserialize(ref reader, info.Item);
                }
                else if (reader.ValueTextEquals("meta"u8))
                {
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.StartObject)
                        meta = JsonSerializer.Deserialize(ref reader, info.Meta);
                    else
                        reader.Skip(); // the panel writes [] for an empty meta
                }
                else
                    SkipValue(ref reader);
            }
            return value is not null
                ? new Resource<T, TMeta>(value, meta)
                : throw new ShapeException("expected the panel's {\"object\", \"attributes\"} envelope, but it has no attributes");
        });
    }

    /// <summary>Reads a list envelope <c>{"object": "list", "data": [...], "meta": {"pagination"}}</c>.</summary>
    public static async ValueTask<ResourceList<T>> ReadListAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, EndpointInfo endpoint, CancellationToken cancellationToken)
    {
        using var body = await ReadJsonBodyAsync(response, endpoint, cancellationToken).ConfigureAwait(false);
        return Parse(body, endpoint, typeInfo, static (ReadOnlySpan<byte> json, JsonTypeInfo<T> info) =>
        {
            // One serializer call over the whole body. Reading data[] with Deserialize(ref reader) instead made the
            // serializer scan the array once to find its end before reading it (a second pass over ~all the body:
            // +25 % time on a list of 50 servers). Any failure (not the list shape, an entry without attributes, a
            // meta that is not an object, a truncated body) falls back to reading the envelope piece by piece, which
            // decides what to report (and accepts what it accepted before).
            // An empty page (or no data at all) takes the fallback too: it is small, and it tells the two apart.
            DataArray<T>? envelope = null;
            try
            {
                envelope = JsonSerializer.Deserialize(json, DataArray<T>.EnvelopeFor(info));
            }
            catch (JsonException)
            {
            }
            if (envelope is { Missing: false, Items.Count: > 0 })
                return new ResourceList<T>(envelope.Items, envelope.Pagination);
            var items = ParseList<T, object>(json, info, null, out var pagination, out _);
            return new ResourceList<T>(items, pagination);
        });
    }

    /// <summary>Reads a list envelope whose <c>meta</c> has more than pagination.</summary>
    public static async ValueTask<ResourceList<T, TMeta>> ReadListAsync<T, TMeta>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo,
        JsonTypeInfo<TMeta> metaInfo, EndpointInfo endpoint, CancellationToken cancellationToken)
    {
        using var body = await ReadJsonBodyAsync(response, endpoint, cancellationToken).ConfigureAwait(false);
        return Parse(body, endpoint, (typeInfo, metaInfo), static (ReadOnlySpan<byte> json, (JsonTypeInfo<T> Item, JsonTypeInfo<TMeta> Meta) info) =>
        {
            var items = ParseList(json, info.Item, info.Meta, out var pagination, out var meta);
            return new ResourceList<T, TMeta>(items, pagination, meta);
        });
    }

    // The list envelope: data[] of {object, attributes}, and meta with pagination (plus a typed rest when asked).
    private static List<T> ParseList<T, TMeta>(ReadOnlySpan<byte> json, JsonTypeInfo<T> itemInfo, JsonTypeInfo<TMeta>? metaInfo,
        out Pagination? pagination, out TMeta? meta)
    {
        var reader = Start(json);
        List<T>? items = null;
        pagination = null;
        meta = default;
        while (NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("data"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.StartArray)
                    throw new ShapeException("expected \"data\" to be an array");
                // One serializer call for the whole array: every top-level Deserialize starts a new read stack, which
                // for a Server's nesting is about 1.3 KB, so reading item by item paid that once per item.
                DataArray<T> entries;
                try
                {
                    entries = JsonSerializer.Deserialize(ref reader, DataArray<T>.For(itemInfo))!;
                }
                catch (JsonException ex) when (IsEntryPath(ex.Path))
                {
                    // An entry that is not an object (errors inside one keep the serializer's message and path).
                    throw new ShapeException("expected each \"data\" entry to be an {\"object\", \"attributes\"} envelope");
                }
                if (entries.Missing)
                    throw new ShapeException("a \"data\" entry has no attributes");
                items = entries.Items;
            }
            else if (reader.ValueTextEquals("meta"u8))
            {
                reader.Read();
                if (metaInfo is null || reader.TokenType != JsonTokenType.StartObject)
                {
                    pagination = ReadPagination(ref reader);
                    continue;
                }
                // The reader is a struct: a copy reads pagination, the original reads the typed meta.
                var copy = reader;
                pagination = ReadPagination(ref copy);
                meta = JsonSerializer.Deserialize(ref reader, metaInfo);
            }
            else
                SkipValue(ref reader);
        }
        return items ?? throw new ShapeException("expected the panel's list envelope, but it has no \"data\" array");
    }

    /// <summary>Reads a <c>{"data": {...}}</c> wrapper (two-factor setup, websocket credentials).</summary>
    public static async ValueTask<T> ReadDataAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, EndpointInfo endpoint, CancellationToken cancellationToken)
    {
        using var body = await ReadJsonBodyAsync(response, endpoint, cancellationToken).ConfigureAwait(false);
        return Parse(body, endpoint, typeInfo, static (ReadOnlySpan<byte> json, JsonTypeInfo<T> info) =>
        {
            var reader = Start(json);
            T? value = default;
            while (NextProperty(ref reader))
            {
                if (reader.ValueTextEquals("data"u8))
                {
                    reader.Read();
                    value = reader.TokenType == JsonTokenType.Null ? default : JsonSerializer.Deserialize(ref reader, info);
                }
                else
                    SkipValue(ref reader);
            }
            return value ?? throw new ShapeException("expected a {\"data\": {...}} body, but it has no data");
        });
    }

    /// <summary>Reads a body that is the value itself, without an envelope.</summary>
    public static async ValueTask<T> ReadJsonAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, EndpointInfo endpoint, CancellationToken cancellationToken)
    {
        using var body = await ReadJsonBodyAsync(response, endpoint, cancellationToken).ConfigureAwait(false);
        return Parse(body, endpoint, typeInfo, static (ReadOnlySpan<byte> json, JsonTypeInfo<T> info) =>
            JsonSerializer.Deserialize(json, info) ?? throw new ShapeException("the body is JSON null"));
    }

    /// <summary>Reads a raw text body (file contents are <c>text/plain</c>).</summary>
    public static async ValueTask<string> ReadTextAsync(HttpResponseMessage response, EndpointInfo endpoint, CancellationToken cancellationToken)
    {
        using var body = await ReadBodyAsync(response, endpoint, cancellationToken).ConfigureAwait(false);
        return Encoding.UTF8.GetString(body.Span);
    }

    /// <summary>Completes a call whose success carries no value (204, or 202 with <c>[]</c>); the body is drained and ignored.</summary>
    public static async ValueTask ReadNothingAsync(HttpResponseMessage response, EndpointInfo endpoint, CancellationToken cancellationToken)
    {
        using var body = await ReadBodyAsync(response, endpoint, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Turns an error response into the matching <see cref="PteroApiException"/>.</summary>
    public static async Task<PteroApiException> ReadErrorAsync(HttpResponseMessage response, EndpointInfo endpoint, RateLimitInfo rateLimit, CancellationToken cancellationToken)
    {
        var path = PathOf(response, endpoint);
        IReadOnlyList<PteroError> errors = [];
        string? hint = null;
        try
        {
            using var body = await ReadBodyAsync(response, endpoint, cancellationToken).ConfigureAwait(false);
            if ((int)response.StatusCode is >= 300 and < 400)
                hint = response.Headers.Location is { } location
                    ? $"the panel redirected to {location}; use the panel's own address (often https:// instead of http://, and no path) as the panel URL."
                    : "the panel answered with a redirect; use the panel's own address as the panel URL.";
            else if (body.Length == 0)
                hint = "the body was empty.";
            else if (!IsJson(response))
                hint = $"the body was {MediaType(response)} ({body.Length} bytes), not the panel's JSON error envelope.";
            else
            {
                try
                {
                    var envelope = JsonSerializer.Deserialize(body.Span, RuntimeJsonContext.Default.ErrorEnvelope);
                    var status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    if (envelope?.Errors is { Count: > 0 } entries)
                    {
                        var list = new PteroError[entries.Count];
                        for (int i = 0; i < list.Length; i++)
                        {
                            var e = entries[i];
                            list[i] = new PteroError(e.Code ?? "", e.Status ?? status, e.Detail ?? "", e.Meta?.SourceField, e.Meta?.Rule);
                        }
                        errors = list;
                    }
                    if (errors.Count == 0 && envelope?.Error is { } wingsError)
                        errors = [new PteroError("WingsError", status, wingsError)];
                    if (errors.Count == 0)
                        hint = "the JSON body has no errors[] entries.";
                }
                catch (JsonException)
                {
                    hint = "the JSON error body could not be parsed.";
                }
            }
        }
        catch (PteroTransportException ex)
        {
            hint = ex.InnerException?.Message ?? "the connection dropped while the error body was read.";
        }
        return PteroApiException.Create(response.StatusCode, errors, endpoint.Method, path, rateLimit, hint);
    }

    private delegate TResult SpanParser<TState, TResult>(ReadOnlySpan<byte> json, TState state);

    private static TResult Parse<TState, TResult>(PooledBody body, EndpointInfo endpoint, TState state, SpanParser<TState, TResult> parser)
    {
        try
        {
            return parser(body.Span, state);
        }
        catch (ShapeException ex)
        {
            throw new PteroResponseException(ex.Message + ".", endpoint.Method, body.Path, ex);
        }
        catch (JsonException ex)
        {
            var what = ex.Path is { Length: > 1 } jsonPath ? $" at {jsonPath}" : "";
            throw new PteroResponseException($"the response body is not the JSON this endpoint returns{what} (truncated or of another shape): {ex.Message}",
                endpoint.Method, body.Path, ex);
        }
    }

    private static async ValueTask<PooledBody> ReadJsonBodyAsync(HttpResponseMessage response, EndpointInfo endpoint, CancellationToken cancellationToken)
    {
        var body = await ReadBodyAsync(response, endpoint, cancellationToken).ConfigureAwait(false);
        if (body.Length == 0)
        {
            body.Dispose();
            throw new PteroResponseException($"the panel answered {(int)response.StatusCode} with an empty body where JSON was expected.", endpoint.Method, body.Path);
        }
        if (!IsJson(response))
        {
            body.Dispose();
            throw new PteroResponseException(
                $"expected JSON but the panel answered {(int)response.StatusCode} with {MediaType(response)} ({body.Length} bytes); "
                + "is the URL the panel's root, and is nothing (a proxy, a login page) in between?", endpoint.Method, body.Path);
        }
        return body;
    }

    private static async ValueTask<PooledBody> ReadBodyAsync(HttpResponseMessage response, EndpointInfo endpoint, CancellationToken cancellationToken)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent((int)Math.Clamp(response.Content.Headers.ContentLength ?? 4096, 256, 1 << 20) + 1);
        int length = 0;
        try
        {
            using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            while (true)
            {
                if (length == buffer.Length)
                {
                    var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, length).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }
                int read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                    break;
                length += read;
            }
            return new PooledBody(buffer, length, response, endpoint);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw new PteroTransportException($"the connection dropped while the response was read ({length} bytes received).", endpoint.Method,
                PathOf(response, endpoint), ex);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    private static string PathOf(HttpResponseMessage response, EndpointInfo endpoint)
        => response.RequestMessage?.RequestUri?.AbsolutePath ?? endpoint.Route;

    private static bool IsJson(HttpResponseMessage response)
        => response.Content.Headers.ContentType?.MediaType is { } type
           && (type.EndsWith("/json", StringComparison.OrdinalIgnoreCase) || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase));

    private static string MediaType(HttpResponseMessage response)
        => response.Content.Headers.ContentType?.MediaType ?? "no content type";

    private static Utf8JsonReader Start(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 256 });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            throw new ShapeException("expected a JSON object at the top level");
        return reader;
    }

    private static bool NextProperty(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
            throw new JsonException("The JSON ended before the top-level object was closed.");
        return reader.TokenType == JsonTokenType.PropertyName;
    }

    private static void SkipValue(ref Utf8JsonReader reader)
    {
        reader.Read();
        reader.Skip();
    }

    // "$[3]": the path of a data[] entry itself, relative to the array.
    private static bool IsEntryPath(string? path)
        => path is { Length: > 3 } p && p.StartsWith("$[", StringComparison.Ordinal) && p[^1] == ']' && p.AsSpan(2, p.Length - 3).IndexOfAnyExceptInRange('0', '9') < 0;

    private static Pagination? ReadPagination(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return null;
        }
        Pagination? pagination = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("pagination"u8))
            {
                reader.Read();
                pagination = JsonSerializer.Deserialize(ref reader, RuntimeJsonContext.Default.Pagination);
            }
            else
                SkipValue(ref reader);
        }
        return pagination;
    }

    private sealed class ShapeException(string message) : Exception(message);

    /// <summary>
    /// Metadata for a list's <c>data</c> array, built from the item's source-generated <see cref="JsonTypeInfo{T}"/> with
    /// <see cref="JsonMetadataServices"/> (no reflection): each <c>{"object", "attributes"}</c> entry is read as an
    /// <see cref="Entry"/> and its attributes added straight to the result list.
    /// </summary>
    private sealed class DataArray<T> : ICollection<DataArray<T>.Entry>
    {
        private static readonly ConditionalWeakTable<JsonTypeInfo<T>, JsonTypeInfo<DataArray<T>>> s_infos = new();
        private static readonly ConditionalWeakTable<JsonTypeInfo<T>, JsonTypeInfo<DataArray<T>>> s_envelopes = new();

        public List<T> Items { get; } = [];

        public bool Missing { get; private set; }

        /// <summary>The list's <c>meta.pagination</c>, when read through <see cref="EnvelopeFor"/>.</summary>
        public Pagination? Pagination { get; private set; }

        public static JsonTypeInfo<DataArray<T>> For(JsonTypeInfo<T> itemInfo)
            => s_infos.TryGetValue(itemInfo, out var info) ? info : s_infos.GetValue(itemInfo, static i => Create(i));

        /// <summary>
        /// The whole list envelope <c>{"object", "data", "meta": {"pagination"}}</c> read into one
        /// <see cref="DataArray{T}"/>: the object view's <c>data</c> and <c>meta</c> properties populate the same
        /// instance (<see cref="JsonObjectCreationHandling.Populate"/>) through its collection view and a pagination
        /// view, so the envelope costs no object beyond the array itself.
        /// </summary>
        public static JsonTypeInfo<DataArray<T>> EnvelopeFor(JsonTypeInfo<T> itemInfo)
            => s_envelopes.TryGetValue(itemInfo, out var info) ? info : s_envelopes.GetValue(itemInfo, static i => CreateEnvelope(i));

        private static JsonTypeInfo<DataArray<T>> CreateEnvelope(JsonTypeInfo<T> itemInfo)
        {
            var options = itemInfo.Options;
            var dataInfo = For(itemInfo);
            var metaInfo = JsonMetadataServices.CreateObjectInfo(options, new JsonObjectInfoValues<DataArray<T>>
            {
                ObjectCreator = static () => new DataArray<T>(),
                PropertyMetadataInitializer = _ =>
                [
                    JsonMetadataServices.CreatePropertyInfo(options, new JsonPropertyInfoValues<Pagination>
                    {
                        IsProperty = true,
                        IsPublic = true,
                        DeclaringType = typeof(DataArray<T>),
                        PropertyTypeInfo = RuntimeJsonContext.Default.Pagination,
                        Getter = static array => ((DataArray<T>)array).Pagination!,
                        Setter = static (array, value) => ((DataArray<T>)array).Pagination = value,
                        PropertyName = nameof(Pagination),
                        JsonPropertyName = "pagination",
                    }),
                ],
            });
            return JsonMetadataServices.CreateObjectInfo(options, new JsonObjectInfoValues<DataArray<T>>
            {
                ObjectCreator = static () => new DataArray<T>(),
                PropertyMetadataInitializer = _ =>
                [
                    Populate(JsonMetadataServices.CreatePropertyInfo(options, new JsonPropertyInfoValues<DataArray<T>>
                    {
                        IsProperty = true,
                        IsPublic = true,
                        DeclaringType = typeof(DataArray<T>),
                        PropertyTypeInfo = dataInfo,
                        Getter = static array => (DataArray<T>)array,
                        Setter = static (array, value) => { if (value is null) ((DataArray<T>)array).Missing = true; },
                        PropertyName = "Data",
                        JsonPropertyName = "data",
                    })),
                    Populate(JsonMetadataServices.CreatePropertyInfo(options, new JsonPropertyInfoValues<DataArray<T>>
                    {
                        IsProperty = true,
                        IsPublic = true,
                        DeclaringType = typeof(DataArray<T>),
                        PropertyTypeInfo = metaInfo,
                        Getter = static array => (DataArray<T>)array,
                        Setter = static (_, _) => { },
                        PropertyName = "Meta",
                        JsonPropertyName = "meta",
                    })),
                ],
            });
        }

        private static JsonPropertyInfo Populate(JsonPropertyInfo property)
        {
            property.ObjectCreationHandling = JsonObjectCreationHandling.Populate;
            return property;
        }

        private static JsonTypeInfo<DataArray<T>> Create(JsonTypeInfo<T> itemInfo)
        {
            var options = itemInfo.Options;
            var entryInfo = JsonMetadataServices.CreateObjectInfo(options, new JsonObjectInfoValues<Entry>
            {
                ObjectCreator = static () => new Entry(),
                PropertyMetadataInitializer = _ =>
                [
                    JsonMetadataServices.CreatePropertyInfo(options, new JsonPropertyInfoValues<T>
                    {
                        IsProperty = true,
                        IsPublic = true,
                        DeclaringType = typeof(Entry),
                        PropertyTypeInfo = itemInfo,
                        Getter = static entry => ((Entry)entry).Attributes!,
                        Setter = static (entry, value) => ((Entry)entry).Attributes = value,
                        PropertyName = nameof(Entry.Attributes),
                        JsonPropertyName = "attributes",
                    }),
                ],
            });
            return JsonMetadataServices.CreateICollectionInfo<DataArray<T>, Entry>(options, new JsonCollectionInfoValues<DataArray<T>>
            {
                ObjectCreator = static () => new DataArray<T>(),
                ElementInfo = entryInfo,
            });
        }

        private int _read;

        public void Add(Entry item)
        {
            _read++;
            if (item is not null && item.Attributes is { } value)
                Items.Add(value);
            else
                Missing = true;
        }

        public int Count => _read;

        public bool IsReadOnly => false;

        public void Clear() => throw new NotSupportedException();

        public bool Contains(Entry item) => throw new NotSupportedException();

        public void CopyTo(Entry[] array, int arrayIndex) => throw new NotSupportedException();

        public bool Remove(Entry item) => throw new NotSupportedException();

        // Only the serializer's error path enumerates (to count the entries read for the JSON path in its message).
        public IEnumerator<Entry> GetEnumerator() => Enumerable.Repeat(new Entry(), _read).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        /// <summary>One <c>{"object", "attributes"}</c> entry (the <c>object</c> name is skipped).</summary>
        public sealed class Entry
        {
            public T? Attributes { get; set; }
        }
    }

    /// <summary>
    /// An item envelope <c>{"object", "attributes", "meta"}</c> read in one serializer call; its metadata is built from
    /// the item's and the meta's source-generated <see cref="JsonTypeInfo{T}"/> with <see cref="JsonMetadataServices"/>
    /// (no reflection). The <c>object</c> name is skipped.
    /// </summary>
    private sealed class ResourceEnvelope<T, TMeta>
    {
        // One pair per closed type in practice (an endpoint's item and meta); a different pair replaces it.
        private static Cached? s_cached;

        public T? Attributes { get; set; }

        public TMeta? Meta { get; set; }

        public static JsonTypeInfo<ResourceEnvelope<T, TMeta>> For(JsonTypeInfo<T> itemInfo, JsonTypeInfo<TMeta> metaInfo)
        {
            var cached = Volatile.Read(ref s_cached);
            if (cached is null || !ReferenceEquals(cached.Item, itemInfo) || !ReferenceEquals(cached.Meta, metaInfo))
                Volatile.Write(ref s_cached, cached = new Cached(itemInfo, metaInfo, Create(itemInfo, metaInfo)));
            return cached.Info;
        }

        private static JsonTypeInfo<ResourceEnvelope<T, TMeta>> Create(JsonTypeInfo<T> itemInfo, JsonTypeInfo<TMeta> metaInfo)
        {
            var options = itemInfo.Options;
            return JsonMetadataServices.CreateObjectInfo(options, new JsonObjectInfoValues<ResourceEnvelope<T, TMeta>>
            {
                ObjectCreator = static () => new ResourceEnvelope<T, TMeta>(),
                PropertyMetadataInitializer = _ =>
                [
                    JsonMetadataServices.CreatePropertyInfo(options, new JsonPropertyInfoValues<T>
                    {
                        IsProperty = true,
                        IsPublic = true,
                        DeclaringType = typeof(ResourceEnvelope<T, TMeta>),
                        PropertyTypeInfo = itemInfo,
                        Getter = static envelope => ((ResourceEnvelope<T, TMeta>)envelope).Attributes!,
                        Setter = static (envelope, value) => ((ResourceEnvelope<T, TMeta>)envelope).Attributes = value,
                        PropertyName = nameof(Attributes),
                        JsonPropertyName = "attributes",
                    }),
                    JsonMetadataServices.CreatePropertyInfo(options, new JsonPropertyInfoValues<TMeta>
                    {
                        IsProperty = true,
                        IsPublic = true,
                        DeclaringType = typeof(ResourceEnvelope<T, TMeta>),
                        PropertyTypeInfo = metaInfo,
                        Getter = static envelope => ((ResourceEnvelope<T, TMeta>)envelope).Meta!,
                        Setter = static (envelope, value) => ((ResourceEnvelope<T, TMeta>)envelope).Meta = value,
                        PropertyName = nameof(Meta),
                        JsonPropertyName = "meta",
                    }),
                ],
            });
        }

        private sealed record Cached(JsonTypeInfo<T> Item, JsonTypeInfo<TMeta> Meta, JsonTypeInfo<ResourceEnvelope<T, TMeta>> Info);
    }

    private readonly struct PooledBody(byte[] buffer, int length, HttpResponseMessage response, EndpointInfo endpoint) : IDisposable
    {
        public ReadOnlySpan<byte> Span => buffer.AsSpan(0, length);
        public int Length => length;

        // Computed only when an error message needs it: AbsolutePath allocates.
        public string Path => PathOf(response, endpoint);
        public void Dispose() => ArrayPool<byte>.Shared.Return(buffer);
    }
}
