using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace PteroAot;

/// <summary>
/// Reads and writes included relationships for the hand-written <c>*RelationshipsConverter</c>s. Each relationships
/// class carries one so that the JSON source generator emits no metadata for <see cref="RelatedItem{T}"/>,
/// <see cref="RelatedList{T}"/> and their lists (6-9 KB of native code per type): <c>ptero</c> is 273 KB smaller,
/// these converters included.
/// The related objects still go through their context's metadata, so every related type must be a
/// <c>[JsonSerializable]</c> root of the owner's context (else <see cref="NotSupportedException"/>).
/// Reads and writes the shapes the generated metadata did: <c>{"object", "attributes"}</c> and
/// <c>{"object", "data": [...]}</c>, unknown members skipped, nulls written or left out as the options say.
/// </summary>
internal static class RelatedJson
{
    /// <summary>Checks that a converter starts on an object (the serializer hands it any non-null token).</summary>
    public static void StartObject(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
            throw new JsonException("\"relationships\" is not an object.");
    }

    /// <summary>Moves to the next member of an object: false at its end, else the reader is on the member's value.</summary>
    public static bool NextRelation(ref Utf8JsonReader reader, out string name)
    {
        if (!NextMember(ref reader))
        {
            name = "";
            return false;
        }
        name = reader.GetString()!;
        Read(ref reader);
        return true;
    }

    /// <summary>Skips the value the reader is on.</summary>
    public static void Skip(ref Utf8JsonReader reader)
    {
        // TrySkip, not Skip: a converter's value is fully buffered, but the reader may not be on the final block.
        if (!reader.TrySkip())
            throw Ended();
    }

    /// <summary>Reads a to-one include (<c>null</c> stays null; a <c>null_resource</c> has null attributes).</summary>
    public static RelatedItem<T>? ReadItem<T>(ref Utf8JsonReader reader, string name, JsonSerializerOptions options) where T : class
    {
        if (reader.TokenType == JsonTokenType.Null)
            return null;
        if (reader.TokenType != JsonTokenType.StartObject)
            throw Shape(name, -1, "is not an {\"object\", \"attributes\"} object");
        return ReadEntry(ref reader, name, -1, Info<T>(options));
    }

    /// <summary>Reads a to-many include (a <c>null_resource</c> has no <c>data</c>, so null data).</summary>
    public static RelatedList<T>? ReadList<T>(ref Utf8JsonReader reader, string name, JsonSerializerOptions options) where T : class
    {
        if (reader.TokenType == JsonTokenType.Null)
            return null;
        if (reader.TokenType != JsonTokenType.StartObject)
            throw Shape(name, -1, "is not an {\"object\", \"data\"} object");
        var list = new RelatedList<T>();
        while (NextMember(ref reader))
        {
            if (reader.ValueTextEquals("object"u8))
            {
                Read(ref reader);
                list.Object = ReadObjectName(ref reader, name, -1);
            }
            else if (reader.ValueTextEquals("data"u8))
            {
                Read(ref reader);
                list.Data = ReadData<T>(ref reader, name, options);
            }
            else
            {
                Read(ref reader);
                Skip(ref reader);
            }
        }
        return list;
    }

    /// <summary>Writes a to-one include as <c>"name": {"object", "attributes"}</c>.</summary>
    public static void Write<T>(Utf8JsonWriter writer, string name, RelatedItem<T>? item, JsonSerializerOptions options) where T : class
    {
        var skipNulls = SkipsNulls(options);
        if (item is null)
        {
            if (!skipNulls)
                writer.WriteNull(name);
            return;
        }
        writer.WritePropertyName(name);
        WriteEntry(writer, item, Info<T>(options), skipNulls);
    }

    /// <summary>Writes a to-many include as <c>"name": {"object", "data": [{"object", "attributes"}...]}</c>.</summary>
    public static void Write<T>(Utf8JsonWriter writer, string name, RelatedList<T>? list, JsonSerializerOptions options) where T : class
    {
        var skipNulls = SkipsNulls(options);
        if (list is null)
        {
            if (!skipNulls)
                writer.WriteNull(name);
            return;
        }
        writer.WriteStartObject(name);
        WriteObjectName(writer, list.Object, skipNulls);
        if (list.Data is { } data)
        {
            var info = Info<T>(options);
            writer.WriteStartArray("data"u8);
            foreach (var item in data)
            {
                if (item is null)
                    writer.WriteNullValue();
                else
                    WriteEntry(writer, item, info, skipNulls);
            }
            writer.WriteEndArray();
        }
        else if (!skipNulls)
        {
            writer.WriteNull("data"u8);
        }
        writer.WriteEndObject();
    }

    private static List<RelatedItem<T>>? ReadData<T>(ref Utf8JsonReader reader, string name, JsonSerializerOptions options) where T : class
    {
        if (reader.TokenType == JsonTokenType.Null)
            return null;
        if (reader.TokenType != JsonTokenType.StartArray)
            throw Shape(name, -1, "has a \"data\" that is not an array");
        var info = Info<T>(options);
        var items = new List<RelatedItem<T>>();
        for (Read(ref reader); reader.TokenType != JsonTokenType.EndArray; Read(ref reader))
        {
            // A null entry is kept, as the generated metadata kept it (Items leaves it out).
            if (reader.TokenType == JsonTokenType.Null)
                items.Add(null!);
            else if (reader.TokenType == JsonTokenType.StartObject)
                items.Add(ReadEntry(ref reader, name, items.Count, info));
            else
                throw Shape(name, items.Count, "is not an {\"object\", \"attributes\"} object");
        }
        return items;
    }

    // One {"object", "attributes"}, the reader on its '{'; index is its place in a list's data, -1 for a to-one.
    private static RelatedItem<T> ReadEntry<T>(ref Utf8JsonReader reader, string name, int index, JsonTypeInfo<T> info) where T : class
    {
        var item = new RelatedItem<T>();
        while (NextMember(ref reader))
        {
            if (reader.ValueTextEquals("object"u8))
            {
                Read(ref reader);
                item.Object = ReadObjectName(ref reader, name, index);
            }
            else if (reader.ValueTextEquals("attributes"u8))
            {
                Read(ref reader);
                try
                {
                    item.Attributes = JsonSerializer.Deserialize(ref reader, info);
                }
                catch (JsonException ex)
                {
                    throw Nested(ex, name, index);
                }
            }
            else
            {
                Read(ref reader);
                Skip(ref reader);
            }
        }
        return item;
    }

    private static void WriteEntry<T>(Utf8JsonWriter writer, RelatedItem<T> item, JsonTypeInfo<T> info, bool skipNulls) where T : class
    {
        writer.WriteStartObject();
        WriteObjectName(writer, item.Object, skipNulls);
        if (item.Attributes is { } attributes)
        {
            writer.WritePropertyName("attributes"u8);
            JsonSerializer.Serialize(writer, attributes, info);
        }
        else if (!skipNulls)
        {
            writer.WriteNull("attributes"u8);
        }
        writer.WriteEndObject();
    }

    private static string? ReadObjectName(ref Utf8JsonReader reader, string name, int index) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Null => null,
        _ => throw Shape(name, index, "has an \"object\" that is not a string"),
    };

    private static void WriteObjectName(Utf8JsonWriter writer, string? value, bool skipNulls)
    {
        if (value is not null)
            writer.WriteString("object"u8, value);
        else if (!skipNulls)
            writer.WriteNull("object"u8);
    }

    // The related type's metadata from the owner's context (NotSupportedException if it is not a root there).
    private static JsonTypeInfo<T> Info<T>(JsonSerializerOptions options) => (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));

    // Every SDK context leaves nulls out (WhenWritingNull); a context that writes them gets them here too.
    private static bool SkipsNulls(JsonSerializerOptions options)
        => options.DefaultIgnoreCondition is JsonIgnoreCondition.WhenWritingNull or JsonIgnoreCondition.WhenWritingDefault;

    // On a property name: false at the end of the object. Leaves the reader on the name, so callers compare it unallocated.
    private static bool NextMember(ref Utf8JsonReader reader)
    {
        Read(ref reader);
        return reader.TokenType != JsonTokenType.EndObject;
    }

    private static void Read(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
            throw Ended();
    }

    private static JsonException Ended() => new("The relationships JSON ended early.");

    private static JsonException Shape(string name, int index, string problem)
        => new($"The included \"{Where(name, index)}\" {problem}.");

    // An error inside a related object: the serializer's path there starts at that object, so the message says where
    // it is from the relationships object (whose own path the serializer adds as the exception's Path).
    private static JsonException Nested(JsonException inner, string name, int index)
    {
        var message = inner.Message;
        var pathAt = message.IndexOf(" Path: ", StringComparison.Ordinal);
        if (pathAt > 0)
            message = message[..pathAt];
        var tail = inner.Path is { Length: > 1 } path ? path[1..] : "";
        return new JsonException($"In the included \"{Where(name, index)}.attributes{tail}\": {message}", inner);
    }

    private static string Where(string name, int index) => index < 0 ? name : $"{name}.data[{index}]";
}
