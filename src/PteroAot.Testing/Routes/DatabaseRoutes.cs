using PteroAot.Testing.Http;

namespace PteroAot.Testing.Routes;

/// <summary><c>/servers/{server}/databases</c>.</summary>
internal static class DatabaseRoutes
{
    public static void Map(Router router)
    {
    }
}
