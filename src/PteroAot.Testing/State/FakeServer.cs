namespace PteroAot.Testing;

/// <summary>
/// A game server in the fake panel. The core (identity, owner, subusers, limits, state, allocations, variables)
/// lives here; each API area keeps its own data in another part of this partial class (files, databases,
/// schedules, backups). Mutate only under <see cref="FakePanelState"/>'s lock (the SDK-facing routes do).
/// </summary>
public sealed partial class FakeServer
{
    internal FakeServer(int id, Guid uuid, string name, FakeUser owner, DateTimeOffset createdAt)
    {
        Id = id;
        Uuid = uuid;
        Name = name;
        Owner = owner;
        CreatedAt = createdAt;
    }

    /// <summary>The application API id (the client API's <c>internal_id</c>).</summary>
    public int Id { get; }

    /// <summary>The server's UUID.</summary>
    public Guid Uuid { get; }

    /// <summary>The 8-character identifier (the UUID's first 8 characters).</summary>
    public string Identifier => Uuid.ToString()[..8];

    /// <summary>Display name.</summary>
    public string Name { get; set; }

    /// <summary>Description (<c>""</c> when unset).</summary>
    public string Description { get; set; } = "";

    /// <summary>An integrator's id, or null.</summary>
    public string? ExternalId { get; set; }

    /// <summary>The owner.</summary>
    public FakeUser Owner { get; set; }

    /// <summary>When it was created.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>The node's id (node 1 unless the Application API put it elsewhere).</summary>
    public int NodeId { get; set; } = 1;

    /// <summary>The egg's id.</summary>
    public int EggId { get; set; } = 1;

    /// <summary>The nest's id.</summary>
    public int NestId { get; set; } = 1;

    /// <summary>When it was last changed through the Application API.</summary>
    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>The node's name.</summary>
    public string NodeName { get; set; } = "Node 1";

    /// <summary>The node's FQDN (the SFTP host).</summary>
    public string NodeFqdn { get; set; } = "node1.example.com";

    /// <summary>Whether the node is under maintenance (409 on most routes).</summary>
    public bool NodeUnderMaintenance { get; set; }

    /// <summary>SFTP port.</summary>
    public int SftpPort { get; set; } = 2022;

    /// <summary><c>null</c> (normal), <c>installing</c>, <c>install_failed</c>, <c>reinstall_failed</c>, <c>suspended</c> or <c>restoring_backup</c>.</summary>
    public string? Status { get; set; }

    /// <summary>Whether an unfinished transfer exists.</summary>
    public bool IsTransferring { get; set; }

    /// <summary>Wings power state: <c>offline</c>, <c>starting</c>, <c>running</c> or <c>stopping</c>.</summary>
    public string PowerState { get; set; } = "offline";

    /// <summary>Memory limit in MiB (0 = unlimited).</summary>
    public int MemoryLimit { get; set; } = 1024;

    /// <summary>Swap in MiB (-1 = unlimited, 0 = none).</summary>
    public int SwapLimit { get; set; }

    /// <summary>Disk limit in MiB (0 = unlimited).</summary>
    public int DiskLimit { get; set; } = 5120;

    /// <summary>IO weight (10-1000).</summary>
    public int IoWeight { get; set; } = 500;

    /// <summary>CPU limit in % of one core (0 = unlimited).</summary>
    public int CpuLimit { get; set; } = 200;

    /// <summary>CPU pinning, e.g. <c>0-1,3</c>, or null.</summary>
    public string? Threads { get; set; }

    /// <summary>Whether the OOM killer is disabled.</summary>
    public bool OomDisabled { get; set; } = true;

    /// <summary>Feature limit: databases (null = none allowed in the transformer's sense).</summary>
    public int? DatabaseLimit { get; set; } = 2;

    /// <summary>Feature limit: allocations.</summary>
    public int? AllocationLimit { get; set; } = 3;

    /// <summary>Feature limit: backups.</summary>
    public int? BackupLimit { get; set; } = 3;

    /// <summary>The Docker image in use.</summary>
    public string DockerImage { get; set; } = "ghcr.io/pterodactyl/yolks:java_17";

    /// <summary>The egg's images, display name to image (<c>meta.docker_images</c> of the startup route).</summary>
    public Dictionary<string, string> DockerImages { get; } = new(StringComparer.Ordinal)
    {
        ["Java 17"] = "ghcr.io/pterodactyl/yolks:java_17",
        ["Java 21"] = "ghcr.io/pterodactyl/yolks:java_21",
    };

    /// <summary>The startup command template, with <c>{{VARIABLE}}</c> placeholders.</summary>
    public string StartupCommand { get; set; } = "java -Xms128M -Xmx{{SERVER_MEMORY}}M -jar {{SERVER_JARFILE}}";

    /// <summary>The egg's name.</summary>
    public string EggName { get; set; } = "Paper";

    /// <summary>The egg's UUID.</summary>
    public Guid EggUuid { get; set; } = Guid.Parse("5da37ef6-58da-4169-90a6-e683e1721247");

    /// <summary>The egg's features (e.g. <c>eula</c>, <c>java_version</c>), or null.</summary>
    public List<string>? EggFeatures { get; set; } = ["eula", "java_version", "pid_limit"];

    /// <summary>Subusers and their permissions.</summary>
    public List<FakeSubuser> Subusers { get; } = [];

    /// <summary>Allocations; exactly one is the default (primary).</summary>
    public List<FakeAllocation> Allocations { get; } = [];

    /// <summary>Startup variables.</summary>
    public List<FakeVariable> Variables { get; } = [];

    /// <summary>Live resource figures (what Wings would report).</summary>
    public FakeResources Resources { get; } = new();

    /// <summary>The primary allocation, if any.</summary>
    public FakeAllocation? PrimaryAllocation => Allocations.FirstOrDefault(a => a.IsDefault);
}

/// <summary>A subuser of a server.</summary>
/// <param name="User">The user.</param>
/// <param name="CreatedAt">When the subuser was added.</param>
public sealed record FakeSubuser(FakeUser User, DateTimeOffset CreatedAt)
{
    /// <summary>Permission strings (<c>group.key</c>); <c>websocket.connect</c> is always included by the panel.</summary>
    public List<string> Permissions { get; init; } = [];
}

/// <summary>An allocation (IP and port) of a server.</summary>
public sealed class FakeAllocation
{
    /// <summary>The allocation id.</summary>
    public required int Id { get; init; }

    /// <summary>The node it is on.</summary>
    public int NodeId { get; init; } = 1;

    /// <summary>The IP.</summary>
    public required string Ip { get; init; }

    /// <summary>An alias for the IP, or null.</summary>
    public string? Alias { get; set; }

    /// <summary>The port.</summary>
    public required int Port { get; init; }

    /// <summary>Notes, or null.</summary>
    public string? Notes { get; set; }

    /// <summary>Whether it is the server's primary allocation.</summary>
    public bool IsDefault { get; set; }
}

/// <summary>A startup variable of a server's egg, with the server's value.</summary>
public sealed class FakeVariable
{
    /// <summary>The egg variable's id (0 for variables made by hand).</summary>
    public int EggVariableId { get; init; }

    /// <summary>Display name.</summary>
    public required string Name { get; init; }

    /// <summary>Description.</summary>
    public string Description { get; init; } = "";

    /// <summary>The environment variable name.</summary>
    public required string EnvVariable { get; init; }

    /// <summary>The egg's default.</summary>
    public string DefaultValue { get; init; } = "";

    /// <summary>The server's value, or null when the default applies.</summary>
    public string? ServerValue { get; set; }

    /// <summary>Whether users may see it.</summary>
    public bool UserViewable { get; init; } = true;

    /// <summary>Whether users may change it.</summary>
    public bool UserEditable { get; init; } = true;

    /// <summary>Laravel rules, e.g. <c>required|string|max:20</c>.</summary>
    public string Rules { get; init; } = "required|string";
}

/// <summary>Resource figures as Wings reports them.</summary>
public sealed class FakeResources
{
    /// <summary>Memory in bytes.</summary>
    public long MemoryBytes { get; set; }

    /// <summary>CPU in percent of one core.</summary>
    public double CpuAbsolute { get; set; }

    /// <summary>Disk in bytes.</summary>
    public long DiskBytes { get; set; } = 104_857_600;

    /// <summary>Bytes received.</summary>
    public long NetworkRxBytes { get; set; }

    /// <summary>Bytes sent.</summary>
    public long NetworkTxBytes { get; set; }

    /// <summary>Uptime in milliseconds.</summary>
    public long UptimeMs { get; set; }
}
