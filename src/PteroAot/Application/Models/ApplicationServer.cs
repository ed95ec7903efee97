using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PteroAot.Application;

/// <summary>
/// A server as the Application API shows it (object <c>server</c>): <c>/api/application/servers</c>. Address it in
/// later application calls with <see cref="Id"/>; the Client API wants <see cref="Identifier"/>.
/// </summary>
public sealed record ApplicationServer
{
    /// <summary>The numeric id (what <c>/api/application/servers/{server}</c> wants).</summary>
    public ServerId Id { get; set; }

    /// <summary>The integrator's id, or <see langword="null"/> when unset.</summary>
    public string? ExternalId { get; set; }

    /// <summary>The full UUID.</summary>
    public Guid Uuid { get; set; }

    /// <summary>The 8-character identifier the Client API uses.</summary>
    public ServerIdentifier Identifier { get; set; }

    /// <summary>Display name.</summary>
    public string Name { get; set; } = "";

    /// <summary>Description (<c>""</c> when unset; typed nullable in case the panel sends <c>null</c>).</summary>
    public string? Description { get; set; }

    /// <summary>
    /// <see langword="null"/> when normal, else <c>installing</c>, <c>install_failed</c>, <c>reinstall_failed</c>,
    /// <c>suspended</c> or <c>restoring_backup</c>.
    /// </summary>
    public string? Status { get; set; }

    /// <summary>Deprecated by the panel (derived from <see cref="Status"/>): whether it is suspended.</summary>
    public bool Suspended { get; set; }

    /// <summary>Resource limits.</summary>
    public ApplicationServerLimits Limits { get; set; } = new();

    /// <summary>How many databases, allocations and backups the server may have.</summary>
    public ApplicationFeatureLimits FeatureLimits { get; set; } = new();

    /// <summary>The owner's id (wire name <c>user</c>).</summary>
    [JsonPropertyName("user")]
    public UserId UserId { get; set; }

    /// <summary>The node's id (wire name <c>node</c>).</summary>
    [JsonPropertyName("node")]
    public NodeId NodeId { get; set; }

    /// <summary>The primary allocation's id (wire name <c>allocation</c>).</summary>
    [JsonPropertyName("allocation")]
    public AllocationId AllocationId { get; set; }

    /// <summary>The nest's id (wire name <c>nest</c>).</summary>
    [JsonPropertyName("nest")]
    public NestId NestId { get; set; }

    /// <summary>The egg's id (wire name <c>egg</c>).</summary>
    [JsonPropertyName("egg")]
    public EggId EggId { get; set; }

    /// <summary>Startup command, image and environment.</summary>
    public ServerContainer Container { get; set; } = new();

    /// <summary>When the server was last changed.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>When the server was created.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The included relationships; <see langword="null"/> when nothing was included.</summary>
    public ApplicationServerRelationships? Relationships { get; set; }

    /// <summary>The allocations with <see cref="ApplicationServerInclude.Allocations"/>; <see langword="null"/> when not included or refused.</summary>
    [JsonIgnore]
    public IReadOnlyList<NodeAllocation>? Allocations => Relationships?.Allocations is { Data: not null } list ? [.. list.Items] : null;

    /// <summary>The owner with <see cref="ApplicationServerInclude.User"/>.</summary>
    [JsonIgnore]
    public ApplicationUser? User => Relationships?.User?.Attributes;

    /// <summary>The subusers with <see cref="ApplicationServerInclude.Subusers"/>; <see langword="null"/> when not included or refused.</summary>
    [JsonIgnore]
    public IReadOnlyList<ApplicationSubuser>? Subusers => Relationships?.Subusers is { Data: not null } list ? [.. list.Items] : null;

    /// <summary>The nest with <see cref="ApplicationServerInclude.Nest"/>.</summary>
    [JsonIgnore]
    public Nest? Nest => Relationships?.Nest?.Attributes;

    /// <summary>The egg with <see cref="ApplicationServerInclude.Egg"/>.</summary>
    [JsonIgnore]
    public Egg? Egg => Relationships?.Egg?.Attributes;

    /// <summary>The variables with their server values, with <see cref="ApplicationServerInclude.Variables"/>; <see langword="null"/> when not included or refused.</summary>
    [JsonIgnore]
    public IReadOnlyList<ServerVariable>? Variables => Relationships?.Variables is { Data: not null } list ? [.. list.Items] : null;

    /// <summary>The location with <see cref="ApplicationServerInclude.Location"/>.</summary>
    [JsonIgnore]
    public Location? Location => Relationships?.Location?.Attributes;

    /// <summary>The node with <see cref="ApplicationServerInclude.Node"/>.</summary>
    [JsonIgnore]
    public Node? Node => Relationships?.Node?.Attributes;

    /// <summary>The databases with <see cref="ApplicationServerInclude.Databases"/>; <see langword="null"/> when not included or refused (a <c>null_resource</c> without <c>r_server_databases</c>).</summary>
    [JsonIgnore]
    public IReadOnlyList<ApplicationDatabase>? Databases => Relationships?.Databases is { Data: not null } list ? [.. list.Items] : null;
}

/// <summary>An application server's resource limits.</summary>
public sealed record ApplicationServerLimits
{
    /// <summary>Memory in MiB (0 = unlimited).</summary>
    public int Memory { get; set; }

    /// <summary>Swap in MiB (-1 = unlimited, 0 = none).</summary>
    public int Swap { get; set; }

    /// <summary>Disk in MiB (0 = unlimited).</summary>
    public int Disk { get; set; }

    /// <summary>IO weight (10-1000).</summary>
    public int Io { get; set; }

    /// <summary>CPU in percent of one core (0 = unlimited).</summary>
    public int Cpu { get; set; }

    /// <summary>CPU pinning such as <c>0-1,3</c>, or null.</summary>
    public string? Threads { get; set; }

    /// <summary>Whether the OOM killer is disabled.</summary>
    public bool OomDisabled { get; set; }
}

/// <summary>How many databases, allocations and backups an application server may have.</summary>
public sealed record ApplicationFeatureLimits
{
    /// <summary>Databases, or null.</summary>
    public int? Databases { get; set; }

    /// <summary>Allocations, or null.</summary>
    public int? Allocations { get; set; }

    /// <summary>Backups, or null.</summary>
    public int? Backups { get; set; }
}

/// <summary>A server's container settings (<c>container</c> of an application <c>server</c>).</summary>
public sealed record ServerContainer
{
    /// <summary>The well-known environment key holding the allocation limit (a number or null, not a string).</summary>
    public const string AllocationLimitVariable = "P_SERVER_ALLOCATION_LIMIT";

    /// <summary>The raw startup command, with <c>{{VARIABLES}}</c> not substituted.</summary>
    public string StartupCommand { get; set; } = "";

    /// <summary>The Docker image.</summary>
    public string Image { get; set; } = "";

    /// <summary>Deprecated by the panel: 1 when installed, 0 otherwise.</summary>
    public int Installed { get; set; }

    /// <summary>
    /// Every egg variable's value (or default) plus <c>STARTUP</c>, <c>P_SERVER_LOCATION</c>, <c>P_SERVER_UUID</c>
    /// and <c>P_SERVER_ALLOCATION_LIMIT</c>. Values are JSON strings except the allocation limit (number or null);
    /// read them with <see cref="GetString"/> and <see cref="AllocationLimit"/>.
    /// </summary>
    public IReadOnlyDictionary<string, JsonElement> Environment { get; set; } = new Dictionary<string, JsonElement>();

    /// <summary>
    /// An environment value as text: the string itself, a number's invariant text, <see langword="null"/> for a
    /// JSON <c>null</c> or a missing key.
    /// </summary>
    /// <param name="name">The variable name, e.g. <c>SERVER_JARFILE</c>.</param>
    public string? GetString(string name)
    {
        if (!Environment.TryGetValue(name, out var value))
            return null;
        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            _ => value.GetRawText(),
        };
    }

    /// <summary><c>P_SERVER_ALLOCATION_LIMIT</c> as a number; <see langword="null"/> when null, missing or not numeric.</summary>
    [JsonIgnore]
    public int? AllocationLimit
        => Environment.TryGetValue(AllocationLimitVariable, out var value) ? value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetInt32(out var n) => n,
            JsonValueKind.String when int.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => n,
            _ => null,
        } : null;
}

/// <summary>
/// The relationships an application <c>server</c> may carry. Each is a <c>null_resource</c> when the key lacks the
/// matching <c>r_*</c> permission.
/// </summary>
[JsonConverter(typeof(ApplicationServerRelationshipsConverter))]
public sealed record ApplicationServerRelationships
{
    /// <summary>With <c>include=allocations</c> (<c>r_allocations</c>).</summary>
    public RelatedList<NodeAllocation>? Allocations { get; set; }

    /// <summary>With <c>include=user</c> (<c>r_users</c>).</summary>
    public RelatedItem<ApplicationUser>? User { get; set; }

    /// <summary>With <c>include=subusers</c> (<c>r_users</c>; items named <c>subuser</c>).</summary>
    public RelatedList<ApplicationSubuser>? Subusers { get; set; }

    /// <summary>With <c>include=nest</c> (<c>r_nests</c>).</summary>
    public RelatedItem<Nest>? Nest { get; set; }

    /// <summary>With <c>include=egg</c> (<c>r_eggs</c>).</summary>
    public RelatedItem<Egg>? Egg { get; set; }

    /// <summary>With <c>include=variables</c> (<c>r_servers</c>; items named <c>server_variable</c>).</summary>
    public RelatedList<ServerVariable>? Variables { get; set; }

    /// <summary>With <c>include=location</c> (<c>r_locations</c>).</summary>
    public RelatedItem<Location>? Location { get; set; }

    /// <summary>With <c>include=node</c> (<c>r_nodes</c>).</summary>
    public RelatedItem<Node>? Node { get; set; }

    /// <summary>With <c>include=databases</c> (<c>r_server_databases</c>; items named <c>databases</c>).</summary>
    public RelatedList<ApplicationDatabase>? Databases { get; set; }
}

/// <summary>
/// Reads and writes <see cref="ApplicationServerRelationships"/>; hand-written so that the JSON source generator emits no metadata for the
/// related wrappers (see RelatedJson), public so that other assemblies' contexts can use it too.
/// </summary>
public sealed class ApplicationServerRelationshipsConverter : JsonConverter<ApplicationServerRelationships>
{
    /// <inheritdoc/>
    public override ApplicationServerRelationships Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = new ApplicationServerRelationships();
        RelatedJson.StartObject(ref reader);
        while (RelatedJson.NextRelation(ref reader, out var name))
        {
            switch (name)
            {
                case "allocations":
                    value.Allocations = RelatedJson.ReadList<NodeAllocation>(ref reader, name, options);
                    break;
                case "user":
                    value.User = RelatedJson.ReadItem<ApplicationUser>(ref reader, name, options);
                    break;
                case "subusers":
                    value.Subusers = RelatedJson.ReadList<ApplicationSubuser>(ref reader, name, options);
                    break;
                case "nest":
                    value.Nest = RelatedJson.ReadItem<Nest>(ref reader, name, options);
                    break;
                case "egg":
                    value.Egg = RelatedJson.ReadItem<Egg>(ref reader, name, options);
                    break;
                case "variables":
                    value.Variables = RelatedJson.ReadList<ServerVariable>(ref reader, name, options);
                    break;
                case "location":
                    value.Location = RelatedJson.ReadItem<Location>(ref reader, name, options);
                    break;
                case "node":
                    value.Node = RelatedJson.ReadItem<Node>(ref reader, name, options);
                    break;
                case "databases":
                    value.Databases = RelatedJson.ReadList<ApplicationDatabase>(ref reader, name, options);
                    break;
                default:
                    RelatedJson.Skip(ref reader);
                    break;
            }
        }
        return value;
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, ApplicationServerRelationships value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        RelatedJson.Write(writer, "allocations", value.Allocations, options);
        RelatedJson.Write(writer, "user", value.User, options);
        RelatedJson.Write(writer, "subusers", value.Subusers, options);
        RelatedJson.Write(writer, "nest", value.Nest, options);
        RelatedJson.Write(writer, "egg", value.Egg, options);
        RelatedJson.Write(writer, "variables", value.Variables, options);
        RelatedJson.Write(writer, "location", value.Location, options);
        RelatedJson.Write(writer, "node", value.Node, options);
        RelatedJson.Write(writer, "databases", value.Databases, options);
        writer.WriteEndObject();
    }
}

/// <summary>
/// What <c>include=</c> may ask for on application server routes (see <see cref="IncludeQuery"/>). The panel also
/// advertises <c>transfer</c>, but asking for it answers HTTP 500, so it is deliberately missing.
/// </summary>
[Flags]
public enum ApplicationServerInclude
{
    /// <summary>Nothing.</summary>
    None = 0,

    /// <summary><c>allocations</c>.</summary>
    Allocations = 1,

    /// <summary><c>user</c>.</summary>
    User = 2,

    /// <summary><c>subusers</c>.</summary>
    Subusers = 4,

    /// <summary><c>nest</c>.</summary>
    Nest = 8,

    /// <summary><c>egg</c>.</summary>
    Egg = 16,

    /// <summary><c>variables</c>.</summary>
    Variables = 32,

    /// <summary><c>location</c>.</summary>
    Location = 64,

    /// <summary><c>node</c>.</summary>
    Node = 128,

    /// <summary><c>databases</c>.</summary>
    Databases = 256,
}
