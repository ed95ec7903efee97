using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PteroAot;

/// <summary>An identifier carried as an integer on the wire (schedule, task, allocation and application ids).</summary>
/// <typeparam name="TSelf">The identifier type.</typeparam>
public interface IIntId<TSelf> : IFormattable where TSelf : struct, IIntId<TSelf>
{
    /// <summary>The number as the panel writes it.</summary>
    int Value { get; }

    /// <summary>Wraps a number.</summary>
    static abstract TSelf From(int value);
}

/// <summary>An identifier carried as a string on the wire (server identifiers, UUIDs, database hashids).</summary>
/// <typeparam name="TSelf">The identifier type.</typeparam>
public interface IStringId<TSelf> : IFormattable where TSelf : struct, IStringId<TSelf>
{
    /// <summary>The text as the panel writes it.</summary>
    string Value { get; }

    /// <summary>Wraps a text, checking its form.</summary>
    static abstract TSelf Parse(string value);
}

/// <summary>Reads and writes an <see cref="IIntId{TSelf}"/> as a JSON number (a numeric string is accepted too).</summary>
/// <typeparam name="T">The identifier type.</typeparam>
public class IntIdJsonConverter<T> : JsonConverter<T> where T : struct, IIntId<T>
{
    /// <inheritdoc/>
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var number))
            return T.From(number);
        if (reader.TokenType == JsonTokenType.String && int.TryParse(reader.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out number))
            return T.From(number);
        throw new JsonException($"Expected an integer {typeof(T).Name}.");
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteNumberValue(value.Value);
}

/// <summary>Reads and writes an <see cref="IStringId{TSelf}"/> as a JSON string.</summary>
/// <typeparam name="T">The identifier type.</typeparam>
public class StringIdJsonConverter<T> : JsonConverter<T> where T : struct, IStringId<T>
{
    /// <inheritdoc/>
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Number => reader.TryGetInt64(out var n) ? n.ToString(CultureInfo.InvariantCulture) : null,
            _ => null,
        };
        if (text is null)
            throw new JsonException($"Expected a string {typeof(T).Name}.");
        try
        {
            return T.Parse(text);
        }
        catch (FormatException ex)
        {
            throw new JsonException(ex.Message, ex);
        }
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);
}
