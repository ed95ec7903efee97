using System.Text.Json.Serialization;

namespace PteroAot;

/// <summary>A user's UUID: how the client API addresses a subuser (<c>/users/{user}</c>).</summary>
[JsonConverter(typeof(Converter))]
public readonly record struct UserUuid : IStringId<UserUuid>
{
    private UserUuid(string value) => Value = value;

    /// <summary>The UUID as the panel writes it.</summary>
    public string Value { get; }

    /// <summary>Checks and wraps the text.</summary>
    /// <exception cref="FormatException">The text is not a user UUID (36 characters).</exception>
    public static UserUuid Parse(string value)
        => TryParse(value, out var id) ? id : throw new FormatException($"'{value}' is not a user UUID (36 characters).");

    /// <summary>Tries to wrap the text.</summary>
    public static bool TryParse(string? value, out UserUuid id)
    {
        id = default;
        if (value is null || !(value.Length == 36 && Guid.TryParseExact(value, "D", out _)))
            return false;
        id = new UserUuid(value);
        return true;
    }

    /// <inheritdoc/>
    public override string ToString() => Value ?? "";

    /// <inheritdoc/>
    public string ToString(string? format, IFormatProvider? formatProvider) => Value ?? "";

    /// <summary>The JSON converter; public so that JSON contexts in other assemblies can include these models.</summary>
    public sealed class Converter : StringIdJsonConverter<UserUuid>;
}
