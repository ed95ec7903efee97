using PteroAot.Endpoints;

namespace PteroAot.Network;

/// <summary>A server's network allocations (<see cref="AllocationId"/>).</summary>
[PteroApi(typeof(NetworkJsonContext))]
public sealed partial class NetworkApi
{
}
