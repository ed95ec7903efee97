using System.Globalization;
using System.Text.Json.Serialization;

namespace PteroAot;

/// <summary>A nest's numeric id in the Application API (<c>/api/application/nests/{nest}</c>; a server's or egg's <c>nest</c>).</summary>
/// <param name="Value">The number as the panel writes it.</param>
[JsonConverter(typeof(Converter))]
public readonly record struct NestId(int Value) : IIntId<NestId>
{
    /// <inheritdoc/>
    public static NestId From(int value) => new(value);

    /// <summary>The number, in invariant culture (what goes into a URL).</summary>
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public string ToString(string? format, IFormatProvider? formatProvider) => Value.ToString(format, formatProvider);

    /// <summary>The JSON converter; public so that JSON contexts in other assemblies can include these models.</summary>
    public sealed class Converter : IntIdJsonConverter<NestId>;
}
