using System.Globalization;
using System.Text.Json.Serialization;

namespace PteroAot;

/// <summary>A location's numeric id in the Application API (<c>/api/application/locations/{location}</c>; a node's <c>location_id</c>).</summary>
/// <param name="Value">The number as the panel writes it.</param>
[JsonConverter(typeof(Converter))]
public readonly record struct LocationId(int Value) : IIntId<LocationId>
{
    /// <inheritdoc/>
    public static LocationId From(int value) => new(value);

    /// <summary>The number, in invariant culture (what goes into a URL).</summary>
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public string ToString(string? format, IFormatProvider? formatProvider) => Value.ToString(format, formatProvider);

    /// <summary>The JSON converter; public so that JSON contexts in other assemblies can include these models.</summary>
    public sealed class Converter : IntIdJsonConverter<LocationId>;
}
