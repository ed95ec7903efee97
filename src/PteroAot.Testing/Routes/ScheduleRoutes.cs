using PteroAot.Testing.Http;

namespace PteroAot.Testing.Routes;

/// <summary><c>/servers/{server}/schedules</c> and their tasks.</summary>
internal static class ScheduleRoutes
{
    public static void Map(Router router)
    {
    }
}
