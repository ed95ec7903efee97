using PteroAot.Testing.Http;

namespace PteroAot.Testing.Routes.Application;

/// <summary><c>/api/application/servers</c>: list, view, view by external id, details, build, startup, suspend, unsuspend, reinstall, delete.</summary>
internal static class ApplicationServerRoutes
{
    public static void Map(Router router)
    {
    }
}
