using PteroAot.Endpoints;

namespace PteroAot.Application;

/// <summary>Nodes of the Application API (<c>/api/application/nodes</c>) and their allocations.</summary>
[PteroApi(typeof(ApplicationJsonContext))]
public sealed partial class NodesApi
{
}
