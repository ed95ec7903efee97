using PteroAot.Endpoints;

namespace PteroAot.Application;

/// <summary>Nests and eggs of the Application API (<c>/api/application/nests</c>).</summary>
[PteroApi(typeof(ApplicationJsonContext))]
public sealed partial class NestsApi
{
}
