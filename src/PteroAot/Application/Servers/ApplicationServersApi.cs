using PteroAot.Endpoints;

namespace PteroAot.Application;

/// <summary>Servers of the Application API (<c>/api/application/servers</c>), addressed by their numeric <see cref="ServerId"/>.</summary>
[PteroApi(typeof(ApplicationJsonContext))]
public sealed partial class ApplicationServersApi
{
}
