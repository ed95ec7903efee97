using PteroAot.Testing.Http;
using PteroAot.Testing.Routes.Daemon;

namespace PteroAot.Testing.Routes;

/// <summary>Every route the fake panel serves (client, then application), one line per area.</summary>
internal static class ClientRoutes
{
    public static void Map(Router router, DaemonRouter daemon, FakePanelOptions options)
    {
        AccountRoutes.Map(router, options.Version);
        ServerRoutes.Map(router);
        StartupRoutes.Map(router);
        FileRoutes.Map(router);
        DatabaseRoutes.Map(router);
        ScheduleRoutes.Map(router);
        NetworkRoutes.Map(router);
        SubuserRoutes.Map(router);
        BackupRoutes.Map(router);
        Application.ApplicationRoutes.Map(router);

        FileDaemonRoutes.Map(daemon);
        BackupDaemonRoutes.Map(daemon);
    }
}
