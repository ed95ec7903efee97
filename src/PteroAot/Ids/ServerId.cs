using System.Globalization;
using System.Text.Json.Serialization;

namespace PteroAot;

/// <summary>A server's numeric id in the Application API (<c>/api/application/servers/{server}</c>); the Client API's <c>internal_id</c>. Not usable where a <see cref="ServerIdentifier"/> is expected.</summary>
/// <param name="Value">The number as the panel writes it.</param>
[JsonConverter(typeof(Converter))]
public readonly record struct ServerId(int Value) : IIntId<ServerId>
{
    /// <inheritdoc/>
    public static ServerId From(int value) => new(value);

    /// <summary>The number, in invariant culture (what goes into a URL).</summary>
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public string ToString(string? format, IFormatProvider? formatProvider) => Value.ToString(format, formatProvider);

    /// <summary>The JSON converter; public so that JSON contexts in other assemblies can include these models.</summary>
    public sealed class Converter : IntIdJsonConverter<ServerId>;
}
