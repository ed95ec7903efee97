using PteroAot.Endpoints;

namespace PteroAot.Application;

/// <summary>
/// Nodes of the Application API (<c>/api/application/nodes</c>) and their allocations. Updates are full
/// replacements: prefer <see cref="UpdateAsync(NodeId, Func{UpdateNodeRequest, UpdateNodeRequest}, CancellationToken)"/>,
/// which reads the node first so that fields you do not change keep their values.
/// </summary>
[PteroApi(typeof(ApplicationJsonContext))]
public sealed partial class NodesApi
{
    /// <summary>
    /// Gets one page of nodes (<c>GET /api/application/nodes</c>). Prefer
    /// <see cref="EnumerateAsync(string?, string?, string?, string?, string?, string?, int?, CancellationToken)"/> to get all of them.
    /// </summary>
    /// <param name="uuid"><c>filter[uuid]</c>: UUID contains this text.</param>
    /// <param name="name"><c>filter[name]</c>: name contains this text.</param>
    /// <param name="fqdn"><c>filter[fqdn]</c>: FQDN contains this text.</param>
    /// <param name="daemonTokenId"><c>filter[daemon_token_id]</c>: daemon token id contains this text.</param>
    /// <param name="sort"><c>id</c>, <c>uuid</c>, <c>memory</c> or <c>disk</c>; a leading <c>-</c> sorts descending.</param>
    /// <param name="include">Comma list of <c>allocations</c>, <c>location</c>, <c>servers</c> (see the <see cref="NodeInclude"/> overloads).</param>
    /// <param name="page">Page number from 1.</param>
    /// <param name="perPage">Page size (default 50; the panel sets no upper limit).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="PteroApiException">400 <c>InvalidFilterQuery</c> / <c>InvalidSortQuery</c> for an unknown filter or sort.</exception>
    [Get("/api/application/nodes")]
    public partial Task<ResourceList<Node>> ListAsync(
        [Query("filter[uuid]")] string? uuid = null,
        [Query("filter[name]")] string? name = null,
        [Query("filter[fqdn]")] string? fqdn = null,
        [Query("filter[daemon_token_id]")] string? daemonTokenId = null,
        [Query("sort")] string? sort = null,
        [Query("include")] string? include = null,
        [Query("page")] int? page = null,
        [Query("per_page")] int? perPage = null,
        CancellationToken cancellationToken = default);

    /// <summary>Walks every page of the node list lazily (one request per page), so no node is missed past page one.</summary>
    /// <param name="uuid"><c>filter[uuid]</c>: UUID contains this text.</param>
    /// <param name="name"><c>filter[name]</c>: name contains this text.</param>
    /// <param name="fqdn"><c>filter[fqdn]</c>: FQDN contains this text.</param>
    /// <param name="daemonTokenId"><c>filter[daemon_token_id]</c>: daemon token id contains this text.</param>
    /// <param name="sort"><c>id</c>, <c>uuid</c>, <c>memory</c> or <c>disk</c>; a leading <c>-</c> sorts descending.</param>
    /// <param name="include">Comma list of <c>allocations</c>, <c>location</c>, <c>servers</c>.</param>
    /// <param name="perPage">Page size (default 50).</param>
    /// <param name="cancellationToken">Cancels the walk.</param>
    [Get("/api/application/nodes")]
    public partial IAsyncEnumerable<Node> EnumerateAsync(
        [Query("filter[uuid]")] string? uuid = null,
        [Query("filter[name]")] string? name = null,
        [Query("filter[fqdn]")] string? fqdn = null,
        [Query("filter[daemon_token_id]")] string? daemonTokenId = null,
        [Query("sort")] string? sort = null,
        [Query("include")] string? include = null,
        [Query("per_page")] int? perPage = null,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Lists the public nodes with room for a server of the given size (<c>GET /api/application/nodes/deployable</c>):
    /// <c>memory * (1 + memory_overallocate / 100) - sum of the servers' memory &gt;= memory</c>, the same for disk.
    /// The items carry <see cref="Node.SumMemory"/> and <see cref="Node.SumDisk"/>. The list is whole (no
    /// <see cref="ResourceList{T}.Pagination"/>) unless <paramref name="page"/> is given. To get an empty list rather
    /// than an exception when no node fits, use <see cref="FindDeployableAsync(DeployableNodesQuery, NodeInclude, CancellationToken)"/>.
    /// </summary>
    /// <param name="memory">MiB of memory the server needs (0 or more).</param>
    /// <param name="disk">MiB of disk the server needs (0 or more).</param>
    /// <param name="locations">Only nodes of these locations (one <c>location_ids[]</c> each); null or empty for any.</param>
    /// <param name="page">Page number from 1; only then is the answer paginated.</param>
    /// <param name="perPage">Page size with <paramref name="page"/> (default 50).</param>
    /// <param name="include">Comma list of <c>allocations</c>, <c>location</c>, <c>servers</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="PteroApiException">400 <c>NoViableNodeException</c> when no node fits.</exception>
    /// <exception cref="PteroValidationException">422 for a negative size.</exception>
    [Get("/api/application/nodes/deployable")]
    public partial Task<ResourceList<Node>> ListDeployableAsync(
        [Query("memory")] int memory,
        [Query("disk")] int disk,
        [Query("location_ids[]")] IEnumerable<LocationId>? locations = null,
        [Query("page")] int? page = null,
        [Query("per_page")] int? perPage = null,
        [Query("include")] string? include = null,
        CancellationToken cancellationToken = default);

    /// <summary>Gets a node (<c>GET /api/application/nodes/{node}</c>).</summary>
    /// <param name="node">The node's id.</param>
    /// <param name="include">Comma list of <c>allocations</c>, <c>location</c>, <c>servers</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="PteroNotFoundException">No such node.</exception>
    [Get("/api/application/nodes/{node}")]
    public partial Task<Node> GetAsync(NodeId node, [Query("include")] string? include = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Gets the node's Wings configuration (<c>GET /api/application/nodes/{node}/configuration</c>; a raw body, no
    /// envelope). <b>It contains the node's secret daemon token</b>: never log it
    /// (<see cref="NodeConfiguration.ToString"/> masks it).
    /// </summary>
    /// <param name="node">The node's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="PteroNotFoundException">No such node.</exception>
    [Get("/api/application/nodes/{node}/configuration")]
    [Envelope(Envelope.None)]
    public partial Task<NodeConfiguration> GetConfigurationAsync(NodeId node, CancellationToken cancellationToken = default);

    /// <summary>Creates a node (<c>POST /api/application/nodes</c>; 201). The description cannot be set through the API.</summary>
    /// <param name="request">The node.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="PteroValidationException">422 naming each bad field (name pattern, unknown location, ports, upload size...).</exception>
    [Post("/api/application/nodes")]
    public partial Task<Node> CreateAsync([Body] CreateNodeRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces a node's settings (<c>PATCH /api/application/nodes/{node}</c>). <b>Not a partial update</b>: every
    /// required field is written; build the request from the current node (<see cref="NodeExtensions.ToUpdateRequest"/>)
    /// or use <see cref="UpdateAsync(NodeId, Func{UpdateNodeRequest, UpdateNodeRequest}, CancellationToken)"/>.
    /// </summary>
    /// <param name="node">The node's id.</param>
    /// <param name="request">The whole new configuration; <see cref="UpdateNodeRequest.ResetSecret"/> regenerates the daemon token.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="PteroValidationException">422 naming each bad field.</exception>
    /// <exception cref="PteroApiException">400 <c>ConfigurationNotPersistedException</c> when Wings could not be told (the panel saved the change).</exception>
    [Patch("/api/application/nodes/{node}")]
    public partial Task<Node> UpdateAsync(NodeId node, [Body] UpdateNodeRequest request, CancellationToken cancellationToken = default);

    /// <summary>Deletes a node (<c>DELETE /api/application/nodes/{node}</c>; 204).</summary>
    /// <param name="node">The node's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="PteroApiException">400 <c>HasActiveServersException</c> while servers are on the node.</exception>
    /// <exception cref="PteroNotFoundException">No such node.</exception>
    [Delete("/api/application/nodes/{node}")]
    public partial Task DeleteAsync(NodeId node, CancellationToken cancellationToken = default);

    /// <summary>
    /// Gets one page of a node's allocations (<c>GET /api/application/nodes/{node}/allocations</c>; no sorts). Prefer
    /// <see cref="EnumerateAllocationsAsync(NodeId, string?, int?, string?, string?, string?, int?, CancellationToken)"/>.
    /// </summary>
    /// <param name="node">The node's id.</param>
    /// <param name="ip"><c>filter[ip]</c>: exactly this IP.</param>
    /// <param name="port"><c>filter[port]</c>: exactly this port.</param>
    /// <param name="ipAlias"><c>filter[ip_alias]</c>: alias contains this text.</param>
    /// <param name="serverId"><c>filter[server_id]</c>: digits = that server's allocations; any other text (e.g. <c>false</c>) = only unassigned ones.</param>
    /// <param name="include">Comma list of <c>node</c>, <c>server</c> (see the <see cref="NodeAllocationInclude"/> overloads).</param>
    /// <param name="page">Page number from 1.</param>
    /// <param name="perPage">Page size (default 50; no upper limit).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="PteroNotFoundException">No such node.</exception>
    [Get("/api/application/nodes/{node}/allocations")]
    public partial Task<ResourceList<NodeAllocation>> ListAllocationsAsync(
        NodeId node,
        [Query("filter[ip]")] string? ip = null,
        [Query("filter[port]")] int? port = null,
        [Query("filter[ip_alias]")] string? ipAlias = null,
        [Query("filter[server_id]")] string? serverId = null,
        [Query("include")] string? include = null,
        [Query("page")] int? page = null,
        [Query("per_page")] int? perPage = null,
        CancellationToken cancellationToken = default);

    /// <summary>Walks every page of a node's allocations lazily.</summary>
    /// <param name="node">The node's id.</param>
    /// <param name="ip"><c>filter[ip]</c>: exactly this IP.</param>
    /// <param name="port"><c>filter[port]</c>: exactly this port.</param>
    /// <param name="ipAlias"><c>filter[ip_alias]</c>: alias contains this text.</param>
    /// <param name="serverId"><c>filter[server_id]</c>: digits = that server's allocations; any other text = only unassigned ones.</param>
    /// <param name="include">Comma list of <c>node</c>, <c>server</c>.</param>
    /// <param name="perPage">Page size (default 50).</param>
    /// <param name="cancellationToken">Cancels the walk.</param>
    [Get("/api/application/nodes/{node}/allocations")]
    public partial IAsyncEnumerable<NodeAllocation> EnumerateAllocationsAsync(
        NodeId node,
        [Query("filter[ip]")] string? ip = null,
        [Query("filter[port]")] int? port = null,
        [Query("filter[ip_alias]")] string? ipAlias = null,
        [Query("filter[server_id]")] string? serverId = null,
        [Query("include")] string? include = null,
        [Query("per_page")] int? perPage = null,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds allocations to a node (<c>POST /api/application/nodes/{node}/allocations</c>). The panel answers 204
    /// without a body and silently skips ip:port pairs that exist already; to get the ids use
    /// <see cref="CreateAllocationsAndListAsync(NodeId, CreateNodeAllocationsRequest, CancellationToken)"/>.
    /// </summary>
    /// <param name="node">The node's id.</param>
    /// <param name="request">An IP (IPv4, CIDR /25 to /32, or host name) and ports or ranges.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="PteroApiException">400 <c>PortOutOfRangeException</c> (outside 1025-65535), <c>TooManyPortsInRangeException</c> (over 1000 in a range), <c>InvalidPortMappingException</c>, <c>CidrOutOfRangeException</c>, <c>DisplayException</c> (unusable IP).</exception>
    /// <exception cref="PteroValidationException">422 when the IP or ports are missing.</exception>
    [Post("/api/application/nodes/{node}/allocations")]
    public partial Task CreateAllocationsAsync(NodeId node, [Body] CreateNodeAllocationsRequest request, CancellationToken cancellationToken = default);

    /// <summary>Deletes an unassigned allocation (<c>DELETE /api/application/nodes/{node}/allocations/{allocation}</c>; 204).</summary>
    /// <param name="node">The node's id.</param>
    /// <param name="allocation">The allocation's id (it must be on that node).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="PteroApiException">400 <c>ServerUsingAllocationException</c> while a server uses it.</exception>
    /// <exception cref="PteroNotFoundException">No such node, or the allocation is not on it.</exception>
    [Delete("/api/application/nodes/{node}/allocations/{allocation}")]
    public partial Task DeleteAllocationAsync(NodeId node, AllocationId allocation, CancellationToken cancellationToken = default);
}
