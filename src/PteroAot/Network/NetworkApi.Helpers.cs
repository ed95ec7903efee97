namespace PteroAot.Network;

// Hand-written conveniences over the generated endpoints.
public sealed partial class NetworkApi
{
    /// <summary>Sets an allocation's notes, or clears them with null.</summary>
    /// <param name="server">The server's identifier or UUID.</param>
    /// <param name="allocation">The allocation's id.</param>
    /// <param name="notes">The notes (at most 256 characters), or null to clear them.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The allocation.</returns>
    public Task<NetworkAllocation> SetNotesAsync(ServerIdentifier server, AllocationId allocation, string? notes, CancellationToken cancellationToken = default)
        => UpdateNotesAsync(server, allocation, new UpdateAllocationNotesRequest { Notes = notes }, cancellationToken);
}
