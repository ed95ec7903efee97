using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace PteroAot.Application;

// Hand-written conveniences over the generated endpoints.
public sealed partial class NodesApi
{
    /// <summary>Gets a node with the given relationships included.</summary>
    /// <param name="node">The node's id.</param>
    /// <param name="include">The relationships to include.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Node> GetAsync(NodeId node, NodeInclude include, CancellationToken cancellationToken = default)
        => GetAsync(node, IncludeQuery.Format(include), cancellationToken);

    /// <summary>Walks every node with the given relationships included.</summary>
    /// <param name="include">The relationships to include.</param>
    /// <param name="sort"><c>id</c>, <c>uuid</c>, <c>memory</c> or <c>disk</c>; a leading <c>-</c> sorts descending.</param>
    /// <param name="perPage">Page size (default 50).</param>
    /// <param name="cancellationToken">Cancels the walk.</param>
    public IAsyncEnumerable<Node> EnumerateAsync(NodeInclude include, string? sort = null, int? perPage = null, CancellationToken cancellationToken = default)
        => EnumerateAsync(sort: sort, include: IncludeQuery.Format(include), perPage: perPage, cancellationToken: cancellationToken);

    /// <summary>
    /// The public nodes with room for a server of <see cref="DeployableNodesQuery.Memory"/> and
    /// <see cref="DeployableNodesQuery.Disk"/> in any of <see cref="DeployableNodesQuery.LocationIds"/> (one call,
    /// the whole list). Unlike <see cref="ListDeployableAsync"/>, "no node fits" (the panel's 400
    /// <c>NoViableNodeException</c>) is an empty list here, not an exception.
    /// </summary>
    /// <param name="query">Size and locations.</param>
    /// <param name="include">The relationships to include.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The nodes, with <see cref="Node.SumMemory"/> and <see cref="Node.SumDisk"/> set.</returns>
    /// <exception cref="PteroValidationException">422 for a negative size.</exception>
    public async Task<IReadOnlyList<Node>> FindDeployableAsync(DeployableNodesQuery query, NodeInclude include = NodeInclude.None,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        try
        {
            var list = await ListDeployableAsync(query.Memory, query.Disk, query.LocationIds, include: IncludeQuery.Format(include),
                cancellationToken: cancellationToken).ConfigureAwait(false);
            return list.Items;
        }
        catch (PteroApiException ex) when (ex.StatusCode == HttpStatusCode.BadRequest && ex.Code == "NoViableNodeException")
        {
            return [];
        }
    }

    /// <summary>
    /// Read-modify-write update, safe against the panel's full-replacement PATCH: GETs the node, builds an
    /// <see cref="UpdateNodeRequest"/> holding every current value (<see cref="NodeExtensions.ToUpdateRequest"/>),
    /// lets <paramref name="change"/> alter it (<c>r =&gt; r with { Memory = 65536 }</c>), then PATCHes. Fields the
    /// change leaves alone keep their values. Two calls; a concurrent change between them is overwritten.
    /// </summary>
    /// <param name="node">The node's id.</param>
    /// <param name="change">Returns the request to send, given one with the current values.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The node as the panel saved it.</returns>
    public async Task<Node> UpdateAsync(NodeId node, Func<UpdateNodeRequest, UpdateNodeRequest> change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        var current = await GetAsync(node, (string?)null, cancellationToken).ConfigureAwait(false);
        var request = change(current.ToUpdateRequest());
        return await UpdateAsync(node, request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Gets one page of a node's allocations with the given relationships included.</summary>
    /// <param name="node">The node's id.</param>
    /// <param name="include">The relationships to include.</param>
    /// <param name="page">Page number from 1.</param>
    /// <param name="perPage">Page size (default 50).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<ResourceList<NodeAllocation>> ListAllocationsAsync(NodeId node, NodeAllocationInclude include, int? page = null, int? perPage = null,
        CancellationToken cancellationToken = default)
        => ListAllocationsAsync(node, include: IncludeQuery.Format(include), page: page, perPage: perPage, cancellationToken: cancellationToken);

    /// <summary>Walks every allocation of a node with the given relationships included.</summary>
    /// <param name="node">The node's id.</param>
    /// <param name="include">The relationships to include.</param>
    /// <param name="unassignedOnly">True for only the allocations no server uses.</param>
    /// <param name="perPage">Page size (default 50).</param>
    /// <param name="cancellationToken">Cancels the walk.</param>
    public IAsyncEnumerable<NodeAllocation> EnumerateAllocationsAsync(NodeId node, NodeAllocationInclude include, bool unassignedOnly = false,
        int? perPage = null, CancellationToken cancellationToken = default)
        => EnumerateAllocationsAsync(node, serverId: unassignedOnly ? UnassignedFilter : null, include: IncludeQuery.Format(include),
            perPage: perPage, cancellationToken: cancellationToken);

    /// <summary>Walks the allocations of a node that a server uses.</summary>
    /// <param name="node">The node's id.</param>
    /// <param name="server">The server.</param>
    /// <param name="cancellationToken">Cancels the walk.</param>
    public IAsyncEnumerable<NodeAllocation> EnumerateAllocationsAsync(NodeId node, ServerId server, CancellationToken cancellationToken = default)
        => EnumerateAllocationsAsync(node, serverId: server.ToString(), cancellationToken: cancellationToken);

    /// <summary>
    /// Adds allocations, then lists them: two calls, because the panel answers the create with 204 and no body.
    /// Returns the node's allocations that match the request (its IP, every address of its CIDR, or the IPv4
    /// addresses its host name resolves to here; and its ports), ordered by id. That includes pairs that existed
    /// before, which the panel skipped silently.
    /// </summary>
    /// <param name="node">The node's id.</param>
    /// <param name="request">An IP (IPv4, CIDR /25 to /32, or host name) and ports or ranges.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The matching allocations.</returns>
    /// <exception cref="PteroApiException">400 from the create (see <see cref="CreateAllocationsAsync(NodeId, CreateNodeAllocationsRequest, CancellationToken)"/>).</exception>
    public async Task<IReadOnlyList<NodeAllocation>> CreateAllocationsAndListAsync(NodeId node, CreateNodeAllocationsRequest request,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await CreateAllocationsAsync(node, request, cancellationToken).ConfigureAwait(false);

        var ports = ExpandPorts(request.Ports);
        var ip = request.Ip.Trim();
        string? exactIp = null;
        Func<string, bool> ipMatches;
        if (IPAddress.TryParse(ip, out var single) && single.AddressFamily == AddressFamily.InterNetwork && !ip.Contains('/', StringComparison.Ordinal))
        {
            exactIp = single.ToString();
            ipMatches = a => a == exactIp;
        }
        else if (TryParseCidr(ip, out var network, out var prefix))
        {
            ipMatches = a => IPAddress.TryParse(a, out var address) && address.AddressFamily == AddressFamily.InterNetwork
                && Masked(address, prefix) == network;
        }
        else
        {
            // The panel resolved the name (gethostbyname); resolve it the same way to know which IPs it stored.
            var addresses = (await Dns.GetHostAddressesAsync(ip, AddressFamily.InterNetwork, cancellationToken).ConfigureAwait(false))
                .Select(a => a.ToString()).ToHashSet(StringComparer.Ordinal);
            ipMatches = addresses.Contains;
        }

        var result = new List<NodeAllocation>();
        await foreach (var allocation in EnumerateAllocationsAsync(node, ip: exactIp, perPage: 500, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (ports.Contains(allocation.Port) && ipMatches(allocation.Ip))
                result.Add(allocation);
        }

        return result;
    }

    // Any non-digit value of filter[server_id] means "only unassigned" to the panel.
    private const string UnassignedFilter = "false";

    // "10.0.0.4/30" with host bits allowed, as the panel accepts it; the network is kept masked.
    private static bool TryParseCidr(string text, out uint network, out int prefix)
    {
        network = 0;
        prefix = 0;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || !IPAddress.TryParse(text.AsSpan(0, slash), out var address) || address.AddressFamily != AddressFamily.InterNetwork
            || !int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out prefix) || prefix > 32)
            return false;
        network = Masked(address, prefix);
        return true;
    }

    private static uint Masked(IPAddress address, int prefix)
    {
        var bytes = address.GetAddressBytes();
        var value = (uint)bytes[0] << 24 | (uint)bytes[1] << 16 | (uint)bytes[2] << 8 | bytes[3];
        return prefix == 0 ? 0 : value & (uint.MaxValue << (32 - prefix));
    }

    // "25565" and "25565-25570" (either order) to port numbers; anything else was refused by the create already.
    private static HashSet<int> ExpandPorts(IEnumerable<string> ports)
    {
        var set = new HashSet<int>();
        foreach (var raw in ports)
        {
            var text = raw.Trim();
            var dash = text.IndexOf('-', StringComparison.Ordinal);
            if (dash < 0)
            {
                if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port))
                    set.Add(port);
                continue;
            }

            if (int.TryParse(text.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var from)
                && int.TryParse(text.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var to))
            {
                for (var p = Math.Min(from, to); p <= Math.Max(from, to); p++)
                    set.Add(p);
            }
        }

        return set;
    }
}

/// <summary>What a new server needs from a node: <see cref="NodesApi.FindDeployableAsync"/>.</summary>
public sealed record DeployableNodesQuery
{
    /// <summary>MiB of memory (0 or more).</summary>
    public required int Memory { get; init; }

    /// <summary>MiB of disk (0 or more).</summary>
    public required int Disk { get; init; }

    /// <summary>Only nodes in these locations; null or empty for any location.</summary>
    public IReadOnlyList<LocationId>? LocationIds { get; init; }
}

/// <summary>Conversions from nodes to the requests that replace them.</summary>
public static class NodeExtensions
{
    /// <summary>
    /// A full <see cref="UpdateNodeRequest"/> carrying every current value of <paramref name="node"/> (optional fields
    /// included, <see cref="UpdateNodeRequest.ResetSecret"/> unset), so that a PATCH with it changes nothing until you
    /// alter it with <c>with { ... }</c>.
    /// </summary>
    /// <param name="node">The node as the panel returned it.</param>
    /// <returns>The request.</returns>
    public static UpdateNodeRequest ToUpdateRequest(this Node node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return new UpdateNodeRequest
        {
            Name = node.Name,
            LocationId = node.LocationId,
            Fqdn = node.Fqdn,
            Scheme = node.Scheme,
            Memory = node.Memory,
            MemoryOverallocate = node.MemoryOverallocate,
            Disk = node.Disk,
            DiskOverallocate = node.DiskOverallocate,
            DaemonListen = node.DaemonListen,
            DaemonSftp = node.DaemonSftp,
            DaemonBase = node.DaemonBase,
            Public = node.Public,
            BehindProxy = node.BehindProxy,
            MaintenanceMode = node.MaintenanceMode,
            UploadSize = node.UploadSize,
        };
    }
}
