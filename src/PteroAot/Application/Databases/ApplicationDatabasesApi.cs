using PteroAot.Endpoints;

namespace PteroAot.Application;

/// <summary>
/// Databases of a server in the Application API (<c>/api/application/servers/{server}/databases</c>). Servers are
/// addressed by their numeric <see cref="ServerId"/>, databases by their numeric <see cref="ServerDatabaseId"/> (the
/// Client API shows the same databases with hashids instead).
/// </summary>
[PteroApi(typeof(ApplicationJsonContext))]
public sealed partial class ApplicationDatabasesApi
{
    /// <summary>Lists the server's databases (<c>GET .../databases</c>; the whole list, not paginated).</summary>
    /// <param name="server">The server's numeric id (not its identifier).</param>
    /// <param name="include">Comma list of <c>password</c>, <c>host</c> (see the <see cref="ApplicationDatabaseInclude"/> overload).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="PteroNotFoundException">No such server.</exception>
    [Get("/api/application/servers/{server}/databases")]
    public partial Task<ResourceList<ApplicationDatabase>> ListAsync(ServerId server, [Query("include")] string? include = null,
        CancellationToken cancellationToken = default);

    /// <summary>Gets one of the server's databases (<c>GET .../databases/{database}</c>).</summary>
    /// <param name="server">The server's numeric id.</param>
    /// <param name="database">The database's numeric id.</param>
    /// <param name="include">Comma list of <c>password</c>, <c>host</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="PteroNotFoundException">No such server, or the database is not one of its.</exception>
    [Get("/api/application/servers/{server}/databases/{database}")]
    public partial Task<ApplicationDatabase> GetAsync(ServerId server, ServerDatabaseId database, [Query("include")] string? include = null,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates a database named <c>s{server}_{database}</c> on a database host (<c>POST .../databases</c>; 201). The
    /// answer has no password: read it with <see cref="ApplicationDatabaseInclude.Password"/>.
    /// </summary>
    /// <param name="server">The server's numeric id.</param>
    /// <param name="request">Name (without the prefix), allowed remote and host.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="PteroValidationException">422 for a bad or taken name, a bad remote or an unknown host.</exception>
    /// <exception cref="PteroApiException">400 <c>TooManyDatabasesException</c> when the server's database limit is reached.</exception>
    [Post("/api/application/servers/{server}/databases")]
    public partial Task<ApplicationDatabase> CreateAsync(ServerId server, [Body] CreateServerDatabaseRequest request,
        CancellationToken cancellationToken = default);

    /// <summary>Sets a new random password (<c>POST .../databases/{database}/reset-password</c>; 204, no body).</summary>
    /// <param name="server">The server's numeric id.</param>
    /// <param name="database">The database's numeric id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="PteroNotFoundException">No such server, or the database is not one of its.</exception>
    [Post("/api/application/servers/{server}/databases/{database}/reset-password")]
    public partial Task ResetPasswordAsync(ServerId server, ServerDatabaseId database, CancellationToken cancellationToken = default);

    /// <summary>Deletes a database (<c>DELETE .../databases/{database}</c>; 204).</summary>
    /// <param name="server">The server's numeric id.</param>
    /// <param name="database">The database's numeric id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="PteroNotFoundException">No such server, or the database is not one of its.</exception>
    [Delete("/api/application/servers/{server}/databases/{database}")]
    public partial Task DeleteAsync(ServerId server, ServerDatabaseId database, CancellationToken cancellationToken = default);
}
