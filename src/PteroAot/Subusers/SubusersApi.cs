using PteroAot.Endpoints;

namespace PteroAot.Subusers;

/// <summary>A server's subusers, addressed by <see cref="UserUuid"/>.</summary>
[PteroApi(typeof(SubusersJsonContext))]
public sealed partial class SubusersApi
{
}
