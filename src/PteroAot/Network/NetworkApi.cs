using PteroAot.Endpoints;

namespace PteroAot.Network;

/// <summary>
/// A server's network allocations (<c>/api/client/servers/{server}/network/allocations</c>), addressed by
/// <see cref="AllocationId"/>; an allocation of another server is a 404. Needs the subuser permissions
/// <c>allocation.read</c>, <c>allocation.create</c>, <c>allocation.update</c> and <c>allocation.delete</c>.
/// </summary>
[PteroApi(typeof(NetworkJsonContext))]
public sealed partial class NetworkApi
{
    private const string Base = "/api/client/servers/{server}/network/allocations";

    /// <summary>Lists the server's allocations (unpaginated); <see cref="NetworkAllocation.IsDefault"/> marks the primary one.</summary>
    /// <param name="server">The server's identifier or UUID.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [Get(Base)]
    public partial Task<ResourceList<NetworkAllocation>> ListAsync(ServerIdentifier server, CancellationToken cancellationToken = default);

    /// <summary>
    /// Assigns one more allocation to the server (auto-allocation): a free allocation on the primary IP, or a new one
    /// on a free port of the panel's configured range.
    /// </summary>
    /// <param name="server">The server's identifier or UUID.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new allocation.</returns>
    /// <exception cref="PteroApiException">
    /// 400 when the server is at its allocation limit (or has none), when the panel has not enabled client
    /// auto-allocation (<c>AutoAllocationNotEnabledException</c>), or when no port is free
    /// (<c>NoAutoAllocationSpaceAvailableException</c>).
    /// </exception>
    [Post(Base)]
    public partial Task<NetworkAllocation> AssignAsync(ServerIdentifier server, CancellationToken cancellationToken = default);

    /// <summary>Sets or clears an allocation's notes. Prefer <see cref="SetNotesAsync(ServerIdentifier, AllocationId, string?, CancellationToken)"/>.</summary>
    /// <param name="server">The server's identifier or UUID.</param>
    /// <param name="allocation">The allocation's id.</param>
    /// <param name="request">The notes (null clears them).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="PteroValidationException">422 for notes over 256 characters.</exception>
    [Post(Base + "/{allocation}")]
    public partial Task<NetworkAllocation> UpdateNotesAsync(ServerIdentifier server, AllocationId allocation, [Body] UpdateAllocationNotesRequest request,
        CancellationToken cancellationToken = default);

    /// <summary>Makes an allocation the server's primary one.</summary>
    /// <param name="server">The server's identifier or UUID.</param>
    /// <param name="allocation">The allocation's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The allocation, now with <see cref="NetworkAllocation.IsDefault"/> set.</returns>
    [Post(Base + "/{allocation}/primary")]
    public partial Task<NetworkAllocation> SetPrimaryAsync(ServerIdentifier server, AllocationId allocation, CancellationToken cancellationToken = default);

    /// <summary>Removes an allocation from the server (it stays on the node, free for others); its notes are cleared.</summary>
    /// <param name="server">The server's identifier or UUID.</param>
    /// <param name="allocation">The allocation's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="PteroApiException">400 for the primary allocation, or when the server has no allocation limit set.</exception>
    [Delete(Base + "/{allocation}")]
    public partial Task DeleteAsync(ServerIdentifier server, AllocationId allocation, CancellationToken cancellationToken = default);
}
