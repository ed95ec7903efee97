using PteroAot.Endpoints;

namespace PteroAot.Servers;

/// <summary>Servers of the Client API: listing (every page), details, resources, power, console commands, websocket credentials, activity, system permissions, and settings (rename, reinstall, Docker image). Servers are addressed by <see cref="ServerIdentifier"/>.</summary>
[PteroApi(typeof(ServersJsonContext))]
public sealed partial class ServersApi
{
}
