namespace PteroAot.Application;

// Hand-written conveniences over the generated endpoints.
public sealed partial class ApplicationDatabasesApi
{
    /// <summary>Lists the server's databases with the given relationships included.</summary>
    /// <param name="server">The server's numeric id.</param>
    /// <param name="include">The relationships to include (<see cref="ApplicationDatabaseInclude.Password"/> for the passwords).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<ResourceList<ApplicationDatabase>> ListAsync(ServerId server, ApplicationDatabaseInclude include, CancellationToken cancellationToken = default)
        => ListAsync(server, IncludeQuery.Format(include), cancellationToken);

    /// <summary>Gets a database with the given relationships included.</summary>
    /// <param name="server">The server's numeric id.</param>
    /// <param name="database">The database's numeric id.</param>
    /// <param name="include">The relationships to include.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<ApplicationDatabase> GetAsync(ServerId server, ServerDatabaseId database, ApplicationDatabaseInclude include,
        CancellationToken cancellationToken = default)
        => GetAsync(server, database, IncludeQuery.Format(include), cancellationToken);

    /// <summary>Creates a database <c>s{server}_{name}</c> on a host.</summary>
    /// <param name="server">The server's numeric id.</param>
    /// <param name="name">The name without the prefix (letters, digits, <c>-</c>, <c>_</c>; 1 to 48).</param>
    /// <param name="host">The database host.</param>
    /// <param name="remote">Where connections may come from: <c>%</c> (anywhere) or an IPv4 pattern such as <c>10.0.0.%</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<ApplicationDatabase> CreateAsync(ServerId server, string name, DatabaseHostId host, string remote = "%",
        CancellationToken cancellationToken = default)
        => CreateAsync(server, new CreateServerDatabaseRequest { Database = name, Remote = remote, HostId = host }, cancellationToken);

    /// <summary>
    /// Sets a new random password, then reads the database with it: two calls, because the reset answers 204 with
    /// no body. The result's <see cref="ApplicationDatabase.Password"/> is the new password (a secret).
    /// </summary>
    /// <param name="server">The server's numeric id.</param>
    /// <param name="database">The database's numeric id.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    public async Task<ApplicationDatabase> ResetPasswordAndGetAsync(ServerId server, ServerDatabaseId database, CancellationToken cancellationToken = default)
    {
        await ResetPasswordAsync(server, database, cancellationToken).ConfigureAwait(false);
        return await GetAsync(server, database, ApplicationDatabaseInclude.Password, cancellationToken).ConfigureAwait(false);
    }
}
