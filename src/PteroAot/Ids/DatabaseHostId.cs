using System.Globalization;
using System.Text.Json.Serialization;

namespace PteroAot;

/// <summary>A database host's numeric id in the Application API (a server database's <c>host</c>; the <c>host</c> of a database create request).</summary>
/// <param name="Value">The number as the panel writes it.</param>
[JsonConverter(typeof(Converter))]
public readonly record struct DatabaseHostId(int Value) : IIntId<DatabaseHostId>
{
    /// <inheritdoc/>
    public static DatabaseHostId From(int value) => new(value);

    /// <summary>The number, in invariant culture (what goes into a URL).</summary>
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public string ToString(string? format, IFormatProvider? formatProvider) => Value.ToString(format, formatProvider);

    /// <summary>The JSON converter; public so that JSON contexts in other assemblies can include these models.</summary>
    public sealed class Converter : IntIdJsonConverter<DatabaseHostId>;
}
