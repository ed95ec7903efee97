using System.Text.Json;
using System.Text.Json.Serialization;

namespace PteroAot.Application;

/// <summary>A node (object <c>node</c>): <c>/api/application/nodes</c>. Its secrets are not part of this object.</summary>
public sealed record Node
{
    /// <summary>The node's id.</summary>
    public NodeId Id { get; set; }

    /// <summary>The node's UUID.</summary>
    public Guid Uuid { get; set; }

    /// <summary>Whether automatic deployment may place servers here.</summary>
    public bool Public { get; set; }

    /// <summary>Name.</summary>
    public string Name { get; set; } = "";

    /// <summary>Description (cannot be set through the API).</summary>
    public string? Description { get; set; }

    /// <summary>The node's location.</summary>
    public LocationId LocationId { get; set; }

    /// <summary>The Wings host name.</summary>
    public string Fqdn { get; set; } = "";

    /// <summary><c>http</c> or <c>https</c>.</summary>
    public string Scheme { get; set; } = "";

    /// <summary>Whether Wings sits behind a TLS-terminating proxy.</summary>
    public bool BehindProxy { get; set; }

    /// <summary>Whether the node is in maintenance mode.</summary>
    public bool MaintenanceMode { get; set; }

    /// <summary>Memory in MiB.</summary>
    public int Memory { get; set; }

    /// <summary>Percent of over-allocation allowed above <see cref="Memory"/> (-1 = not checked in the UI).</summary>
    public int MemoryOverallocate { get; set; }

    /// <summary>Disk in MiB.</summary>
    public int Disk { get; set; }

    /// <summary>Percent of over-allocation allowed above <see cref="Disk"/>.</summary>
    public int DiskOverallocate { get; set; }

    /// <summary>Maximum upload size in MiB.</summary>
    public int UploadSize { get; set; }

    /// <summary>Wings HTTP port.</summary>
    public int DaemonListen { get; set; }

    /// <summary>Wings SFTP port.</summary>
    public int DaemonSftp { get; set; }

    /// <summary>Where Wings stores server volumes.</summary>
    public string DaemonBase { get; set; } = "";

    /// <summary>When the node was created.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the node was last changed.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Memory and disk summed over the node's servers.</summary>
    public NodeAllocatedResources AllocatedResources { get; set; } = new();

    /// <summary>Only on <c>/nodes/deployable</c>: the memory summed over the node's servers (null elsewhere).</summary>
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public long? SumMemory { get; set; }

    /// <summary>Only on <c>/nodes/deployable</c>: the disk summed over the node's servers (null elsewhere).</summary>
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public long? SumDisk { get; set; }

    /// <summary>The included relationships; <see langword="null"/> when nothing was included.</summary>
    public NodeRelationships? Relationships { get; set; }

    /// <summary>The allocations with <see cref="NodeInclude.Allocations"/>; <see langword="null"/> when not included or refused.</summary>
    [JsonIgnore]
    public IReadOnlyList<NodeAllocation>? Allocations => Relationships?.Allocations is { Data: not null } list ? [.. list.Items] : null;

    /// <summary>The location with <see cref="NodeInclude.Location"/>.</summary>
    [JsonIgnore]
    public Location? Location => Relationships?.Location?.Attributes;

    /// <summary>The servers with <see cref="NodeInclude.Servers"/>; <see langword="null"/> when not included or refused.</summary>
    [JsonIgnore]
    public IReadOnlyList<ApplicationServer>? Servers => Relationships?.Servers is { Data: not null } list ? [.. list.Items] : null;
}

/// <summary>Memory and disk in MiB allocated to a node's servers.</summary>
public sealed record NodeAllocatedResources
{
    /// <summary>Memory in MiB.</summary>
    public long Memory { get; set; }

    /// <summary>Disk in MiB.</summary>
    public long Disk { get; set; }
}

/// <summary>The relationships a <c>node</c> may carry.</summary>
[JsonConverter(typeof(NodeRelationshipsConverter))]
public sealed record NodeRelationships
{
    /// <summary>With <c>include=allocations</c> (<c>r_allocations</c>).</summary>
    public RelatedList<NodeAllocation>? Allocations { get; set; }

    /// <summary>With <c>include=location</c> (<c>r_locations</c>).</summary>
    public RelatedItem<Location>? Location { get; set; }

    /// <summary>With <c>include=servers</c> (<c>r_servers</c>).</summary>
    public RelatedList<ApplicationServer>? Servers { get; set; }
}

/// <summary>
/// Reads and writes <see cref="NodeRelationships"/>; hand-written so that the JSON source generator emits no metadata for the
/// related wrappers (see RelatedJson), public so that other assemblies' contexts can use it too.
/// </summary>
public sealed class NodeRelationshipsConverter : JsonConverter<NodeRelationships>
{
    /// <inheritdoc/>
    public override NodeRelationships Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = new NodeRelationships();
        RelatedJson.StartObject(ref reader);
        while (RelatedJson.NextRelation(ref reader, out var name))
        {
            switch (name)
            {
                case "allocations":
                    value.Allocations = RelatedJson.ReadList<NodeAllocation>(ref reader, name, options);
                    break;
                case "location":
                    value.Location = RelatedJson.ReadItem<Location>(ref reader, name, options);
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
    public override void Write(Utf8JsonWriter writer, NodeRelationships value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        RelatedJson.Write(writer, "allocations", value.Allocations, options);
        RelatedJson.Write(writer, "location", value.Location, options);
        RelatedJson.Write(writer, "servers", value.Servers, options);
        writer.WriteEndObject();
    }
}

/// <summary>What <c>include=</c> may ask for on node routes (see <see cref="IncludeQuery"/>).</summary>
[Flags]
public enum NodeInclude
{
    /// <summary>Nothing.</summary>
    None = 0,

    /// <summary><c>allocations</c>.</summary>
    Allocations = 1,

    /// <summary><c>location</c>.</summary>
    Location = 2,

    /// <summary><c>servers</c>.</summary>
    Servers = 4,
}
