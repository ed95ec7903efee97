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
        return ParseAttributes(body, typeInfo, endpoint);
    }

    internal static T ParseAttributes<T>(PooledBody body, JsonTypeInfo<T> typeInfo, EndpointInfo endpoint)
        => Parse(body, endpoint, typeInfo, static (ReadOnlySpan<byte> json, JsonTypeInfo<T> info) =>
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

    /// <summary>Reads an item envelope with its <c>meta</c> block.</summary>
    public static async ValueTask<Resource<T, TMeta>> ReadResourceAsync<T, TMeta>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, JsonTypeInfo<TMeta> metaInfo,
        EndpointInfo endpoint, CancellationToken cancellationToken)
    {
        using var body = await ReadJsonBodyAsync(response, endpoint, cancellationToken).ConfigureAwait(false);
        return ParseResource(body, typeInfo, metaInfo, endpoint);
    }

    internal static Resource<T, TMeta> ParseResource<T, TMeta>(PooledBody body, JsonTypeInfo<T> typeInfo, JsonTypeInfo<TMeta> metaInfo, EndpointInfo endpoint)
        => Parse(body, endpoint, (typeInfo, metaInfo), static (ReadOnlySpan<byte> json, (JsonTypeInfo<T> Item, JsonTypeInfo<TMeta> Meta) info) =>
        {
            // One serializer call for attributes and meta (see BodyInfo); on any failure (the panel writes [] for an
            // empty meta) the envelope is walked by hand, which decides what to report.
            BodyInfo.ResourceBody? envelope = null;
            try
            {
                envelope = JsonSerializer.Deserialize(json, BodyInfo.Resource(info.Item, info.Meta));
            }
            catch (JsonException)
            {
            }
            if (envelope is { Attributes: T attributes })
                return new Resource<T, TMeta>(attributes, envelope.Meta is TMeta typedMeta ? typedMeta : default);
            var reader = Start(json);
            T? value = default;
            TMeta? meta = default;
            while (NextProperty(ref reader))
            {
                if (reader.ValueTextEquals("attributes"u8))
                {
                    reader.Read();
                    value = reader.TokenType == JsonTokenType.Null ? default : ReadValue(ref reader, info.Item);
                }
                else if (reader.ValueTextEquals("meta"u8))
                {
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.StartObject)
                        meta = ReadValue(ref reader, info.Meta);
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

    /// <summary>Reads a list envelope <c>{"object": "list", "data": [...], "meta": {"pagination"}}</c>.</summary>
    public static async ValueTask<ResourceList<T>> ReadListAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, EndpointInfo endpoint, CancellationToken cancellationToken)
    {
        using var body = await ReadJsonBodyAsync(response, endpoint, cancellationToken).ConfigureAwait(false);
        return ParseList(body, typeInfo, endpoint);
    }

    internal static ResourceList<T> ParseList<T>(PooledBody body, JsonTypeInfo<T> typeInfo, EndpointInfo endpoint)
        => Parse(body, endpoint, typeInfo, static (ReadOnlySpan<byte> json, JsonTypeInfo<T> info) =>
        {
            // One serializer call over the whole body, one read stack for every entry (see BodyInfo). Any failure (not
            // the list shape, an entry without attributes, a truncated body) and an empty page fall back to walking the
            // envelope by hand, which decides what to report.
            BodyInfo.EntryList? envelope = null;
            try
            {
                envelope = JsonSerializer.Deserialize(json, BodyInfo.List(info));
            }
            catch (JsonException)
            {
            }
            if (envelope is { Missing: false, Items.Count: > 0 })
                return new ResourceList<T>((List<T>)envelope.Items, envelope.Pagination);
            var items = WalkListEnvelope<T, object>(json, info, null, out var pagination, out _);
            return new ResourceList<T>(items, pagination);
        });

    /// <summary>Reads a list envelope whose <c>meta</c> has more than pagination.</summary>
    public static async ValueTask<ResourceList<T, TMeta>> ReadListAsync<T, TMeta>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo,
        JsonTypeInfo<TMeta> metaInfo, EndpointInfo endpoint, CancellationToken cancellationToken)
    {
        using var body = await ReadJsonBodyAsync(response, endpoint, cancellationToken).ConfigureAwait(false);
        return ParseList(body, typeInfo, metaInfo, endpoint);
    }

    internal static ResourceList<T, TMeta> ParseList<T, TMeta>(PooledBody body, JsonTypeInfo<T> typeInfo, JsonTypeInfo<TMeta> metaInfo, EndpointInfo endpoint)
        => Parse(body, endpoint, (typeInfo, metaInfo), static (ReadOnlySpan<byte> json, (JsonTypeInfo<T> Item, JsonTypeInfo<TMeta> Meta) info) =>
        {
            var items = WalkListEnvelope(json, info.Item, info.Meta, out var pagination, out var meta);
            return new ResourceList<T, TMeta>(items, pagination, meta);
        });

    // The list envelope: data[] of {object, attributes}, and meta with pagination (plus a typed rest when asked).
    private static List<T> WalkListEnvelope<T, TMeta>(ReadOnlySpan<byte> json, JsonTypeInfo<T> itemInfo, JsonTypeInfo<TMeta>? metaInfo,
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
                items = ReadEntries(ref reader, itemInfo);
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
                meta = ReadValue(ref reader, metaInfo);
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
        return ParseData(body, typeInfo, endpoint);
    }

    internal static T ParseData<T>(PooledBody body, JsonTypeInfo<T> typeInfo, EndpointInfo endpoint)
        => Parse(body, endpoint, typeInfo, static (ReadOnlySpan<byte> json, JsonTypeInfo<T> info) =>
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

    /// <summary>Reads a body that is the value itself, without an envelope.</summary>
    public static async ValueTask<T> ReadJsonAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, EndpointInfo endpoint, CancellationToken cancellationToken)
    {
        using var body = await ReadJsonBodyAsync(response, endpoint, cancellationToken).ConfigureAwait(false);
        return ParseJson(body, typeInfo, endpoint);
    }

    internal static T ParseJson<T>(PooledBody body, JsonTypeInfo<T> typeInfo, EndpointInfo endpoint)
        => Parse(body, endpoint, typeInfo, static (ReadOnlySpan<byte> json, JsonTypeInfo<T> info) =>
            JsonSerializer.Deserialize(json, info) ?? throw new ShapeException("the body is JSON null"));

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

    // The connection's send-and-read methods call this and the Parse* methods directly (one state machine per call).
    internal static async ValueTask<PooledBody> ReadJsonBodyAsync(HttpResponseMessage response, EndpointInfo endpoint, CancellationToken cancellationToken)
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

    // data[]'s entries, from the reader on its StartArray to its EndArray: each {"object", "attributes"} entry is walked
    // here and its attributes read in place (see ReadValue).
    private static List<T> ReadEntries<T>(ref Utf8JsonReader reader, JsonTypeInfo<T> itemInfo)
    {
        var converter = OwnConverter(itemInfo);
        var items = new List<T>();
        while (true)
        {
            if (!reader.Read())
                throw new JsonException("The JSON ended inside the \"data\" array.");
            if (reader.TokenType == JsonTokenType.EndArray)
                return items;
            if (reader.TokenType != JsonTokenType.StartObject)
                throw new ShapeException("expected each \"data\" entry to be an {\"object\", \"attributes\"} envelope");
            T? value = default;
            while (NextProperty(ref reader))
            {
                if (reader.ValueTextEquals("attributes"u8))
                {
                    reader.Read();
                    value = reader.TokenType == JsonTokenType.Null ? default : ReadEntry(ref reader, itemInfo, converter, items.Count);
                }
                else
                    SkipValue(ref reader);
            }
            if (value is null)
                throw new ShapeException("a \"data\" entry has no attributes");
            items.Add(value);
        }
    }

    // An entry's attributes; a failure's JSON path is made absolute ("$.data[3].attributes.name").
    private static T? ReadEntry<T>(ref Utf8JsonReader reader, JsonTypeInfo<T> itemInfo, JsonConverter<T>? converter, int index)
    {
        try
        {
            return ReadValue(ref reader, itemInfo, converter);
        }
        catch (JsonException ex) when (ex.Path is ['$', ..] path)
        {
            var absolute = $"$.data[{index}].attributes{path.AsSpan(1)}";
            // The serializer appends " Path: $.name | LineNumber: 0 | BytePositionInLine: 12." relative to the attributes.
            int suffix = ex.Message.LastIndexOf($" Path: {path} |", StringComparison.Ordinal);
            var message = suffix < 0 ? ex.Message : $"{ex.Message.AsSpan(0, suffix)} Path: {absolute}.";
            throw new JsonException(message, absolute, null, null, ex);
        }
    }

    private static T? ReadValue<T>(ref Utf8JsonReader reader, JsonTypeInfo<T> info)
        => ReadValue(ref reader, info, OwnConverter(info));

    // Reads the value the reader is on with the type's own converter, in one pass, and leaves the reader on the value's
    // last token. Envelopes the one-call readers (BodyInfo) do not take, and every failure, are walked by hand around
    // such reads: JsonSerializer.Deserialize(ref reader) would first skip the value to find its end, a second pass over
    // it (+35 % time on a list of 50 servers). Each such read starts its own read stack (~1.3 KB for a Server).
    // The converter's Read reports no JSON path and throws some failures (a token of the wrong type) as the exceptions
    // the serializer wraps: on any failure the value is read again through the serializer, which throws what it always did.
    private static T? ReadValue<T>(ref Utf8JsonReader reader, JsonTypeInfo<T> info, JsonConverter<T>? converter)
    {
        if (converter is null)
            return JsonSerializer.Deserialize(ref reader, info);
        var start = reader;
        try
        {
            return converter.Read(ref reader, typeof(T), info.Options);
        }
        catch (Exception)
        {
            reader = start;
            JsonSerializer.Deserialize(ref reader, info);
            throw;
        }
    }

    // The info's converter when its Read reads with this very info (it resolves typeof(T) through the options), else null.
    private static JsonConverter<T>? OwnConverter<T>(JsonTypeInfo<T> info)
        => info.Converter is JsonConverter<T> converter && info.Options.TryGetTypeInfo(typeof(T), out var resolved) && ReferenceEquals(resolved, info)
            ? converter
            : null;

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
    /// Metadata for reading a whole list body, or an item with its meta, in one serializer call (one read stack for all
    /// the nesting, one pass over the bytes), built at run time with <see cref="JsonMetadataServices"/> (no reflection)
    /// over non-generic envelope types: per item type only the <c>attributes</c> property (a
    /// <see cref="JsonPropertyInfo"/> of T) is new. Envelope types generic over T cost the native binary ~13 KB per list
    /// item type (~258 KB for 19); these ~3 KB (benchmarks/README.md, "Binary size: list reading without per-item-type
    /// metadata").
    /// </summary>
    private static class BodyInfo
    {
        /// <summary>One <c>{"object", "attributes"}</c> entry (the <c>object</c> name is skipped).</summary>
        public sealed class Entry
        {
            public object? Attributes { get; set; }
        }

        /// <summary>An item envelope <c>{"object", "attributes", "meta"}</c>.</summary>
        public sealed class ResourceBody
        {
            public object? Attributes { get; set; }

            public object? Meta { get; set; }
        }

        /// <summary>
        /// The list body read into one object: its collection view takes <c>data[]</c> (each entry's attributes added
        /// straight to <see cref="Items"/>, a <c>List&lt;T&gt;</c>), its object view <c>meta.pagination</c>.
        /// </summary>
        public sealed class EntryList(System.Collections.IList items) : ICollection<Entry>
        {
            private int _read;

            public System.Collections.IList Items => items;

            public bool Missing { get; set; }

            public Pagination? Pagination { get; set; }

            public void Add(Entry item)
            {
                _read++;
                if (item?.Attributes is { } value)
                    items.Add(value);
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
        }

        private static readonly ConditionalWeakTable<JsonTypeInfo, JsonTypeInfo<EntryList>> s_lists = new();
        private static readonly ConditionalWeakTable<JsonTypeInfo, CachedResource> s_resources = new();

        // One meta type per item type in practice (an endpoint's pair); a different pair replaces it.
        private sealed record CachedResource(JsonTypeInfo Meta, JsonTypeInfo<ResourceBody> Info);

        public static JsonTypeInfo<EntryList> List<T>(JsonTypeInfo<T> itemInfo)
            => s_lists.TryGetValue(itemInfo, out var info) ? info : s_lists.GetValue(itemInfo, static i => CreateList((JsonTypeInfo<T>)i));

        public static JsonTypeInfo<ResourceBody> Resource<T, TMeta>(JsonTypeInfo<T> itemInfo, JsonTypeInfo<TMeta> metaInfo)
        {
            if (s_resources.TryGetValue(itemInfo, out var cached) && ReferenceEquals(cached.Meta, metaInfo))
                return cached.Info;
            var created = new CachedResource(metaInfo, CreateResource(itemInfo, metaInfo));
            s_resources.AddOrUpdate(itemInfo, created);
            return created.Info;
        }

        private static JsonTypeInfo<ResourceBody> CreateResource<T, TMeta>(JsonTypeInfo<T> itemInfo, JsonTypeInfo<TMeta> metaInfo)
        {
            var options = itemInfo.Options;
            return JsonMetadataServices.CreateObjectInfo(options, new JsonObjectInfoValues<ResourceBody>
            {
                ObjectCreator = static () => new ResourceBody(),
                PropertyMetadataInitializer = _ =>
                [
                    Property(options, typeof(ResourceBody), itemInfo, "attributes", static (o, v) => ((ResourceBody)o).Attributes = v),
                    Property(options, typeof(ResourceBody), metaInfo, "meta", static (o, v) => ((ResourceBody)o).Meta = v),
                ],
            });
        }

        private static JsonTypeInfo<EntryList> CreateList<T>(JsonTypeInfo<T> itemInfo)
        {
            var options = itemInfo.Options;
            var entryInfo = JsonMetadataServices.CreateObjectInfo(options, new JsonObjectInfoValues<Entry>
            {
                ObjectCreator = static () => new Entry(),
                PropertyMetadataInitializer = _ => [Property(options, typeof(Entry), itemInfo, "attributes", static (o, v) => ((Entry)o).Attributes = v)],
            });
            var dataInfo = JsonMetadataServices.CreateICollectionInfo<EntryList, Entry>(options, new JsonCollectionInfoValues<EntryList>
            {
                ObjectCreator = static () => new EntryList(new List<T>()),
                ElementInfo = entryInfo,
            });
            // The envelope's object view: "data" and "meta" populate the same EntryList through its collection view and
            // a pagination view, so the envelope costs no object beyond the list itself.
            var metaView = JsonMetadataServices.CreateObjectInfo(options, new JsonObjectInfoValues<EntryList>
            {
                ObjectCreator = static () => new EntryList(new List<T>()),
                PropertyMetadataInitializer = _ => [Property(options, typeof(EntryList), RuntimeJsonContext.Default.Pagination, "pagination",
                    static (o, v) => ((EntryList)o).Pagination = v)],
            });
            return JsonMetadataServices.CreateObjectInfo(options, new JsonObjectInfoValues<EntryList>
            {
                ObjectCreator = static () => new EntryList(new List<T>()),
                PropertyMetadataInitializer = _ =>
                [
                    Populate(JsonMetadataServices.CreatePropertyInfo(options, new JsonPropertyInfoValues<EntryList>
                    {
                        IsProperty = true,
                        IsPublic = true,
                        DeclaringType = typeof(EntryList),
                        PropertyTypeInfo = dataInfo,
                        Getter = static o => (EntryList)o,
                        Setter = static (o, v) => { if (v is null) ((EntryList)o).Missing = true; },
                        PropertyName = "Data",
                        JsonPropertyName = "data",
                    })),
                    Populate(JsonMetadataServices.CreatePropertyInfo(options, new JsonPropertyInfoValues<EntryList>
                    {
                        IsProperty = true,
                        IsPublic = true,
                        DeclaringType = typeof(EntryList),
                        PropertyTypeInfo = metaView,
                        Getter = static o => (EntryList)o,
                        Setter = static (_, _) => { },
                        PropertyName = "Meta",
                        JsonPropertyName = "meta",
                    })),
                ],
            });
        }

        // A set-only property whose value is read with the given type's metadata.
        private static JsonPropertyInfo Property<TValue>(JsonSerializerOptions options, Type declaringType, JsonTypeInfo<TValue> info, string name,
            Action<object, TValue?> setter)
            => JsonMetadataServices.CreatePropertyInfo(options, new JsonPropertyInfoValues<TValue>
            {
                IsProperty = true,
                IsPublic = true,
                DeclaringType = declaringType,
                PropertyTypeInfo = info,
                Setter = setter,
                PropertyName = name,
                JsonPropertyName = name,
            });

        private static JsonPropertyInfo Populate(JsonPropertyInfo property)
        {
            property.ObjectCreationHandling = JsonObjectCreationHandling.Populate;
            return property;
        }
    }

    internal readonly struct PooledBody(byte[] buffer, int length, HttpResponseMessage response, EndpointInfo endpoint) : IDisposable
    {
        public ReadOnlySpan<byte> Span => buffer.AsSpan(0, length);
        public int Length => length;

        // Computed only when an error message needs it: AbsolutePath allocates.
        public string Path => PathOf(response, endpoint);
        public void Dispose() => ArrayPool<byte>.Shared.Return(buffer);
    }
}
