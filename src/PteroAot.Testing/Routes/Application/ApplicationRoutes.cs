using PteroAot.Testing.Http;

namespace PteroAot.Testing.Routes.Application;

/// <summary>Every Application API route the fake panel serves, one line per area.</summary>
internal static class ApplicationRoutes
{
    public static void Map(Router router)
    {
        ApplicationUserRoutes.Map(router);
        ApplicationLocationRoutes.Map(router);
        ApplicationNodeRoutes.Map(router);
        ApplicationServerCreateRoutes.Map(router);
        ApplicationServerRoutes.Map(router);
        ApplicationDatabaseRoutes.Map(router);
        ApplicationNestRoutes.Map(router);
    }
}
