using PteroAot.Endpoints;

namespace PteroAot.Application;

/// <summary>Users of the Application API (<c>/api/application/users</c>): list with filters, view by id or external id, create, update (a full replacement), delete.</summary>
[PteroApi(typeof(ApplicationJsonContext))]
public sealed partial class ApplicationUsersApi
{
}
