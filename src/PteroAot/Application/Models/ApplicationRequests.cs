using System.Text.Json.Serialization;

namespace PteroAot.Application;

/// <summary>The body of <c>POST /api/application/users</c>.</summary>
public sealed record CreateUserRequest
{
    /// <summary>E-mail address (unique).</summary>
    public required string Email { get; init; }

    /// <summary>Login name (unique; stored lower-case).</summary>
    public required string Username { get; init; }

    /// <summary>First name.</summary>
    public required string FirstName { get; init; }

    /// <summary>Last name.</summary>
    public required string LastName { get; init; }

    /// <summary>The integrator's id (unique), or null.</summary>
    public string? ExternalId { get; init; }

    /// <summary>The password; null to let the panel e-mail a setup link.</summary>
    public string? Password { get; init; }

    /// <summary>Interface language (an installed one, e.g. <c>en</c>); null for the default.</summary>
    public string? Language { get; init; }

    /// <summary>Whether the user is a panel administrator; null for no.</summary>
    public bool? RootAdmin { get; init; }
}

/// <summary>The body of <c>PATCH /api/application/users/{user}</c>.</summary>
/// <remarks>
/// Not a partial update: every field is written, and email, username and names are required each time.
/// <see cref="ExternalId"/> is always sent, so null clears it; a null <see cref="Password"/> is omitted and keeps the
/// current password; a null <see cref="Language"/> or <see cref="RootAdmin"/> is omitted and keeps the current value.
/// </remarks>
public sealed record UpdateUserRequest
{
    /// <summary>E-mail address (unique).</summary>
    public required string Email { get; init; }

    /// <summary>Login name (unique; stored lower-case).</summary>
    public required string Username { get; init; }

    /// <summary>First name.</summary>
    public required string FirstName { get; init; }

    /// <summary>Last name.</summary>
    public required string LastName { get; init; }

    /// <summary>The integrator's id; always sent, so null clears it.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? ExternalId { get; init; }

    /// <summary>A new password; null keeps the current one.</summary>
    public string? Password { get; init; }

    /// <summary>Interface language; null keeps the current one.</summary>
    public string? Language { get; init; }

    /// <summary>Whether the user is a panel administrator; null keeps the current value.</summary>
    public bool? RootAdmin { get; init; }
}

/// <summary>
/// The fields of a node as <c>POST /api/application/nodes</c> and <c>PATCH /api/application/nodes/{node}</c> take them
/// (the two bodies differ only by <see cref="UpdateNodeRequest.ResetSecret"/>).
/// </summary>
public abstract record NodeRequest
{
    /// <summary>Name (letters, digits, space, <c>_.-</c>; up to 100).</summary>
    public required string Name { get; init; }

    /// <summary>The location.</summary>
    public required LocationId LocationId { get; init; }

    /// <summary>The Wings host name.</summary>
    public required string Fqdn { get; init; }

    /// <summary><c>http</c> or <c>https</c>.</summary>
    public required string Scheme { get; init; }

    /// <summary>Memory in MiB.</summary>
    public required int Memory { get; init; }

    /// <summary>Percent allowed above <see cref="Memory"/> (-1 and up).</summary>
    public required int MemoryOverallocate { get; init; }

    /// <summary>Disk in MiB.</summary>
    public required int Disk { get; init; }

    /// <summary>Percent allowed above <see cref="Disk"/> (-1 and up).</summary>
    public required int DiskOverallocate { get; init; }

    /// <summary>Wings HTTP port (usually 8080).</summary>
    public required int DaemonListen { get; init; }

    /// <summary>Wings SFTP port (usually 2022).</summary>
    public required int DaemonSftp { get; init; }

    /// <summary>Volume directory; null for <c>/var/lib/pterodactyl/volumes</c>.</summary>
    public string? DaemonBase { get; init; }

    /// <summary>Whether automatic deployment may use the node.</summary>
    public bool? Public { get; init; }

    /// <summary>Whether Wings sits behind a proxy.</summary>
    public bool? BehindProxy { get; init; }

    /// <summary>Whether the node is in maintenance mode.</summary>
    public bool? MaintenanceMode { get; init; }

    /// <summary>Upload limit in MiB (1-1024).</summary>
    public int? UploadSize { get; init; }
}

/// <summary>The body of <c>POST /api/application/nodes</c>.</summary>
public sealed record CreateNodeRequest : NodeRequest;

/// <summary>The body of <c>PATCH /api/application/nodes/{node}</c>.</summary>
/// <remarks>
/// Not a partial update: every required field is written each time (copy them from the current <see cref="Node"/>).
/// Optional fields left null are omitted and keep their current values. The description cannot be changed.
/// </remarks>
public sealed record UpdateNodeRequest : NodeRequest
{
    /// <summary>True to regenerate the daemon token (Wings must then be reconfigured).</summary>
    public bool? ResetSecret { get; init; }
}

/// <summary>The body of <c>POST /api/application/nodes/{node}/allocations</c> (answers 204; existing pairs are skipped).</summary>
public sealed record CreateNodeAllocationsRequest
{
    /// <summary>An IPv4 address, a CIDR (/25 to /32) or a host name.</summary>
    public required string Ip { get; init; }

    /// <summary>A host name shown instead of the IP, or null.</summary>
    public string? Alias { get; init; }

    /// <summary>Ports (<c>25565</c>) or ranges (<c>25565-25570</c>, up to 1000), within 1025-65535.</summary>
    public required IReadOnlyList<string> Ports { get; init; }
}

/// <summary>The body of <c>POST /api/application/locations</c> and <c>PATCH /api/application/locations/{location}</c>.</summary>
/// <remarks>On update this is a full replacement: <see cref="Short"/> is required every time and <see cref="Long"/> is always
/// sent, so null clears the description (the read-modify-write <c>LocationsApi.UpdateAsync</c> overload carries it over).</remarks>
public sealed record LocationRequest
{
    /// <summary>Short code (unique, up to 60).</summary>
    public required string Short { get; init; }

    /// <summary>Long description, or null (sent as null: clears it on update).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? Long { get; init; }
}

/// <summary>The body of <c>PATCH /api/application/servers/{server}/details</c>.</summary>
/// <remarks>
/// A full replacement: every field is written. <see cref="ExternalId"/> is always sent, so null (or omitting it)
/// clears it; a null or omitted <see cref="Description"/> becomes <c>""</c>. Copy the current values to keep them.
/// </remarks>
public sealed record UpdateServerDetailsRequest
{
    /// <summary>Display name.</summary>
    public required string Name { get; init; }

    /// <summary>The owner (wire name <c>user</c>); changing it revokes the old owner's websocket tokens.</summary>
    [JsonPropertyName("user")]
    public required UserId UserId { get; init; }

    /// <summary>The integrator's id; always sent, null clears it.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? ExternalId { get; init; }

    /// <summary>Description; null becomes <c>""</c>.</summary>
    public string? Description { get; init; }
}

/// <summary>Resource limits in a server create or build request.</summary>
public sealed record ServerLimitsRequest
{
    /// <summary>Memory in MiB (0 = unlimited).</summary>
    public required int Memory { get; init; }

    /// <summary>Swap in MiB (-1 = unlimited).</summary>
    public required int Swap { get; init; }

    /// <summary>Disk in MiB (0 = unlimited).</summary>
    public required int Disk { get; init; }

    /// <summary>IO weight (10-1000).</summary>
    public required int Io { get; init; }

    /// <summary>CPU in percent of one core (0 = unlimited).</summary>
    public required int Cpu { get; init; }

    /// <summary>CPU pinning such as <c>0-1,3</c>, or null for none.</summary>
    public string? Threads { get; init; }
}

/// <summary>Feature limits in a server create or build request; all three are always sent (null included).</summary>
public sealed record FeatureLimitsRequest
{
    /// <summary>Databases; must be present, so null is written as <c>null</c>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public int? Databases { get; init; }

    /// <summary>Allocations; written as <c>null</c> when null (an omitted value would become 0 on build).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public int? Allocations { get; init; }

    /// <summary>Backups; must be present, so null is written as <c>null</c>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public int? Backups { get; init; }
}

/// <summary>The body of <c>PATCH /api/application/servers/{server}/build</c>.</summary>
/// <remarks>
/// A full replacement of the build: every field set here is written. <see cref="FeatureLimits"/> is required and
/// all three of its values are written (an omitted allocations limit would become 0). <see cref="Limits"/> is required
/// in practice (null sends neither it nor the legacy top-level fields: 422). Null <see cref="OomDisabled"/> and
/// allocation lists are omitted and keep their current values.
/// </remarks>
public sealed record UpdateServerBuildRequest
{
    /// <summary>The primary allocation (wire name <c>allocation</c>); must belong to the server or be in <see cref="AddAllocations"/>.</summary>
    [JsonPropertyName("allocation")]
    public required AllocationId AllocationId { get; init; }

    /// <summary>Whether the OOM killer is disabled; null keeps it.</summary>
    public bool? OomDisabled { get; init; }

    /// <summary>Resource limits; required by the panel (null answers 422 on <c>memory</c>, <c>swap</c>, ...).</summary>
    public ServerLimitsRequest? Limits { get; init; }

    /// <summary>Allocations to add.</summary>
    public IReadOnlyList<AllocationId>? AddAllocations { get; init; }

    /// <summary>Allocations to remove.</summary>
    public IReadOnlyList<AllocationId>? RemoveAllocations { get; init; }

    /// <summary>Feature limits (required).</summary>
    public required FeatureLimitsRequest FeatureLimits { get; init; }
}

/// <summary>The body of <c>PATCH /api/application/servers/{server}/startup</c> (does not reinstall).</summary>
/// <remarks>
/// A full replacement: every field is written. A non-empty <see cref="Environment"/> re-validates and rewrites ALL
/// egg variables: a variable missing from it becomes <c>""</c>. Send every variable to keep its value.
/// </remarks>
public sealed record UpdateServerStartupRequest
{
    /// <summary>The startup command template.</summary>
    public required string Startup { get; init; }

    /// <summary>Variable name to value (always sent; see the remarks).</summary>
    public required IReadOnlyDictionary<string, string?> Environment { get; init; }

    /// <summary>The egg (wire name <c>egg</c>); changing it also changes the nest.</summary>
    [JsonPropertyName("egg")]
    public required EggId EggId { get; init; }

    /// <summary>The Docker image.</summary>
    public required string Image { get; init; }

    /// <summary>Whether to skip the egg's install script on a later reinstall (always sent).</summary>
    public required bool SkipScripts { get; init; }
}

/// <summary>Explicit allocations of a server create request.</summary>
public sealed record ServerAllocationRequest
{
    /// <summary>The primary allocation (an unassigned one).</summary>
    public required AllocationId Default { get; init; }

    /// <summary>More unassigned allocations, or null.</summary>
    public IReadOnlyList<AllocationId>? Additional { get; init; }
}

/// <summary>Automatic deployment of a server create request (instead of <see cref="ServerAllocationRequest"/>).</summary>
public sealed record ServerDeployRequest
{
    /// <summary>Locations to choose a node from.</summary>
    public required IReadOnlyList<LocationId> Locations { get; init; }

    /// <summary>Whether the server gets an IP of its own.</summary>
    public required bool DedicatedIp { get; init; }

    /// <summary>Ports or ranges (<c>25565</c>, <c>25565-25570</c>) to take the allocation from.</summary>
    public required IReadOnlyList<string> PortRange { get; init; }
}

/// <summary>The body of <c>POST /api/application/servers</c>.</summary>
public sealed record CreateServerRequest
{
    /// <summary>Display name.</summary>
    public required string Name { get; init; }

    /// <summary>The owner (wire name <c>user</c>).</summary>
    [JsonPropertyName("user")]
    public required UserId UserId { get; init; }

    /// <summary>The egg (wire name <c>egg</c>).</summary>
    [JsonPropertyName("egg")]
    public required EggId EggId { get; init; }

    /// <summary>The Docker image.</summary>
    public required string DockerImage { get; init; }

    /// <summary>The startup command template.</summary>
    public required string Startup { get; init; }

    /// <summary>Variable name to value; every egg variable is validated with its rules.</summary>
    public required IReadOnlyDictionary<string, string?> Environment { get; init; }

    /// <summary>Resource limits.</summary>
    public required ServerLimitsRequest Limits { get; init; }

    /// <summary>Feature limits (databases and backups are always written, null included).</summary>
    public required FeatureLimitsRequest FeatureLimits { get; init; }

    /// <summary>Explicit allocations; required unless <see cref="Deploy"/> is given.</summary>
    public ServerAllocationRequest? Allocation { get; init; }

    /// <summary>Automatic deployment instead of <see cref="Allocation"/>.</summary>
    public ServerDeployRequest? Deploy { get; init; }

    /// <summary>The integrator's id (unique), or null.</summary>
    public string? ExternalId { get; init; }

    /// <summary>Description, or null.</summary>
    public string? Description { get; init; }

    /// <summary>Whether to skip the egg's install script.</summary>
    public bool? SkipScripts { get; init; }

    /// <summary>Whether the OOM killer is disabled (panel default: true).</summary>
    public bool? OomDisabled { get; init; }

    /// <summary>Whether to start the server once installed.</summary>
    public bool? StartOnCompletion { get; init; }
}

/// <summary>The body of <c>POST /api/application/servers/{server}/databases</c>.</summary>
public sealed record CreateServerDatabaseRequest
{
    /// <summary>Name (letters, digits, <c>-_</c>; up to 48; the panel prefixes <c>s{server}_</c>).</summary>
    public required string Database { get; init; }

    /// <summary>Where connections are allowed from: <c>%</c> or an IPv4 pattern.</summary>
    public required string Remote { get; init; }

    /// <summary>The database host (wire name <c>host</c>).</summary>
    [JsonPropertyName("host")]
    public required DatabaseHostId HostId { get; init; }
}
