using PteroAot.Endpoints;

namespace PteroAot.Application;

/// <summary>Locations of the Application API (<c>/api/application/locations</c>).</summary>
[PteroApi(typeof(ApplicationJsonContext))]
public sealed partial class LocationsApi
{
}
