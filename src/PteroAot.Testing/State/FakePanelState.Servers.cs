namespace PteroAot.Testing;

// Servers: creation, lookup and who may do what.
public sealed partial class FakePanelState
{
    private readonly List<FakeServer> _servers = [];
    private int _nextServerId = 1;
    private int _nextAllocationId = 1;
    private int _nextPort = 25565;

    /// <summary>A snapshot of all servers, in creation order.</summary>
    public IReadOnlyList<FakeServer> Servers { get { lock (_gate) { return [.. _servers]; } } }

    /// <summary>
    /// Creates a server owned by <paramref name="owner"/> on node 1 with the Paper egg (egg 1), one primary allocation on
    /// 127.0.0.1 and the egg's three variables. Change its properties afterwards (under no lock needed before the panel uses it).
    /// </summary>
    /// <param name="owner">The owner.</param>
    /// <param name="name">The display name.</param>
    /// <returns>The server.</returns>
    public FakeServer CreateServer(FakeUser owner, string name)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        lock (_gate)
        {
            var server = new FakeServer(_nextServerId++, Guid.NewGuid(), name, owner, Now);
            server.Allocations.Add(NewAllocation("127.0.0.1", isDefault: true));
            ApplyNode(server, _nodes[0]);
            ApplyEgg(server, _eggs[0]);
            _servers.Add(server);
            return server;
        }
    }

    /// <summary>Makes a new allocation (not yet attached to a server) on the next free port.</summary>
    /// <param name="ip">The IP.</param>
    /// <param name="isDefault">Whether it is to be the primary allocation.</param>
    /// <returns>The allocation.</returns>
    public FakeAllocation NewAllocation(string ip = "127.0.0.1", bool isDefault = false)
    {
        lock (_gate)
        {
            return new FakeAllocation { Id = _nextAllocationId++, Ip = ip, Port = _nextPort++, IsDefault = isDefault };
        }
    }

    /// <summary>Adds <paramref name="user"/> as a subuser with the given permissions (<c>websocket.connect</c> is added).</summary>
    /// <param name="server">The server.</param>
    /// <param name="user">The user.</param>
    /// <param name="permissions">Permission strings such as <c>control.console</c>.</param>
    /// <returns>The subuser.</returns>
    public FakeSubuser AddSubuser(FakeServer server, FakeUser user, IEnumerable<string> permissions)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(user);
        lock (_gate)
        {
            var subuser = new FakeSubuser(user, Now) { Permissions = [.. permissions.Append("websocket.connect").Distinct(StringComparer.Ordinal)] };
            server.Subusers.RemoveAll(s => s.User.Id == user.Id);
            server.Subusers.Add(subuser);
            return subuser;
        }
    }

    /// <summary>Finds a server by its 8-character identifier or its UUID (the only forms the client API accepts).</summary>
    /// <param name="identifierOrUuid">The identifier or UUID.</param>
    /// <returns>The server, or null.</returns>
    public FakeServer? FindServer(string identifierOrUuid)
    {
        lock (_gate)
        {
            return identifierOrUuid.Length switch
            {
                8 => _servers.FirstOrDefault(s => s.Identifier == identifierOrUuid),
                36 => _servers.FirstOrDefault(s => string.Equals(s.Uuid.ToString(), identifierOrUuid, StringComparison.OrdinalIgnoreCase)),
                _ => null,
            };
        }
    }

    /// <summary>Whether the user sees the server at all: owner, subuser, or root admin.</summary>
    /// <param name="user">The user.</param>
    /// <param name="server">The server.</param>
    /// <returns>True when the client API would let the user open it.</returns>
    public bool CanAccess(FakeUser user, FakeServer server)
    {
        lock (_gate)
        {
            return user.Admin || server.Owner.Id == user.Id || server.Subusers.Any(s => s.User.Id == user.Id);
        }
    }

    /// <summary>Whether the user holds a subuser permission on the server (owners and root admins hold all).</summary>
    /// <param name="user">The user.</param>
    /// <param name="server">The server.</param>
    /// <param name="permission">A permission string such as <c>file.read</c>.</param>
    /// <returns>True when the permission check passes.</returns>
    public bool HasPermission(FakeUser user, FakeServer server, string permission)
    {
        lock (_gate)
        {
            if (user.Admin || server.Owner.Id == user.Id)
            {
                return true;
            }

            return server.Subusers.FirstOrDefault(s => s.User.Id == user.Id)?.Permissions.Contains(permission, StringComparer.Ordinal) == true;
        }
    }

    /// <summary>The permissions the user holds on the server: <c>["*"]</c> for owners and admins (admins also get the <c>admin.websocket.*</c> entries).</summary>
    /// <param name="user">The user.</param>
    /// <param name="server">The server.</param>
    /// <returns>The permission strings.</returns>
    public IReadOnlyList<string> PermissionsOf(FakeUser user, FakeServer server)
    {
        lock (_gate)
        {
            if (user.Admin)
            {
                return ["*", "admin.websocket.errors", "admin.websocket.install", "admin.websocket.transfer"];
            }

            if (server.Owner.Id == user.Id)
            {
                return ["*"];
            }

            return server.Subusers.FirstOrDefault(s => s.User.Id == user.Id)?.Permissions.ToArray() ?? [];
        }
    }

    // Demo data: two servers of the demo user, and one of the admin's where the demo user is a limited subuser.
    private void SeedServers(FakeUser demo, FakeUser admin)
    {
        var survival = CreateServer(demo, "Survival");
        survival.Description = "The main survival world";
        survival.PowerState = "running";
        survival.Resources.MemoryBytes = 734_003_200;
        survival.Resources.CpuAbsolute = 12.5;
        survival.Resources.UptimeMs = 3_600_000;
        var creative = CreateServer(demo, "Creative");
        creative.EggFeatures = null;
        var shared = CreateServer(admin, "Shared Lobby");
        AddSubuser(shared, demo, ["control.console", "control.start", "file.read", "file.read-content"]);
    }
}
