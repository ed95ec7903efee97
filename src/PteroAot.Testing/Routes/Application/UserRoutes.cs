using PteroAot.Testing.Http;

namespace PteroAot.Testing.Routes.Application;

/// <summary><c>/api/application/users</c>: list, view, view by external id, create, update, delete.</summary>
internal static class ApplicationUserRoutes
{
    public static void Map(Router router)
    {
    }
}
