namespace PteroAot.Application;

// Hand-written conveniences over the generated endpoints.
public sealed partial class ApplicationUsersApi
{
    /// <summary>Gets one page of users with the given relationships.</summary>
    /// <param name="include">The relationships to include.</param>
    /// <param name="page">Page number from 1.</param>
    /// <param name="perPage">Page size (default 50, no upper limit).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<ResourceList<ApplicationUser>> ListAsync(ApplicationUserInclude include, int? page = null, int? perPage = null,
        CancellationToken cancellationToken = default)
        => ListAsync(include: IncludeQuery.Format(include), page: page, perPage: perPage, cancellationToken: cancellationToken);

    /// <summary>Walks every user with the given relationships.</summary>
    /// <param name="include">The relationships to include.</param>
    /// <param name="perPage">Page size (default 50, no upper limit).</param>
    /// <param name="cancellationToken">Cancels the walk.</param>
    public IAsyncEnumerable<ApplicationUser> EnumerateAsync(ApplicationUserInclude include, int? perPage = null, CancellationToken cancellationToken = default)
        => EnumerateAsync(include: IncludeQuery.Format(include), perPage: perPage, cancellationToken: cancellationToken);

    /// <summary>Gets a user with the given relationships (e.g. <see cref="ApplicationUserInclude.Servers"/>).</summary>
    /// <param name="user">The user's id.</param>
    /// <param name="include">The relationships to include.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<ApplicationUser> GetAsync(UserId user, ApplicationUserInclude include, CancellationToken cancellationToken = default)
        => GetAsync(user, IncludeQuery.Format(include), cancellationToken);

    /// <summary>Gets a user by external id with the given relationships.</summary>
    /// <param name="externalId">The external id.</param>
    /// <param name="include">The relationships to include.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<ApplicationUser> GetByExternalIdAsync(string externalId, ApplicationUserInclude include, CancellationToken cancellationToken = default)
        => GetByExternalIdAsync(externalId, IncludeQuery.Format(include), cancellationToken);

    /// <summary>
    /// Changes some of a user's details safely: reads the user, builds the complete request from what the panel
    /// holds now (<see cref="ToUpdateRequest"/>), applies <paramref name="change"/>, and sends the full replacement.
    /// Fields the change leaves alone keep their values (the password too, unless the change sets one).
    /// </summary>
    /// <example><code>await panel.Application.Users.UpdateAsync(id, r => r with { Email = "new@example.com" });</code></example>
    /// <param name="user">The user's id.</param>
    /// <param name="change">Returns the request to send, usually <c>r =&gt; r with { ... }</c>.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The user as the panel holds it afterwards.</returns>
    /// <remarks>Two requests, not atomic: a change made by someone else between them is overwritten.</remarks>
    public async Task<ApplicationUser> UpdateAsync(UserId user, Func<UpdateUserRequest, UpdateUserRequest> change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        var current = await GetAsync(user, (string?)null, cancellationToken).ConfigureAwait(false);
        var request = change(ToUpdateRequest(current)) ?? throw new InvalidOperationException("The change returned no request.");
        return await UpdateAsync(user, request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The update request that rewrites <paramref name="user"/> exactly as it is: every field copied, no password
    /// (so the current one is kept).
    /// </summary>
    /// <param name="user">A user as the panel returned it.</param>
    public static UpdateUserRequest ToUpdateRequest(ApplicationUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new UpdateUserRequest
        {
            Email = user.Email,
            Username = user.Username,
            FirstName = user.FirstName,
            LastName = user.LastName,
            ExternalId = user.ExternalId,
            Language = string.IsNullOrEmpty(user.Language) ? null : user.Language,
            RootAdmin = user.RootAdmin,
        };
    }
}
