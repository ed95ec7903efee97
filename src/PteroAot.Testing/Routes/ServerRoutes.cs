using PteroAot.Testing.Http;

namespace PteroAot.Testing.Routes;

/// <summary><c>/api/client</c> server list, permissions, and <c>/servers/{server}</c> details, resources, power, command, websocket, activity and settings.</summary>
internal static class ServerRoutes
{
    public static void Map(Router router)
    {
    }
}
