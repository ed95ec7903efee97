using PteroAot.Endpoints;

namespace PteroAot.Startup;

/// <summary>A server's startup variables and command (<c>/servers/{server}/startup</c>).</summary>
[PteroApi(typeof(StartupJsonContext))]
public sealed partial class StartupApi
{
}
