using System.Text.Json.Serialization;

namespace PteroAot;

/// <summary>
/// How the Client API addresses a server: the 8-character <c>identifier</c> (e.g. <c>1a7ce997</c>) or the full
/// 36-character <c>uuid</c>. Not the numeric <see cref="ServerId"/> of the Application API, which the Client API
/// answers with 404. Addressing by UUID keeps leading and trailing spaces of file names (the panel trims strings
/// otherwise).
/// </summary>
[JsonConverter(typeof(Converter))]
public readonly record struct ServerIdentifier : IStringId<ServerIdentifier>
{
    private ServerIdentifier(string value) => Value = value;

    /// <summary>The identifier or UUID.</summary>
    public string Value { get; }

    /// <summary>Checks and wraps an 8-character identifier or a 36-character UUID.</summary>
    /// <exception cref="FormatException">The text is neither.</exception>
    public static ServerIdentifier Parse(string value)
        => TryParse(value, out var id) ? id
            : throw new FormatException($"'{value}' is not a server identifier: use the 8-character identifier (e.g. 1a7ce997) or the 36-character UUID, not the numeric application id.");

    /// <summary>Tries to wrap an 8-character identifier or a 36-character UUID.</summary>
    public static bool TryParse(string? value, out ServerIdentifier id)
    {
        id = default;
        if (value is null)
            return false;
        bool ok = value.Length == 8 ? value.All(char.IsAsciiLetterOrDigit) : value.Length == 36 && Guid.TryParseExact(value, "D", out _);
        if (ok)
            id = new ServerIdentifier(value);
        return ok;
    }

    /// <summary>Whether this is the full UUID form.</summary>
    public bool IsUuid => Value?.Length == 36;

    /// <inheritdoc/>
    public override string ToString() => Value ?? "";

    /// <inheritdoc/>
    public string ToString(string? format, IFormatProvider? formatProvider) => Value ?? "";

    /// <summary>The JSON converter; public so that JSON contexts in other assemblies can include these models.</summary>
    public sealed class Converter : StringIdJsonConverter<ServerIdentifier>;
}
