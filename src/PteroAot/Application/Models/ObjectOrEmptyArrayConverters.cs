using System.Text.Json;
using System.Text.Json.Serialization;

namespace PteroAot.Application;

/// <summary>
/// Reads a JSON object into a dictionary of raw values, and an array (PHP's empty <c>[]</c> for an empty map) as an
/// empty dictionary; writes an object. Public so that JSON contexts in other assemblies can include the models.
/// </summary>
public sealed class ObjectOrEmptyArrayConverter : JsonConverter<IReadOnlyDictionary<string, JsonElement>>
{
    /// <inheritdoc/>
    public override IReadOnlyDictionary<string, JsonElement> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var result = new Dictionary<string, JsonElement>();
        switch (reader.TokenType)
        {
            case JsonTokenType.StartArray:
                reader.Skip();
                return result;
            case JsonTokenType.StartObject:
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var name = reader.GetString()!;
                    reader.Read();
                    result[name] = JsonElement.ParseValue(ref reader);
                }
                return result;
            default:
                throw new JsonException("Expected an object or an empty array.");
        }
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, IReadOnlyDictionary<string, JsonElement> value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var (name, element) in value)
        {
            writer.WritePropertyName(name);
            element.WriteTo(writer);
        }
        writer.WriteEndObject();
    }
}

/// <summary>
/// Reads a JSON object of strings into a dictionary, and an array (PHP's empty <c>[]</c>) as an empty dictionary;
/// non-string values are kept as their raw JSON text. Writes an object.
/// </summary>
public sealed class StringMapOrEmptyArrayConverter : JsonConverter<IReadOnlyDictionary<string, string>>
{
    /// <inheritdoc/>
    public override IReadOnlyDictionary<string, string> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var result = new Dictionary<string, string>();
        switch (reader.TokenType)
        {
            case JsonTokenType.StartArray:
                reader.Skip();
                return result;
            case JsonTokenType.StartObject:
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var name = reader.GetString()!;
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.String)
                        result[name] = reader.GetString()!;
                    else
                        result[name] = JsonElement.ParseValue(ref reader).GetRawText();
                }
                return result;
            default:
                throw new JsonException("Expected an object or an empty array.");
        }
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, IReadOnlyDictionary<string, string> value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var (name, text) in value)
            writer.WriteString(name, text);
        writer.WriteEndObject();
    }
}
