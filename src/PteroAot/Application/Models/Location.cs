using System.Text.Json;
using System.Text.Json.Serialization;

namespace PteroAot.Application;

/// <summary>A location (object <c>location</c>): <c>/api/application/locations</c>.</summary>
public sealed record Location
{
    /// <summary>The location's id.</summary>
    public LocationId Id { get; set; }

    /// <summary>Short code (unique), e.g. <c>fra</c>.</summary>
    public string Short { get; set; } = "";

    /// <summary>Long description, or null.</summary>
    public string? Long { get; set; }

    /// <summary>When the location was last changed.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>When the location was created.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The included relationships; <see langword="null"/> when nothing was included.</summary>
    public LocationRelationships? Relationships { get; set; }

    /// <summary>The nodes with <see cref="LocationInclude.Nodes"/>; <see langword="null"/> when not included or refused.</summary>
    [JsonIgnore]
    public IReadOnlyList<Node>? Nodes => Relationships?.Nodes is { Data: not null } list ? [.. list.Items] : null;

    /// <summary>The servers with <see cref="LocationInclude.Servers"/>; <see langword="null"/> when not included or refused.</summary>
    [JsonIgnore]
    public IReadOnlyList<ApplicationServer>? Servers => Relationships?.Servers is { Data: not null } list ? [.. list.Items] : null;
}

/// <summary>The relationships a <c>location</c> may carry.</summary>
[JsonConverter(typeof(LocationRelationshipsConverter))]
public sealed record LocationRelationships
{
    /// <summary>With <c>include=nodes</c> (<c>r_nodes</c>).</summary>
    public RelatedList<Node>? Nodes { get; set; }

    /// <summary>With <c>include=servers</c> (<c>r_servers</c>).</summary>
    public RelatedList<ApplicationServer>? Servers { get; set; }
}

/// <summary>
/// Reads and writes <see cref="LocationRelationships"/>; hand-written so that the JSON source generator emits no metadata for the
/// related wrappers (see RelatedJson), public so that other assemblies' contexts can use it too.
/// </summary>
public sealed class LocationRelationshipsConverter : JsonConverter<LocationRelationships>
{
    /// <inheritdoc/>
    public override LocationRelationships Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = new LocationRelationships();
        RelatedJson.StartObject(ref reader);
        while (RelatedJson.NextRelation(ref reader, out var name))
        {
            switch (name)
            {
                case "nodes":
                    value.Nodes = RelatedJson.ReadList<Node>(ref reader, name, options);
                    break;
                case "servers":
                    value.Servers = RelatedJson.ReadList<ApplicationServer>(ref reader, name, options);
                    break;
                default:
                    RelatedJson.Skip(ref reader);
                    break;
            }
        }
        return value;
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, LocationRelationships value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        RelatedJson.Write(writer, "nodes", value.Nodes, options);
        RelatedJson.Write(writer, "servers", value.Servers, options);
        writer.WriteEndObject();
    }
}

/// <summary>What <c>include=</c> may ask for on location routes (see <see cref="IncludeQuery"/>).</summary>
[Flags]
public enum LocationInclude
{
    /// <summary>Nothing.</summary>
    None = 0,

    /// <summary><c>nodes</c>.</summary>
    Nodes = 1,

    /// <summary><c>servers</c>.</summary>
    Servers = 2,
}
