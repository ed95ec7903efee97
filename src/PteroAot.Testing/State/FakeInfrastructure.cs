namespace PteroAot.Testing;

// What the Application API manages around servers: locations, nodes, nests and eggs, database hosts.
// These are plain data holders; mutate them under FakePanelState's lock (the routes do).

/// <summary>A location (a group of nodes).</summary>
public sealed class FakeLocation
{
    /// <summary>The id.</summary>
    public required int Id { get; init; }

    /// <summary>Short code, unique (1-60 characters).</summary>
    public required string Short { get; set; }

    /// <summary>Long description, or null.</summary>
    public string? Long { get; set; }

    /// <summary>When it was created.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it was last changed.</summary>
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A node (a machine running Wings).</summary>
public sealed class FakeNode
{
    /// <summary>The id.</summary>
    public required int Id { get; init; }

    /// <summary>The node's UUID.</summary>
    public Guid Uuid { get; init; } = Guid.NewGuid();

    /// <summary>Whether automatic deployment may pick it.</summary>
    public bool Public { get; set; } = true;

    /// <summary>Display name.</summary>
    public required string Name { get; set; }

    /// <summary>Description (not settable through the API).</summary>
    public string? Description { get; set; }

    /// <summary>The location's id.</summary>
    public required int LocationId { get; set; }

    /// <summary>The FQDN or IP Wings listens on.</summary>
    public required string Fqdn { get; set; }

    /// <summary><c>http</c> or <c>https</c>.</summary>
    public string Scheme { get; set; } = "https";

    /// <summary>Whether Wings is behind a proxy.</summary>
    public bool BehindProxy { get; set; }

    /// <summary>Whether the node is under maintenance.</summary>
    public bool MaintenanceMode { get; set; }

    /// <summary>Memory in MiB.</summary>
    public int Memory { get; set; } = 16384;

    /// <summary>Memory over-allocation in percent (-1 disables the check in the UI).</summary>
    public int MemoryOverallocate { get; set; }

    /// <summary>Disk in MiB.</summary>
    public int Disk { get; set; } = 102400;

    /// <summary>Disk over-allocation in percent.</summary>
    public int DiskOverallocate { get; set; }

    /// <summary>Upload size limit in MiB.</summary>
    public int UploadSize { get; set; } = 100;

    /// <summary>Wings HTTP port.</summary>
    public int DaemonListen { get; set; } = 8080;

    /// <summary>Wings SFTP port.</summary>
    public int DaemonSftp { get; set; } = 2022;

    /// <summary>Where server volumes live.</summary>
    public string DaemonBase { get; set; } = "/var/lib/pterodactyl/volumes";

    /// <summary>The daemon token id (16 characters).</summary>
    public string DaemonTokenId { get; set; } = FakePanelState.RandomString(16);

    /// <summary>The daemon token (64 characters); a secret that only the configuration route shows.</summary>
    public string DaemonToken { get; set; } = FakePanelState.RandomString(64);

    /// <summary>When it was created.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it was last changed.</summary>
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A nest (a family of eggs).</summary>
public sealed class FakeNest
{
    /// <summary>The id.</summary>
    public required int Id { get; init; }

    /// <summary>The UUID.</summary>
    public Guid Uuid { get; init; } = Guid.NewGuid();

    /// <summary>Author e-mail.</summary>
    public string Author { get; init; } = "support@pterodactyl.io";

    /// <summary>Name.</summary>
    public required string Name { get; init; }

    /// <summary>Description, or null.</summary>
    public string? Description { get; init; }

    /// <summary>When it was created.</summary>
    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>An egg: how to install and run one kind of server.</summary>
public sealed class FakeEgg
{
    /// <summary>The id.</summary>
    public required int Id { get; init; }

    /// <summary>The nest's id.</summary>
    public required int NestId { get; init; }

    /// <summary>The UUID.</summary>
    public Guid Uuid { get; init; } = Guid.NewGuid();

    /// <summary>Name.</summary>
    public required string Name { get; init; }

    /// <summary>Author e-mail.</summary>
    public string Author { get; init; } = "parker@pterodactyl.io";

    /// <summary>Description, or null.</summary>
    public string? Description { get; init; }

    /// <summary>Features such as <c>eula</c>, or null.</summary>
    public List<string>? Features { get; init; }

    /// <summary>Display name to image.</summary>
    public Dictionary<string, string> DockerImages { get; init; } = new(StringComparer.Ordinal);

    /// <summary>The startup command template.</summary>
    public required string Startup { get; init; }

    /// <summary>The stop command.</summary>
    public string? ConfigStop { get; init; } = "stop";

    /// <summary>The id of the egg whose config this one copies, or null.</summary>
    public int? ConfigFrom { get; init; }

    /// <summary>The id of the egg whose install script this one copies, or null.</summary>
    public int? CopyScriptFrom { get; init; }

    /// <summary>Install script.</summary>
    public string? ScriptInstall { get; init; } = "#!/bin/ash\necho installing";

    /// <summary>Install script container.</summary>
    public string ScriptContainer { get; init; } = "ghcr.io/pterodactyl/installers:alpine";

    /// <summary>Install script entrypoint.</summary>
    public string ScriptEntry { get; init; } = "ash";

    /// <summary>The variables (definitions; each server keeps its own values).</summary>
    public List<FakeEggVariable> Variables { get; init; } = [];

    /// <summary>When it was created.</summary>
    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>A variable of an egg.</summary>
public sealed class FakeEggVariable
{
    /// <summary>The id.</summary>
    public required int Id { get; init; }

    /// <summary>Display name.</summary>
    public required string Name { get; init; }

    /// <summary>Description.</summary>
    public string Description { get; init; } = "";

    /// <summary>The environment variable.</summary>
    public required string EnvVariable { get; init; }

    /// <summary>The default value.</summary>
    public string DefaultValue { get; init; } = "";

    /// <summary>Whether users may see it.</summary>
    public bool UserViewable { get; init; } = true;

    /// <summary>Whether users may change it.</summary>
    public bool UserEditable { get; init; } = true;

    /// <summary>Laravel rules.</summary>
    public string Rules { get; init; } = "required|string";

    /// <summary>A server's copy of this definition (value unset, so the default applies).</summary>
    /// <returns>The server variable.</returns>
    public FakeVariable ForServer() => new()
    {
        EggVariableId = Id, Name = Name, Description = Description, EnvVariable = EnvVariable, DefaultValue = DefaultValue,
        UserViewable = UserViewable, UserEditable = UserEditable, Rules = Rules,
    };
}

/// <summary>A database host (a MySQL server the panel creates databases on).</summary>
public sealed class FakeDatabaseHost
{
    /// <summary>The id.</summary>
    public required int Id { get; init; }

    /// <summary>Name.</summary>
    public required string Name { get; init; }

    /// <summary>Address.</summary>
    public required string Host { get; init; }

    /// <summary>Port.</summary>
    public int Port { get; init; } = 3306;

    /// <summary>Admin login.</summary>
    public string Username { get; init; } = "pterodactyl";

    /// <summary>The node it belongs to, or null.</summary>
    public int? NodeId { get; init; }

    /// <summary>When it was created.</summary>
    public DateTimeOffset CreatedAt { get; init; }
}
