using PteroAot.Testing.Http;

namespace PteroAot.Testing;

// Network: client auto-allocation settings and the node's unassigned allocations.
public sealed partial class FakePanelState
{
    private readonly List<FakeAllocation> _unassignedAllocations = [];

    /// <summary>
    /// Whether servers may add allocations through the client API (the panel's
    /// <c>PTERODACTYL_CLIENT_ALLOCATIONS_ENABLED</c>). Default <see langword="false"/>, as on a real panel.
    /// </summary>
    public bool ClientAllocationsEnabled { get; set; }

    /// <summary>First port auto-allocation may create (<c>..._RANGE_START</c>); null = none configured.</summary>
    public int? ClientAllocationRangeStart { get; set; }

    /// <summary>Last port auto-allocation may create (<c>..._RANGE_END</c>); null = none configured.</summary>
    public int? ClientAllocationRangeEnd { get; set; }

    /// <summary>Turns client auto-allocation on with a port range.</summary>
    /// <param name="rangeStart">First port.</param>
    /// <param name="rangeEnd">Last port.</param>
    public void EnableClientAllocations(int rangeStart, int rangeEnd)
    {
        lock (_gate)
        {
            ClientAllocationsEnabled = true;
            ClientAllocationRangeStart = rangeStart;
            ClientAllocationRangeEnd = rangeEnd;
        }
    }

    /// <summary>Allocations on the node that no server uses (unassigned ones land here), a snapshot.</summary>
    public IReadOnlyList<FakeAllocation> UnassignedAllocations { get { lock (_gate) { return [.. _unassignedAllocations]; } } }

    /// <summary>Adds a free allocation on the node, which auto-allocation takes before creating new ones.</summary>
    /// <param name="ip">The IP.</param>
    /// <param name="port">The port.</param>
    /// <returns>The allocation.</returns>
    public FakeAllocation AddUnassignedAllocation(string ip, int port)
    {
        lock (_gate)
        {
            var allocation = new FakeAllocation { Id = _nextAllocationId++, Ip = ip, Port = port };
            _unassignedAllocations.Add(allocation);
            return allocation;
        }
    }

    /// <summary><c>FindAssignableAllocationService</c>: a free allocation on the primary IP, else a new one in the range.</summary>
    internal FakeAllocation AssignAllocation(FakeServer server)
    {
        lock (_gate)
        {
            if (!ClientAllocationsEnabled)
            {
                throw new PanelException(400, "AutoAllocationNotEnabledException", "Server auto-allocation is not enabled for this instance.");
            }

            var ip = server.PrimaryAllocation?.Ip ?? "127.0.0.1";
            var free = _unassignedAllocations.Where(a => a.Ip == ip).ToList();
            FakeAllocation allocation;
            if (free.Count > 0)
            {
                allocation = free[Random.Shared.Next(free.Count)];
                _unassignedAllocations.Remove(allocation);
            }
            else
            {
                if (ClientAllocationRangeStart is not { } start || ClientAllocationRangeEnd is not { } end || start <= 0 || end <= 0)
                {
                    throw NoSpace();
                }

                var used = _servers.SelectMany(s => s.Allocations).Concat(_unassignedAllocations)
                    .Where(a => a.Ip == ip).Select(a => a.Port).ToHashSet();
                var available = Enumerable.Range(start, Math.Max(0, end - start + 1)).Where(p => !used.Contains(p)).ToList();
                if (available.Count == 0)
                {
                    throw NoSpace();
                }

                allocation = new FakeAllocation { Id = _nextAllocationId++, Ip = ip, Port = available[Random.Shared.Next(available.Count)] };
            }

            allocation.IsDefault = false;
            server.Allocations.Add(allocation);
            return allocation;
        }

        static PanelException NoSpace() =>
            new(400, "NoAutoAllocationSpaceAvailableException", "Cannot assign additional allocation: no more space available on node.");
    }

    /// <summary>Unassigns an allocation: it leaves the server, loses its notes and stays on the node.</summary>
    internal void UnassignAllocation(FakeServer server, FakeAllocation allocation)
    {
        lock (_gate)
        {
            server.Allocations.Remove(allocation);
            allocation.Notes = null;
            allocation.IsDefault = false;
            _unassignedAllocations.Add(allocation);
        }
    }
}
