namespace PteroAot.Testing;

// Locations, nodes, nests and eggs, database hosts: what the Application API manages around servers. A fresh
// state always has one of each (location 1, node 1, nest 1 "Minecraft" with eggs 1 "Paper" and 2 "Vanilla",
// database host 1), so servers created for the client API have a real node and egg behind them.
public sealed partial class FakePanelState
{
    private readonly List<FakeLocation> _locations = [];
    private readonly List<FakeNode> _nodes = [];
    private readonly List<FakeNest> _nests = [];
    private readonly List<FakeEgg> _eggs = [];
    private readonly List<FakeDatabaseHost> _databaseHosts = [];
    private int _nextLocationId = 1;
    private int _nextNodeId = 1;
    private int _nextEggVariableId = 1;

    /// <summary>A snapshot of the locations.</summary>
    public IReadOnlyList<FakeLocation> Locations { get { lock (_gate) { return [.. _locations]; } } }

    /// <summary>A snapshot of the nodes.</summary>
    public IReadOnlyList<FakeNode> Nodes { get { lock (_gate) { return [.. _nodes]; } } }

    /// <summary>A snapshot of the nests.</summary>
    public IReadOnlyList<FakeNest> Nests { get { lock (_gate) { return [.. _nests]; } } }

    /// <summary>A snapshot of the eggs.</summary>
    public IReadOnlyList<FakeEgg> Eggs { get { lock (_gate) { return [.. _eggs]; } } }

    /// <summary>A snapshot of the database hosts.</summary>
    public IReadOnlyList<FakeDatabaseHost> DatabaseHosts { get { lock (_gate) { return [.. _databaseHosts]; } } }

    /// <summary>The seeded egg new servers get unless told otherwise (Paper).</summary>
    public FakeEgg DefaultEgg { get { lock (_gate) { return _eggs[0]; } } }

    /// <summary>The seeded node new servers land on unless told otherwise.</summary>
    public FakeNode DefaultNode { get { lock (_gate) { return _nodes[0]; } } }

    /// <summary>Creates a location.</summary>
    /// <param name="shortCode">The unique short code.</param>
    /// <param name="description">The long description.</param>
    /// <returns>The location.</returns>
    public FakeLocation CreateLocation(string shortCode, string? description = null)
    {
        lock (_gate)
        {
            var location = new FakeLocation { Id = _nextLocationId++, Short = shortCode, Long = description, CreatedAt = Now, UpdatedAt = Now };
            _locations.Add(location);
            return location;
        }
    }

    /// <summary>Creates a node in a location.</summary>
    /// <param name="name">Display name.</param>
    /// <param name="locationId">The location.</param>
    /// <param name="fqdn">Its address.</param>
    /// <returns>The node.</returns>
    public FakeNode CreateNode(string name, int locationId, string fqdn)
    {
        lock (_gate)
        {
            var node = new FakeNode { Id = _nextNodeId++, Name = name, LocationId = locationId, Fqdn = fqdn, CreatedAt = Now, UpdatedAt = Now };
            _nodes.Add(node);
            return node;
        }
    }

    /// <summary>Removes a location (no checks; the routes check for nodes first).</summary>
    /// <param name="location">The location.</param>
    internal void RemoveLocation(FakeLocation location)
    {
        lock (_gate)
        {
            _locations.Remove(location);
        }
    }

    /// <summary>Removes a node and its unassigned allocations (no checks; the routes check for servers first).</summary>
    /// <param name="node">The node.</param>
    internal void RemoveNode(FakeNode node)
    {
        lock (_gate)
        {
            _nodes.Remove(node);
            _unassignedAllocations.RemoveAll(a => a.NodeId == node.Id);
        }
    }

    /// <summary>Finds a location by id.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The location or null.</returns>
    public FakeLocation? FindLocation(int id) { lock (_gate) { return _locations.FirstOrDefault(l => l.Id == id); } }

    /// <summary>Finds a node by id.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The node or null.</returns>
    public FakeNode? FindNode(int id) { lock (_gate) { return _nodes.FirstOrDefault(n => n.Id == id); } }

    /// <summary>Finds a nest by id.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The nest or null.</returns>
    public FakeNest? FindNest(int id) { lock (_gate) { return _nests.FirstOrDefault(n => n.Id == id); } }

    /// <summary>Finds an egg by id.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The egg or null.</returns>
    public FakeEgg? FindEgg(int id) { lock (_gate) { return _eggs.FirstOrDefault(e => e.Id == id); } }

    /// <summary>Finds a database host by id.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The host or null.</returns>
    public FakeDatabaseHost? FindDatabaseHost(int id) { lock (_gate) { return _databaseHosts.FirstOrDefault(h => h.Id == id); } }

    /// <summary>Finds a server by its application (numeric) id.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The server or null.</returns>
    public FakeServer? FindServerById(int id) { lock (_gate) { return _servers.FirstOrDefault(s => s.Id == id); } }

    /// <summary>
    /// Every allocation on a node with the server it is assigned to (null when free), ordered by id: the servers'
    /// allocations and the node's unassigned ones.
    /// </summary>
    /// <param name="nodeId">The node.</param>
    /// <returns>The allocations.</returns>
    public IReadOnlyList<(FakeAllocation Allocation, FakeServer? Server)> AllocationsOnNode(int nodeId)
    {
        lock (_gate)
        {
            return _servers.SelectMany(s => s.Allocations.Select(a => (Allocation: a, Server: (FakeServer?)s)))
                .Concat(_unassignedAllocations.Select(a => (Allocation: a, Server: (FakeServer?)null)))
                .Where(p => p.Allocation.NodeId == nodeId)
                .OrderBy(p => p.Allocation.Id)
                .ToList();
        }
    }

    /// <summary>Adds a free allocation on a node (duplicates of an existing ip:port are skipped, like the panel's INSERT IGNORE).</summary>
    /// <param name="nodeId">The node.</param>
    /// <param name="ip">The IP.</param>
    /// <param name="port">The port.</param>
    /// <param name="alias">An IP alias.</param>
    /// <returns>The allocation, or null when it already existed.</returns>
    public FakeAllocation? AddNodeAllocation(int nodeId, string ip, int port, string? alias = null)
    {
        lock (_gate)
        {
            if (AllocationsOnNode(nodeId).Any(p => p.Allocation.Ip == ip && p.Allocation.Port == port))
            {
                return null;
            }

            var allocation = new FakeAllocation { Id = _nextAllocationId++, NodeId = nodeId, Ip = ip, Port = port, Alias = alias };
            _unassignedAllocations.Add(allocation);
            return allocation;
        }
    }

    /// <summary>Removes a free allocation from its node; false when it is assigned to a server or unknown.</summary>
    /// <param name="allocation">The allocation.</param>
    /// <returns>Whether it was removed.</returns>
    internal bool RemoveUnassignedAllocation(FakeAllocation allocation)
    {
        lock (_gate)
        {
            return _unassignedAllocations.Remove(allocation);
        }
    }

    /// <summary>Takes a free allocation off the node's free list (to assign it to a server).</summary>
    /// <param name="allocation">The allocation.</param>
    /// <returns>Whether it was free.</returns>
    internal bool TakeUnassignedAllocation(FakeAllocation allocation) => RemoveUnassignedAllocation(allocation);

    /// <summary>Adds a server for the Application API: on a node, with an egg's variables, owning the given allocations.</summary>
    /// <param name="owner">The owner.</param>
    /// <param name="name">The display name.</param>
    /// <param name="egg">The egg.</param>
    /// <param name="node">The node.</param>
    /// <param name="primary">The primary allocation (taken off the node's free list).</param>
    /// <param name="additional">Extra allocations (taken off the free list).</param>
    /// <returns>The server, without limits or environment applied (the caller sets them).</returns>
    internal FakeServer AddServer(FakeUser owner, string name, FakeEgg egg, FakeNode node, FakeAllocation primary, IEnumerable<FakeAllocation> additional)
    {
        lock (_gate)
        {
            var server = new FakeServer(_nextServerId++, Guid.NewGuid(), name, owner, Now);
            ApplyNode(server, node);
            ApplyEgg(server, egg);
            foreach (var allocation in additional.Prepend(primary))
            {
                _unassignedAllocations.Remove(allocation);
                allocation.IsDefault = ReferenceEquals(allocation, primary);
                server.Allocations.Add(allocation);
            }

            _servers.Add(server);
            return server;
        }
    }

    /// <summary>Removes a server, freeing its allocations on the node (they lose notes, as in the panel).</summary>
    /// <param name="server">The server.</param>
    internal void RemoveServer(FakeServer server)
    {
        lock (_gate)
        {
            _servers.Remove(server);
            foreach (var allocation in server.Allocations)
            {
                allocation.IsDefault = false;
                allocation.Notes = null;
                _unassignedAllocations.Add(allocation);
            }

            server.Allocations.Clear();
        }
    }

    /// <summary>Puts a server on a node (the client API's node name, FQDN and SFTP port follow it).</summary>
    /// <param name="server">The server.</param>
    /// <param name="node">The node.</param>
    internal static void ApplyNode(FakeServer server, FakeNode node)
    {
        server.NodeId = node.Id;
        server.NodeName = node.Name;
        server.NodeFqdn = node.Fqdn;
        server.SftpPort = node.DaemonSftp;
    }

    /// <summary>Gives a server an egg: nest, startup, images, features and the egg's variables (values reset).</summary>
    /// <param name="server">The server.</param>
    /// <param name="egg">The egg.</param>
    internal static void ApplyEgg(FakeServer server, FakeEgg egg)
    {
        server.EggId = egg.Id;
        server.NestId = egg.NestId;
        server.EggName = egg.Name;
        server.EggUuid = egg.Uuid;
        server.EggFeatures = egg.Features is null ? null : [.. egg.Features];
        server.StartupCommand = egg.Startup;
        server.DockerImages.Clear();
        foreach (var (display, image) in egg.DockerImages)
        {
            server.DockerImages[display] = image;
        }

        server.DockerImage = egg.DockerImages.Values.FirstOrDefault() ?? server.DockerImage;
        server.Variables.Clear();
        server.Variables.AddRange(egg.Variables.Select(v => v.ForServer()));
    }

    private FakeEggVariable EggVariable(string name, string env, string defaultValue, string rules, string description, bool editable = true) =>
        new()
        {
            Id = _nextEggVariableId++, Name = name, EnvVariable = env, DefaultValue = defaultValue, Rules = rules,
            Description = description, UserEditable = editable,
        };

    private void SeedInfrastructure()
    {
        var now = Now;
        var location = CreateLocation("us.nyc", "New York, USA");
        CreateNode("Node 1", location.Id, "node1.example.com");
        _databaseHosts.Add(new FakeDatabaseHost { Id = 1, Name = "MySQL on node 1", Host = "10.0.0.20", NodeId = 1, CreatedAt = now });
        _nests.Add(new FakeNest { Id = 1, Name = "Minecraft", Description = "Minecraft - the classic game from Mojang.", CreatedAt = now });
        var images = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Java 17"] = "ghcr.io/pterodactyl/yolks:java_17",
            ["Java 21"] = "ghcr.io/pterodactyl/yolks:java_21",
        };
        _eggs.Add(new FakeEgg
        {
            Id = 1, NestId = 1, Uuid = Guid.Parse("5da37ef6-58da-4169-90a6-e683e1721247"), Name = "Paper",
            Description = "High performance Spigot fork that aims to fix gameplay and mechanics inconsistencies.",
            Features = ["eula", "java_version", "pid_limit"], DockerImages = images, CreatedAt = now,
            Startup = "java -Xms128M -Xmx{{SERVER_MEMORY}}M -jar {{SERVER_JARFILE}}",
            Variables =
            [
                EggVariable("Server Jar File", "SERVER_JARFILE", "server.jar", "required|regex:/^([\\w\\d._-]+)(\\.jar)$/",
                    "The name of the server jarfile to run the server with."),
                EggVariable("Minecraft Version", "MINECRAFT_VERSION", "latest", "nullable|string|max:20",
                    "The version of Minecraft to download."),
                EggVariable("Build Number", "BUILD_NUMBER", "latest", "required|string|max:20",
                    "The build number for the Paper release.", editable: false),
            ],
        });
        _eggs.Add(new FakeEgg
        {
            Id = 2, NestId = 1, Name = "Vanilla Minecraft", Description = "Minecraft is a game about placing blocks.",
            Features = ["eula", "java_version"], DockerImages = new(images, StringComparer.Ordinal), CreatedAt = now,
            Startup = "java -Xms128M -Xmx{{SERVER_MEMORY}}M -jar {{SERVER_JARFILE}}", ConfigFrom = 1, CopyScriptFrom = 1,
            ScriptInstall = null,
            Variables =
            [
                EggVariable("Server Jar File", "SERVER_JARFILE", "server.jar", "required|regex:/^([\\w\\d._-]+)(\\.jar)$/",
                    "The name of the server jarfile to run the server with."),
                EggVariable("Server Version", "VANILLA_VERSION", "latest", "required|string|between:3,15",
                    "The version of Minecraft Vanilla to install."),
                EggVariable("Max Players", "MAX_PLAYERS", "20", "required|integer|between:1,500", "Player slots."),
            ],
        });
    }
}
