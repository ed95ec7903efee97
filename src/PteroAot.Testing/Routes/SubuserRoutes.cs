using PteroAot.Testing.Http;

namespace PteroAot.Testing.Routes;

/// <summary><c>/servers/{server}/users</c>.</summary>
internal static class SubuserRoutes
{
    public static void Map(Router router)
    {
    }
}
