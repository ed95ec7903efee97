using System.Text.Json.Serialization;

namespace PteroAot;

/// <summary>A server database's id in the client API: a hashid string such as <c>bEY4yAD5</c> (salted per panel, never computed; a numeric id is accepted too).</summary>
[JsonConverter(typeof(Converter))]
public readonly record struct DatabaseId : IStringId<DatabaseId>
{
    private DatabaseId(string value) => Value = value;

    /// <summary>The hashid as the panel writes it.</summary>
    public string Value { get; }

    /// <summary>Checks and wraps the text.</summary>
    /// <exception cref="FormatException">The text is not a database id (the hashid string the panel lists).</exception>
    public static DatabaseId Parse(string value)
        => TryParse(value, out var id) ? id : throw new FormatException($"'{value}' is not a database id (the hashid string the panel lists).");

    /// <summary>Tries to wrap the text.</summary>
    public static bool TryParse(string? value, out DatabaseId id)
    {
        id = default;
        if (value is null || !(value.Length > 0 && value.All(char.IsAsciiLetterOrDigit)))
            return false;
        id = new DatabaseId(value);
        return true;
    }

    /// <inheritdoc/>
    public override string ToString() => Value ?? "";

    /// <inheritdoc/>
    public string ToString(string? format, IFormatProvider? formatProvider) => Value ?? "";

    /// <summary>The JSON converter; public so that JSON contexts in other assemblies can include these models.</summary>
    public sealed class Converter : StringIdJsonConverter<DatabaseId>;
}
