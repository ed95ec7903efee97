using PteroAot.Testing.Http;

namespace PteroAot.Testing.Routes.Application;

/// <summary><c>/api/application/locations</c>: CRUD.</summary>
internal static class ApplicationLocationRoutes
{
    public static void Map(Router router)
    {
    }
}
