using PteroAot.Http;
using PteroAot.Servers;

namespace PteroAot.Consoles;

/// <summary>Opens live console sessions over the Wings websocket.</summary>
public sealed class ConsoleApi
{
    private readonly PteroConnection _connection;
    private readonly ServersApi _servers;

    internal ConsoleApi(PteroConnection connection, ServersApi servers)
    {
        _connection = connection;
        _servers = servers;
    }

    /// <summary>
    /// Fetches websocket credentials, connects with <c>Origin</c> set to the panel URL, authenticates and (by default) asks for
    /// the recent log. Returns once Wings answered <c>auth success</c>.
    /// </summary>
    /// <param name="server">The server.</param>
    /// <param name="options">Reconnect and buffering settings.</param>
    /// <param name="cancellationToken">Cancels connecting only; end the session with <see cref="ServerConsole.DisposeAsync"/>.</param>
    /// <returns>The open session.</returns>
    /// <exception cref="PteroPermissionException">403: no <c>websocket.connect</c>.</exception>
    /// <exception cref="PteroConflictException">409: the server is suspended, installing, transferring or restoring.</exception>
    /// <exception cref="PteroConsoleException">Wings refused the upgrade (403 Origin) or the token, or could not be reached.</exception>
    public async Task<ServerConsole> ConnectAsync(ServerIdentifier server, ConsoleOptions? options = null, CancellationToken cancellationToken = default)
    {
        var console = new ServerConsole(_connection, _servers, server, options ?? new ConsoleOptions());
        try
        {
            await console.StartAsync(cancellationToken).ConfigureAwait(false);
            return console;
        }
        catch
        {
            await console.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
