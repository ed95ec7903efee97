using PteroAot.Testing.Http;

namespace PteroAot.Testing.Routes;

/// <summary><c>/servers/{server}/network/allocations</c>.</summary>
internal static class NetworkRoutes
{
    public static void Map(Router router)
    {
    }
}
