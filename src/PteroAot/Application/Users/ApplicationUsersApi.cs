using PteroAot.Endpoints;

namespace PteroAot.Application;

/// <summary>
/// Users of the Application API (<c>/api/application/users</c>): list with filters, view by id or external id, create,
/// update (a full replacement: prefer <see cref="UpdateAsync(UserId, Func{UpdateUserRequest, UpdateUserRequest}, CancellationToken)"/>),
/// delete.
/// </summary>
[PteroApi(typeof(ApplicationJsonContext))]
public sealed partial class ApplicationUsersApi
{
    /// <summary>
    /// Gets one page of users (<c>GET /api/application/users</c>). Filters match parts of the value
    /// (case-insensitive; a comma separates alternatives). Prefer
    /// <see cref="EnumerateAsync(string?, string?, string?, string?, string?, string?, int?, CancellationToken)"/> to get all of them.
    /// </summary>
    /// <param name="email"><c>filter[email]</c>: e-mail contains this text.</param>
    /// <param name="uuid"><c>filter[uuid]</c>: UUID contains this text.</param>
    /// <param name="username"><c>filter[username]</c>: username contains this text.</param>
    /// <param name="externalId"><c>filter[external_id]</c>: external id contains this text.</param>
    /// <param name="sort"><c>id</c>, <c>-id</c>, <c>uuid</c> or <c>-uuid</c>.</param>
    /// <param name="include"><c>servers</c>, or use <see cref="IncludeQuery.Format(ApplicationUserInclude)"/>.</param>
    /// <param name="page">Page number from 1.</param>
    /// <param name="perPage">Page size (default 50; the panel sets no upper limit).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="PteroApiException">400 <c>InvalidFilterQuery</c>/<c>InvalidSortQuery</c> for a filter or sort the panel does not know.</exception>
    [Get("/api/application/users")]
    public partial Task<ResourceList<ApplicationUser>> ListAsync(
        [Query("filter[email]")] string? email = null,
        [Query("filter[uuid]")] string? uuid = null,
        [Query("filter[username]")] string? username = null,
        [Query("filter[external_id]")] string? externalId = null,
        [Query("sort")] string? sort = null,
        [Query("include")] string? include = null,
        [Query("page")] int? page = null,
        [Query("per_page")] int? perPage = null,
        CancellationToken cancellationToken = default);

    /// <summary>Walks every page of the user list lazily (one request per page), so no user is missed past page one.</summary>
    /// <param name="email"><c>filter[email]</c>: e-mail contains this text.</param>
    /// <param name="uuid"><c>filter[uuid]</c>: UUID contains this text.</param>
    /// <param name="username"><c>filter[username]</c>: username contains this text.</param>
    /// <param name="externalId"><c>filter[external_id]</c>: external id contains this text.</param>
    /// <param name="sort"><c>id</c>, <c>-id</c>, <c>uuid</c> or <c>-uuid</c>.</param>
    /// <param name="include"><c>servers</c>, or use <see cref="IncludeQuery.Format(ApplicationUserInclude)"/>.</param>
    /// <param name="perPage">Page size (default 50, no upper limit).</param>
    /// <param name="cancellationToken">Cancels the walk.</param>
    [Get("/api/application/users")]
    public partial IAsyncEnumerable<ApplicationUser> EnumerateAsync(
        [Query("filter[email]")] string? email = null,
        [Query("filter[uuid]")] string? uuid = null,
        [Query("filter[username]")] string? username = null,
        [Query("filter[external_id]")] string? externalId = null,
        [Query("sort")] string? sort = null,
        [Query("include")] string? include = null,
        [Query("per_page")] int? perPage = null,
        CancellationToken cancellationToken = default);

    /// <summary>Gets a user by numeric id (<c>GET /api/application/users/{user}</c>).</summary>
    /// <param name="user">The user's id.</param>
    /// <param name="include"><c>servers</c>, or use the <see cref="ApplicationUserInclude"/> overload.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="PteroNotFoundException">No such user.</exception>
    [Get("/api/application/users/{user}")]
    public partial Task<ApplicationUser> GetAsync(UserId user, [Query("include")] string? include = null,
        CancellationToken cancellationToken = default);

    /// <summary>Gets a user by the integrator's external id (<c>GET /api/application/users/external/{external_id}</c>).</summary>
    /// <param name="externalId">The external id, exactly as set (it is escaped into the URL).</param>
    /// <param name="include"><c>servers</c>, or use the <see cref="ApplicationUserInclude"/> overload.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="PteroNotFoundException">No user has this external id.</exception>
    [Get("/api/application/users/external/{external_id}")]
    public partial Task<ApplicationUser> GetByExternalIdAsync([Path("external_id")] string externalId, [Query("include")] string? include = null,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates a user (<c>POST /api/application/users</c>, 201). Without a password the panel e-mails a setup link;
    /// the API never returns passwords.
    /// </summary>
    /// <param name="request">E-mail, username, names, and the optional external id, password, language, admin flag.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="PteroValidationException">422: a missing name, an invalid or taken e-mail, username or external id (see <see cref="PteroValidationException.FieldErrors"/>).</exception>
    [Post("/api/application/users")]
    public partial Task<ApplicationUser> CreateAsync([Body] CreateUserRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces a user's details (<c>PATCH /api/application/users/{user}</c>). NOT a partial update: e-mail,
    /// username, first and last name are required every time and the external id is always written (null clears it).
    /// To change one field and keep the rest, use
    /// <see cref="UpdateAsync(UserId, Func{UpdateUserRequest, UpdateUserRequest}, CancellationToken)"/>.
    /// </summary>
    /// <param name="user">The user's id.</param>
    /// <param name="request">The complete new details; a null password keeps the current one.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="PteroNotFoundException">No such user.</exception>
    /// <exception cref="PteroValidationException">422: a required field is missing, or an e-mail, username or external id is invalid or taken.</exception>
    [Patch("/api/application/users/{user}")]
    public partial Task<ApplicationUser> UpdateAsync(UserId user, [Body] UpdateUserRequest request, CancellationToken cancellationToken = default);

    /// <summary>Deletes a user (<c>DELETE /api/application/users/{user}</c>, 204).</summary>
    /// <param name="user">The user's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="PteroNotFoundException">No such user.</exception>
    /// <exception cref="PteroApiException">400 <c>DisplayException</c> while the user still owns servers (delete or transfer them first).</exception>
    [Delete("/api/application/users/{user}")]
    public partial Task DeleteAsync(UserId user, CancellationToken cancellationToken = default);
}
