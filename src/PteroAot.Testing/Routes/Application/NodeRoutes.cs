using PteroAot.Testing.Http;

namespace PteroAot.Testing.Routes.Application;

/// <summary><c>/api/application/nodes</c>: list, deployable, view, configuration, create, update, delete, and the node's allocations.</summary>
internal static class ApplicationNodeRoutes
{
    public static void Map(Router router)
    {
    }
}
