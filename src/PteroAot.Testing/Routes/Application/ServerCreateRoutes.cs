using PteroAot.Testing.Http;

namespace PteroAot.Testing.Routes.Application;

/// <summary><c>POST /api/application/servers</c>: create a server, validated like the panel.</summary>
internal static class ApplicationServerCreateRoutes
{
    public static void Map(Router router)
    {
    }
}
