using PteroAot.Endpoints;

namespace PteroAot.Databases;

/// <summary>
/// A server's databases (<c>/api/client/servers/{server}/databases</c>). Servers are addressed by
/// <see cref="ServerIdentifier"/>, databases by their <see cref="DatabaseId"/> hashid (the <c>id</c> the list returns).
/// </summary>
[PteroApi(typeof(DatabasesJsonContext))]
public sealed partial class DatabasesApi
{
    /// <summary>Lists the server's databases (not paginated). Needs <c>database.read</c>.</summary>
    /// <param name="server">The server's identifier or UUID.</param>
    /// <param name="include"><c>password</c> to include each password (needs <c>database.view_password</c>, else the password is absent).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [Get("/api/client/servers/{server}/databases")]
    public partial Task<ResourceList<ServerDatabase>> ListAsync(ServerIdentifier server, [Query("include")] string? include = null,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates a database (named <c>s{server id}_{name}</c>) and returns it with its password (when the key may view
    /// passwords). Answers 200. Needs <c>database.create</c>.
    /// </summary>
    /// <param name="server">The server's identifier or UUID.</param>
    /// <param name="request">The name without prefix and the allowed connection source.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="PteroApiException">400 <c>TooManyDatabasesException</c> when the server's database limit is reached.</exception>
    /// <exception cref="PteroValidationException">422 for an invalid or taken name or remote.</exception>
    [Post("/api/client/servers/{server}/databases")]
    public partial Task<ServerDatabase> CreateAsync(ServerIdentifier server, [Body] CreateDatabaseRequest request, CancellationToken cancellationToken = default);

    /// <summary>Sets a new random password and returns the database with it. Needs <c>database.update</c>.</summary>
    /// <param name="server">The server's identifier or UUID.</param>
    /// <param name="database">The database's hashid.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="PteroNotFoundException">No such database on this server.</exception>
    [Post("/api/client/servers/{server}/databases/{database}/rotate-password")]
    public partial Task<ServerDatabase> RotatePasswordAsync(ServerIdentifier server, DatabaseId database, CancellationToken cancellationToken = default);

    /// <summary>Deletes a database. Needs <c>database.delete</c>.</summary>
    /// <param name="server">The server's identifier or UUID.</param>
    /// <param name="database">The database's hashid.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="PteroNotFoundException">No such database on this server.</exception>
    [Delete("/api/client/servers/{server}/databases/{database}")]
    public partial Task DeleteAsync(ServerIdentifier server, DatabaseId database, CancellationToken cancellationToken = default);

    /// <summary>Lists the server's databases with their passwords (null where the key lacks <c>database.view_password</c>).</summary>
    /// <param name="server">The server's identifier or UUID.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<ResourceList<ServerDatabase>> ListWithPasswordsAsync(ServerIdentifier server, CancellationToken cancellationToken = default)
        => ListAsync(server, "password", cancellationToken);

    /// <summary>Creates a database. Needs <c>database.create</c>.</summary>
    /// <param name="server">The server's identifier or UUID.</param>
    /// <param name="name">The name without the <c>s{id}_</c> prefix (letters, digits, dashes, underscores; 3-48).</param>
    /// <param name="remote">Where connections may come from, e.g. <c>%</c> (anywhere) or <c>172.18.0.%</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<ServerDatabase> CreateAsync(ServerIdentifier server, string name, string remote = "%", CancellationToken cancellationToken = default)
        => CreateAsync(server, new CreateDatabaseRequest { Database = name, Remote = remote }, cancellationToken);
}
