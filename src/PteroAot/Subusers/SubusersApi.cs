using PteroAot.Endpoints;

namespace PteroAot.Subusers;

/// <summary>
/// A server's subusers (<c>/api/client/servers/{server}/users</c>), addressed by <see cref="UserUuid"/>. Needs the
/// subuser permissions <c>user.read</c>, <c>user.create</c>, <c>user.update</c> and <c>user.delete</c>; a subuser can
/// only grant permissions they hold themselves (403 otherwise) and cannot view or change themselves (403).
/// </summary>
[PteroApi(typeof(SubusersJsonContext))]
public sealed partial class SubusersApi
{
    private const string Base = "/api/client/servers/{server}/users";

    /// <summary>Lists the server's subusers (unpaginated).</summary>
    /// <param name="server">The server's identifier or UUID.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="PteroPermissionException">403 without <c>user.read</c>.</exception>
    [Get(Base)]
    public partial Task<ResourceList<Subuser>> ListAsync(ServerIdentifier server, CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds a subuser by e-mail (the panel answers 200 with it). Prefer
    /// <see cref="CreateAsync(ServerIdentifier, string, IEnumerable{string}, CancellationToken)"/>.
    /// </summary>
    /// <param name="server">The server's identifier or UUID.</param>
    /// <param name="request">The e-mail address and permissions.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new subuser.</returns>
    /// <exception cref="PteroApiException">
    /// 400 <c>ServerSubuserExistsException</c> when the user already is a subuser, 400 <c>UserIsServerOwnerException</c>
    /// for the server's owner.
    /// </exception>
    /// <exception cref="PteroPermissionException">403 when granting a permission the caller does not hold.</exception>
    /// <exception cref="PteroValidationException">422 for a missing or invalid e-mail or a missing permission list.</exception>
    [Post(Base)]
    public partial Task<Subuser> CreateAsync(ServerIdentifier server, [Body] CreateSubuserRequest request, CancellationToken cancellationToken = default);

    /// <summary>Gets one subuser.</summary>
    /// <param name="server">The server's identifier or UUID.</param>
    /// <param name="user">The subuser's user UUID.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="PteroNotFoundException">404 when the user is not a subuser of this server.</exception>
    /// <exception cref="PteroPermissionException">403 when <paramref name="user"/> is the caller.</exception>
    [Get(Base + "/{user}")]
    public partial Task<Subuser> GetAsync(ServerIdentifier server, UserUuid user, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces a subuser's permissions (a full replacement). Prefer
    /// <see cref="UpdateAsync(ServerIdentifier, UserUuid, IEnumerable{string}, CancellationToken)"/>.
    /// </summary>
    /// <param name="server">The server's identifier or UUID.</param>
    /// <param name="user">The subuser's user UUID.</param>
    /// <param name="request">The new permissions.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The subuser with its new permissions.</returns>
    /// <exception cref="PteroPermissionException">403 when granting a permission the caller does not hold.</exception>
    [Post(Base + "/{user}")]
    public partial Task<Subuser> UpdateAsync(ServerIdentifier server, UserUuid user, [Body] UpdateSubuserRequest request, CancellationToken cancellationToken = default);

    /// <summary>Removes a subuser from the server (the panel account stays).</summary>
    /// <param name="server">The server's identifier or UUID.</param>
    /// <param name="user">The subuser's user UUID.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="PteroNotFoundException">404 when the user is not a subuser of this server.</exception>
    [Delete(Base + "/{user}")]
    public partial Task DeleteAsync(ServerIdentifier server, UserUuid user, CancellationToken cancellationToken = default);
}
