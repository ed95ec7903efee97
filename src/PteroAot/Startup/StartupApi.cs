using PteroAot.Endpoints;

namespace PteroAot.Startup;

/// <summary>A server's startup variables and command (<c>/servers/{server}/startup</c>). Servers are addressed by <see cref="ServerIdentifier"/>.</summary>
[PteroApi(typeof(StartupJsonContext))]
public sealed partial class StartupApi
{
    /// <summary>
    /// Gets the viewable startup variables with the startup command and the egg's Docker images in <c>Meta</c>.
    /// Needs <c>startup.read</c>.
    /// </summary>
    /// <param name="server">The server's <see cref="ServerIdentifier"/> (8-character identifier or UUID), not its numeric id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [Get("/api/client/servers/{server}/startup")]
    public partial Task<ResourceList<EggVariable, StartupMeta>> GetAsync(ServerIdentifier server, CancellationToken cancellationToken = default);

    /// <summary>
    /// Changes a startup variable; returns it with the new startup command. Needs <c>startup.update</c>; 400 for an
    /// unknown or read-only variable, 422 when the value breaks the variable's rules (field <c>value</c>).
    /// </summary>
    /// <param name="server">The server's <see cref="ServerIdentifier"/>.</param>
    /// <param name="request">The key and value.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [Put("/api/client/servers/{server}/startup/variable")]
    public partial Task<Resource<EggVariable, StartupCommandMeta>> UpdateVariableAsync(ServerIdentifier server, [Body] UpdateStartupVariableRequest request,
        CancellationToken cancellationToken = default);
}
