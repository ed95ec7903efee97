using PteroAot.Testing.Http;

namespace PteroAot.Testing.Routes;

/// <summary><c>/servers/{server}/files/*</c>.</summary>
internal static class FileRoutes
{
    public static void Map(Router router)
    {
    }
}
