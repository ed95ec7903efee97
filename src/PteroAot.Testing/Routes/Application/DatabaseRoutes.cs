using PteroAot.Testing.Http;

namespace PteroAot.Testing.Routes.Application;

/// <summary><c>/api/application/servers/{server}/databases</c>: list, view, create, reset password, delete.</summary>
internal static class ApplicationDatabaseRoutes
{
    public static void Map(Router router)
    {
    }
}
