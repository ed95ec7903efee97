using System.Globalization;
using System.Text.Json.Serialization;

namespace PteroAot;

/// <summary>A node's numeric id in the Application API (<c>/api/application/nodes/{node}</c>; a server's <c>node</c>).</summary>
/// <param name="Value">The number as the panel writes it.</param>
[JsonConverter(typeof(Converter))]
public readonly record struct NodeId(int Value) : IIntId<NodeId>
{
    /// <inheritdoc/>
    public static NodeId From(int value) => new(value);

    /// <summary>The number, in invariant culture (what goes into a URL).</summary>
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public string ToString(string? format, IFormatProvider? formatProvider) => Value.ToString(format, formatProvider);

    /// <summary>The JSON converter; public so that JSON contexts in other assemblies can include these models.</summary>
    public sealed class Converter : IntIdJsonConverter<NodeId>;
}
