using PteroAot.Testing.Http;

namespace PteroAot.Testing.Routes;

/// <summary><c>/servers/{server}/startup</c>.</summary>
internal static class StartupRoutes
{
    public static void Map(Router router)
    {
    }
}
