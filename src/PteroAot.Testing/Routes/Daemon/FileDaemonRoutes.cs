using PteroAot.Testing.Http;

namespace PteroAot.Testing.Routes.Daemon;

/// <summary>The signed file download and upload URLs (Wings' <c>/download/file</c> and <c>/upload/file</c>), under <c>/daemon/</c>.</summary>
internal static class FileDaemonRoutes
{
    public static void Map(DaemonRouter daemon)
    {
    }
}
