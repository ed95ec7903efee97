using PteroAot.Testing.Http;

namespace PteroAot.Testing.Routes;

/// <summary><c>/servers/{server}/backups</c>.</summary>
internal static class BackupRoutes
{
    public static void Map(Router router)
    {
    }
}
