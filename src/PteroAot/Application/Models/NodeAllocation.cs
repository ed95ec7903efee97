using System.Text.Json;
using System.Text.Json.Serialization;

namespace PteroAot.Application;

/// <summary>An allocation (IP and port) of a node, as the Application API shows it (object <c>allocation</c>).</summary>
public sealed record NodeAllocation
{
    /// <summary>The allocation's id.</summary>
    public AllocationId Id { get; set; }

    /// <summary>The IP.</summary>
    public string Ip { get; set; } = "";

    /// <summary>A host name shown instead of the IP, or null.</summary>
    public string? Alias { get; set; }

    /// <summary>The port.</summary>
    public int Port { get; set; }

    /// <summary>Notes, or null.</summary>
    public string? Notes { get; set; }

    /// <summary>Whether a server uses it.</summary>
    public bool Assigned { get; set; }

    /// <summary>The included relationships; <see langword="null"/> when nothing was included.</summary>
    public NodeAllocationRelationships? Relationships { get; set; }

    /// <summary>The node with <see cref="NodeAllocationInclude.Node"/>.</summary>
    [JsonIgnore]
    public Node? Node => Relationships?.Node?.Attributes;

    /// <summary>The server with <see cref="NodeAllocationInclude.Server"/>; <see langword="null"/> when unassigned (a <c>null_resource</c>).</summary>
    [JsonIgnore]
    public ApplicationServer? Server => Relationships?.Server?.Attributes;
}

/// <summary>The relationships an application <c>allocation</c> may carry.</summary>
[JsonConverter(typeof(NodeAllocationRelationshipsConverter))]
public sealed record NodeAllocationRelationships
{
    /// <summary>With <c>include=node</c> (<c>r_nodes</c>).</summary>
    public RelatedItem<Node>? Node { get; set; }

    /// <summary>With <c>include=server</c> (<c>r_servers</c>; a <c>null_resource</c> when unassigned).</summary>
    public RelatedItem<ApplicationServer>? Server { get; set; }
}

/// <summary>
/// Reads and writes <see cref="NodeAllocationRelationships"/>; hand-written so that the JSON source generator emits no metadata for the
/// related wrappers (see RelatedJson), public so that other assemblies' contexts can use it too.
/// </summary>
public sealed class NodeAllocationRelationshipsConverter : JsonConverter<NodeAllocationRelationships>
{
    /// <inheritdoc/>
    public override NodeAllocationRelationships Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = new NodeAllocationRelationships();
        RelatedJson.StartObject(ref reader);
        while (RelatedJson.NextRelation(ref reader, out var name))
        {
            switch (name)
            {
                case "node":
                    value.Node = RelatedJson.ReadItem<Node>(ref reader, name, options);
                    break;
                case "server":
                    value.Server = RelatedJson.ReadItem<ApplicationServer>(ref reader, name, options);
                    break;
                default:
                    RelatedJson.Skip(ref reader);
                    break;
            }
        }
        return value;
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, NodeAllocationRelationships value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        RelatedJson.Write(writer, "node", value.Node, options);
        RelatedJson.Write(writer, "server", value.Server, options);
        writer.WriteEndObject();
    }
}

/// <summary>What <c>include=</c> may ask for on node allocation routes (see <see cref="IncludeQuery"/>).</summary>
[Flags]
public enum NodeAllocationInclude
{
    /// <summary>Nothing.</summary>
    None = 0,

    /// <summary><c>node</c>.</summary>
    Node = 1,

    /// <summary><c>server</c>.</summary>
    Server = 2,
}
