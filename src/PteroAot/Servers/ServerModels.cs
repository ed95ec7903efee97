using System.Text.Json;
using System.Text.Json.Serialization;
using PteroAot.Startup;

namespace PteroAot.Servers;

/// <summary>
/// A server as the Client API shows it (object <c>server</c>): <c>GET /api/client</c> and
/// <c>GET /api/client/servers/{server}</c>. Address it in later calls with <see cref="Identifier"/>.
/// </summary>
public sealed record Server
{
    /// <summary>Whether the key's user owns the server (false for a subuser or an admin looking in).</summary>
    public bool ServerOwner { get; set; }

    /// <summary>The 8-character identifier: the id every <c>/api/client/servers/{server}</c> call wants.</summary>
    public ServerIdentifier Identifier { get; set; }

    /// <summary>The Application API's numeric id (not accepted by the Client API).</summary>
    public ServerId InternalId { get; set; }

    /// <summary>The full UUID (also accepted as a <see cref="ServerIdentifier"/>, see <see cref="UuidIdentifier"/>).</summary>
    public Guid Uuid { get; set; }

    /// <summary>Display name.</summary>
    public string Name { get; set; } = "";

    /// <summary>The node's <b>name</b> (not its FQDN; that is <see cref="SftpDetails"/>' <c>Ip</c>).</summary>
    public string Node { get; set; } = "";

    /// <summary>Whether the node is under maintenance (most server calls then fail with 409).</summary>
    public bool IsNodeUnderMaintenance { get; set; }

    /// <summary>Where to connect with SFTP.</summary>
    public SftpDetails SftpDetails { get; set; } = new();

    /// <summary>Description; <c>""</c> when unset.</summary>
    public string? Description { get; set; }

    /// <summary>Resource limits.</summary>
    public ServerLimits Limits { get; set; } = new();

    /// <summary>The startup command with variables filled in; values the key may not see are <c>[hidden]</c>.</summary>
    public string Invocation { get; set; } = "";

    /// <summary>The Docker image in use.</summary>
    public string DockerImage { get; set; } = "";

    /// <summary>The egg's features (e.g. <c>eula</c>, <c>java_version</c>), or null when the egg has none.</summary>
    public IReadOnlyList<string>? EggFeatures { get; set; }

    /// <summary>How many databases, allocations and backups the server may have.</summary>
    public FeatureLimits FeatureLimits { get; set; } = new();

    /// <summary>
    /// <see langword="null"/> when normal, else <c>installing</c>, <c>install_failed</c>, <c>reinstall_failed</c>,
    /// <c>suspended</c> or <c>restoring_backup</c> (see <see cref="ServerStatus"/>).
    /// </summary>
    public string? Status { get; set; }

    /// <summary>Deprecated by the panel (derived from <see cref="Status"/>): whether it is suspended.</summary>
    public bool IsSuspended { get; set; }

    /// <summary>Deprecated by the panel: true while installing and after a failed install.</summary>
    public bool IsInstalling { get; set; }

    /// <summary>Whether an unfinished transfer exists.</summary>
    public bool IsTransferring { get; set; }

    /// <summary>The included relationships (allocations and variables always; egg and subusers on request).</summary>
    public ServerRelationships? Relationships { get; set; }

    /// <summary>The UUID as a <see cref="ServerIdentifier"/> (keeps leading/trailing spaces of file names in file calls).</summary>
    [JsonIgnore]
    public ServerIdentifier UuidIdentifier => ServerIdentifier.Parse(Uuid.ToString("D"));

    /// <summary>The allocations: all of them with <c>allocation.read</c>, otherwise only the primary (notes hidden).</summary>
    [JsonIgnore]
    public IReadOnlyList<ServerAllocation> Allocations => [.. Relationships?.Allocations?.Items ?? []];

    /// <summary>The primary allocation, if the panel sent one.</summary>
    [JsonIgnore]
    public ServerAllocation? PrimaryAllocation => Allocations.FirstOrDefault(a => a.IsDefault);

    /// <summary>The startup variables the key may see; <see langword="null"/> without <c>startup.read</c> (a <c>null_resource</c>).</summary>
    [JsonIgnore]
    public IReadOnlyList<EggVariable>? Variables => Relationships?.Variables is { Data: not null } list ? [.. list.Items] : null;

    /// <summary>The egg, when requested with <see cref="ServerInclude.Egg"/>.</summary>
    [JsonIgnore]
    public ServerEgg? Egg => Relationships?.Egg?.Attributes;

    /// <summary>The subusers when requested with <see cref="ServerInclude.Subusers"/>; <see langword="null"/> when not requested or without <c>user.read</c>.</summary>
    [JsonIgnore]
    public IReadOnlyList<ServerSubuser>? Subusers => Relationships?.Subusers is { Data: not null } list ? [.. list.Items] : null;
}

/// <summary>The values of <see cref="Server.Status"/>.</summary>
public static class ServerStatus
{
    /// <summary>Installing (most calls answer 409).</summary>
    public const string Installing = "installing";

    /// <summary>The install script failed (most calls answer 409).</summary>
    public const string InstallFailed = "install_failed";

    /// <summary>A reinstall failed (no 409s).</summary>
    public const string ReinstallFailed = "reinstall_failed";

    /// <summary>Suspended by an administrator (most calls answer 409).</summary>
    public const string Suspended = "suspended";

    /// <summary>Restoring a backup (most calls answer 409).</summary>
    public const string RestoringBackup = "restoring_backup";
}

/// <summary>SFTP connection details of a server.</summary>
public sealed record SftpDetails
{
    /// <summary>The host (the node's FQDN).</summary>
    public string Ip { get; set; } = "";

    /// <summary>The port.</summary>
    public int Port { get; set; }
}

/// <summary>A server's resource limits.</summary>
public sealed record ServerLimits
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

/// <summary>How many databases, allocations and backups a server may have.</summary>
public sealed record FeatureLimits
{
    /// <summary>Databases.</summary>
    public int? Databases { get; set; }

    /// <summary>Allocations.</summary>
    public int? Allocations { get; set; }

    /// <summary>Backups.</summary>
    public int? Backups { get; set; }
}

/// <summary>The relationships a client <c>server</c> object carries.</summary>
[JsonConverter(typeof(ServerRelationshipsConverter))]
public sealed record ServerRelationships
{
    /// <summary>Always sent: every allocation with <c>allocation.read</c>, else only the primary one.</summary>
    public RelatedList<ServerAllocation>? Allocations { get; set; }

    /// <summary>Always requested: the viewable variables, or a <c>null_resource</c> without <c>startup.read</c>.</summary>
    public RelatedList<EggVariable>? Variables { get; set; }

    /// <summary>With <c>include=egg</c>.</summary>
    public RelatedItem<ServerEgg>? Egg { get; set; }

    /// <summary>With <c>include=subusers</c>; a <c>null_resource</c> without <c>user.read</c>.</summary>
    public RelatedList<ServerSubuser>? Subusers { get; set; }
}

/// <summary>
/// Reads and writes <see cref="ServerRelationships"/>; hand-written so that the JSON source generator emits no metadata for the
/// related wrappers (see RelatedJson), public so that other assemblies' contexts can use it too.
/// </summary>
public sealed class ServerRelationshipsConverter : JsonConverter<ServerRelationships>
{
    /// <inheritdoc/>
    public override ServerRelationships Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = new ServerRelationships();
        RelatedJson.StartObject(ref reader);
        while (RelatedJson.NextRelation(ref reader, out var name))
        {
            switch (name)
            {
                case "allocations":
                    value.Allocations = RelatedJson.ReadList<ServerAllocation>(ref reader, name, options);
                    break;
                case "variables":
                    value.Variables = RelatedJson.ReadList<EggVariable>(ref reader, name, options);
                    break;
                case "egg":
                    value.Egg = RelatedJson.ReadItem<ServerEgg>(ref reader, name, options);
                    break;
                case "subusers":
                    value.Subusers = RelatedJson.ReadList<ServerSubuser>(ref reader, name, options);
                    break;
                default:
                    RelatedJson.Skip(ref reader);
                    break;
            }
        }
        return value;
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, ServerRelationships value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        RelatedJson.Write(writer, "allocations", value.Allocations, options);
        RelatedJson.Write(writer, "variables", value.Variables, options);
        RelatedJson.Write(writer, "egg", value.Egg, options);
        RelatedJson.Write(writer, "subusers", value.Subusers, options);
        writer.WriteEndObject();
    }
}

/// <summary>An allocation (IP and port) as a server object includes it.</summary>
public sealed record ServerAllocation
{
    /// <summary>The allocation id (what the network calls want).</summary>
    public AllocationId Id { get; set; }

    /// <summary>The IP.</summary>
    public string Ip { get; set; } = "";

    /// <summary>A host name shown instead of the IP, or null.</summary>
    public string? IpAlias { get; set; }

    /// <summary>The port.</summary>
    public int Port { get; set; }

    /// <summary>Notes; null when unset or hidden (no <c>allocation.read</c>).</summary>
    public string? Notes { get; set; }

    /// <summary>Whether it is the primary allocation.</summary>
    public bool IsDefault { get; set; }
}

/// <summary>A server's egg (<c>include=egg</c>).</summary>
public sealed record ServerEgg
{
    /// <summary>The egg's UUID.</summary>
    public Guid Uuid { get; set; }

    /// <summary>The egg's name.</summary>
    public string Name { get; set; } = "";
}

/// <summary>A subuser as a server object includes it (<c>include=subusers</c>, object <c>server_subuser</c>).</summary>
public sealed record ServerSubuser
{
    /// <summary>The user's UUID (what the subuser calls want).</summary>
    public UserUuid Uuid { get; set; }

    /// <summary>Login name.</summary>
    public string Username { get; set; } = "";

    /// <summary>E-mail address.</summary>
    public string Email { get; set; } = "";

    /// <summary>Gravatar URL.</summary>
    public string? Image { get; set; }

    /// <summary>Whether the user has two-factor authentication on.</summary>
    [JsonPropertyName("2fa_enabled")]
    public bool TwoFactorEnabled { get; set; }

    /// <summary>When the user was created.</summary>
    public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>The subuser's permission strings (<c>group.key</c>).</summary>
    public IReadOnlyList<string> Permissions { get; set; } = [];
}

/// <summary>The <c>meta</c> of <c>GET /api/client/servers/{server}</c>.</summary>
public sealed record ServerMeta
{
    /// <summary>Whether the key's user owns the server.</summary>
    public bool IsServerOwner { get; set; }

    /// <summary>The user's permissions: <c>["*"]</c> for owners and admins (admins also get <c>admin.websocket.*</c>), else the subuser's list.</summary>
    public IReadOnlyList<string> UserPermissions { get; set; } = [];

    /// <summary>Whether the user holds <paramref name="permission"/> (true for <c>*</c>).</summary>
    /// <param name="permission">A permission such as <c>control.console</c>.</param>
    public bool Can(string permission) => UserPermissions.Contains("*") || UserPermissions.Contains(permission);
}

/// <summary>Relationships to include with a server (<c>include=</c>).</summary>
[Flags]
public enum ServerInclude
{
    /// <summary>Only what is always included (allocations, variables).</summary>
    None = 0,

    /// <summary>The egg (<c>egg</c>).</summary>
    Egg = 1,

    /// <summary>The subusers (<c>subusers</c>; a <c>null_resource</c> without <c>user.read</c>).</summary>
    Subusers = 2,
}

/// <summary>The values of the server list's <c>type</c> parameter.</summary>
public static class ServerListType
{
    /// <summary>Only servers the user owns.</summary>
    public const string Owner = "owner";

    /// <summary>Root admins: servers the admin is neither owner nor subuser of (others get an empty list).</summary>
    public const string Admin = "admin";

    /// <summary>Root admins: every server (others get an empty list).</summary>
    public const string AdminAll = "admin-all";
}

/// <summary>Live resource usage of a server (object <c>stats</c>).</summary>
public sealed record ServerResources
{
    /// <summary><c>offline</c>, <c>starting</c>, <c>running</c> or <c>stopping</c>.</summary>
    public string CurrentState { get; set; } = "";

    /// <summary>Whether the server is suspended.</summary>
    public bool IsSuspended { get; set; }

    /// <summary>The figures.</summary>
    public ResourceUsage Resources { get; set; } = new();
}

/// <summary>Resource figures reported by Wings.</summary>
public sealed record ResourceUsage
{
    /// <summary>Memory in bytes.</summary>
    public long MemoryBytes { get; set; }

    /// <summary>CPU in percent (100 = one core).</summary>
    public double CpuAbsolute { get; set; }

    /// <summary>Disk in bytes.</summary>
    public long DiskBytes { get; set; }

    /// <summary>Bytes received.</summary>
    public long NetworkRxBytes { get; set; }

    /// <summary>Bytes sent.</summary>
    public long NetworkTxBytes { get; set; }

    /// <summary>Uptime in milliseconds.</summary>
    public long Uptime { get; set; }
}

/// <summary>Credentials for the server's Wings websocket: a JWT valid for about 10 minutes and the socket URL.</summary>
public sealed class WebsocketCredentials
{
    /// <summary>The JWT to send in the <c>auth</c> event.</summary>
    public string Token { get; set; } = "";

    /// <summary>The <c>wss://</c> URL of the console socket.</summary>
    public string Socket { get; set; } = "";

    /// <summary>Shows the socket only; the token never appears in text.</summary>
    public override string ToString() => $"WebsocketCredentials {{ Socket = {Socket}, Token = *** }}";
}

/// <summary>The panel's permission catalogue (<c>GET /api/client/permissions</c>, object <c>system_permissions</c>).</summary>
public sealed record SystemPermissions
{
    /// <summary>Groups by name (<c>control</c>, <c>file</c>, ...).</summary>
    public IReadOnlyDictionary<string, PermissionGroup> Permissions { get; set; } = new Dictionary<string, PermissionGroup>();

    /// <summary>Every permission string, <c>group.key</c>.</summary>
    [JsonIgnore]
    public IEnumerable<string> All => Permissions.SelectMany(g => g.Value.Keys.Keys.Select(k => g.Key + "." + k));
}

/// <summary>One group of the permission catalogue.</summary>
public sealed record PermissionGroup
{
    /// <summary>What the group covers.</summary>
    public string? Description { get; set; }

    /// <summary>The group's keys and their descriptions.</summary>
    public IReadOnlyDictionary<string, string> Keys { get; set; } = new Dictionary<string, string>();
}
