using PteroAot.Endpoints;

namespace PteroAot.Application;

/// <summary>Databases of a server in the Application API (<c>/api/application/servers/{server}/databases</c>).</summary>
[PteroApi(typeof(ApplicationJsonContext))]
public sealed partial class ApplicationDatabasesApi
{
}
