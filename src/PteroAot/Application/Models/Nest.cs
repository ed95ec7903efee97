using System.Text.Json;
using System.Text.Json.Serialization;

namespace PteroAot.Application;

/// <summary>A nest (object <c>nest</c>): <c>/api/application/nests</c>.</summary>
public sealed record Nest
{
    /// <summary>The nest's id.</summary>
    public NestId Id { get; set; }

    /// <summary>The nest's UUID.</summary>
    public Guid Uuid { get; set; }

    /// <summary>Author e-mail.</summary>
    public string Author { get; set; } = "";

    /// <summary>Name.</summary>
    public string Name { get; set; } = "";

    /// <summary>Description, or null.</summary>
    public string? Description { get; set; }

    /// <summary>When the nest was created.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the nest was last changed.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The included relationships; <see langword="null"/> when nothing was included.</summary>
    public NestRelationships? Relationships { get; set; }

    /// <summary>The eggs with <see cref="NestInclude.Eggs"/>; <see langword="null"/> when not included or refused.</summary>
    [JsonIgnore]
    public IReadOnlyList<Egg>? Eggs => Relationships?.Eggs is { Data: not null } list ? [.. list.Items] : null;

    /// <summary>The servers with <see cref="NestInclude.Servers"/>; <see langword="null"/> when not included or refused.</summary>
    [JsonIgnore]
    public IReadOnlyList<ApplicationServer>? Servers => Relationships?.Servers is { Data: not null } list ? [.. list.Items] : null;
}

/// <summary>The relationships a <c>nest</c> may carry.</summary>
[JsonConverter(typeof(NestRelationshipsConverter))]
public sealed record NestRelationships
{
    /// <summary>With <c>include=eggs</c> (<c>r_eggs</c>).</summary>
    public RelatedList<Egg>? Eggs { get; set; }

    /// <summary>With <c>include=servers</c> (<c>r_servers</c>).</summary>
    public RelatedList<ApplicationServer>? Servers { get; set; }
}

/// <summary>
/// Reads and writes <see cref="NestRelationships"/>; hand-written so that the JSON source generator emits no metadata for the
/// related wrappers (see RelatedJson), public so that other assemblies' contexts can use it too.
/// </summary>
public sealed class NestRelationshipsConverter : JsonConverter<NestRelationships>
{
    /// <inheritdoc/>
    public override NestRelationships Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = new NestRelationships();
        RelatedJson.StartObject(ref reader);
        while (RelatedJson.NextRelation(ref reader, out var name))
        {
            switch (name)
            {
                case "eggs":
                    value.Eggs = RelatedJson.ReadList<Egg>(ref reader, name, options);
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
    public override void Write(Utf8JsonWriter writer, NestRelationships value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        RelatedJson.Write(writer, "eggs", value.Eggs, options);
        RelatedJson.Write(writer, "servers", value.Servers, options);
        writer.WriteEndObject();
    }
}

/// <summary>What <c>include=</c> may ask for on nest routes (see <see cref="IncludeQuery"/>).</summary>
[Flags]
public enum NestInclude
{
    /// <summary>Nothing.</summary>
    None = 0,

    /// <summary><c>eggs</c>.</summary>
    Eggs = 1,

    /// <summary><c>servers</c>.</summary>
    Servers = 2,
}
