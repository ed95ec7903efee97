using PteroAot.Testing.Http;

namespace PteroAot.Testing.Routes.Application;

/// <summary><c>/api/application/nests</c> and their eggs.</summary>
internal static class ApplicationNestRoutes
{
    public static void Map(Router router)
    {
    }
}
