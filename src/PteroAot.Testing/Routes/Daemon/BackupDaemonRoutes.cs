using PteroAot.Testing.Http;

namespace PteroAot.Testing.Routes.Daemon;

/// <summary>The signed backup download URL (Wings' <c>/download/backup</c>), under <c>/daemon/</c>.</summary>
internal static class BackupDaemonRoutes
{
    public static void Map(DaemonRouter daemon)
    {
    }
}
