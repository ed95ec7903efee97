using PteroAot.Endpoints;

namespace PteroAot.Databases;

/// <summary>A server's databases (<see cref="DatabaseId"/> hashids).</summary>
[PteroApi(typeof(DatabasesJsonContext))]
public sealed partial class DatabasesApi
{
}
