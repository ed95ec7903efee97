namespace PteroAot.Subusers;

// Hand-written conveniences over the generated endpoints.
public sealed partial class SubusersApi
{
    /// <summary>Adds a subuser by e-mail with the given permissions.</summary>
    /// <param name="server">The server's identifier or UUID.</param>
    /// <param name="email">The user's e-mail address (the account is created when unknown).</param>
    /// <param name="permissions">Permission strings such as <c>control.console</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new subuser.</returns>
    public Task<Subuser> CreateAsync(ServerIdentifier server, string email, IEnumerable<string> permissions, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(email);
        ArgumentNullException.ThrowIfNull(permissions);
        return CreateAsync(server, new CreateSubuserRequest { Email = email, Permissions = [.. permissions] }, cancellationToken);
    }

    /// <summary>Replaces a subuser's permissions.</summary>
    /// <param name="server">The server's identifier or UUID.</param>
    /// <param name="user">The subuser's user UUID.</param>
    /// <param name="permissions">The full new set of permission strings.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The subuser with its new permissions.</returns>
    public Task<Subuser> UpdateAsync(ServerIdentifier server, UserUuid user, IEnumerable<string> permissions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(permissions);
        return UpdateAsync(server, user, new UpdateSubuserRequest { Permissions = [.. permissions] }, cancellationToken);
    }
}
