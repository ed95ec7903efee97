using PteroAot.Testing.Http;

namespace PteroAot.Testing.Routes;

/// <summary>
/// The panel's server-scoped middleware for <c>/api/client/servers/{server}/...</c>: resolve the server (404 when the
/// user cannot see it), refuse servers in a conflicting state (409), then check the subuser permission (403).
/// </summary>
internal static class ServerAccess
{
    public const string NoAccess = "The requested resource does not exist on this server.";

    /// <summary>Resolves <c>{server}</c> for the current user.</summary>
    /// <param name="r">The request.</param>
    /// <param name="permission">The subuser permission the route needs, or null for any access.</param>
    /// <param name="checkState">False for the routes the panel lets through in any state (server details).</param>
    /// <returns>The server.</returns>
    public static FakeServer Resolve(ApiRequest r, string? permission = null, bool checkState = true)
    {
        var key = r.RouteValues.TryGetValue("server", out var value) ? value : "";
        var server = r.State.FindServer(key);
        if (server is null || !r.State.CanAccess(r.User, server))
        {
            throw new PanelException(404, "NotFoundHttpException", NoAccess);
        }

        if (checkState && Conflict(server) is { } conflict)
        {
            throw new PanelException(409, "ServerStateConflictException", conflict);
        }

        if (permission is not null && !r.State.HasPermission(r.User, server, permission))
        {
            throw new PanelException(403, "AccessDeniedHttpException", "This action is unauthorized.");
        }

        return server;
    }

    /// <summary>The 409 message for a server's state, in the panel's priority order; null when none applies.</summary>
    public static string? Conflict(FakeServer server) => server switch
    {
        { Status: "suspended" } => "This server is currently suspended and the functionality requested is unavailable.",
        { NodeUnderMaintenance: true } => "The node of this server is currently under maintenance and the functionality requested is unavailable.",
        { Status: "installing" or "install_failed" } => "This server has not yet completed its installation process, please try again later.",
        { Status: "restoring_backup" } => "This server is currently restoring from a backup, please try again later.",
        { IsTransferring: true } => "This server is currently being transferred to a new machine, please try again later.",
        _ => null,
    };

    /// <summary>A 404 for a sub-resource (backup, schedule, database, ...) that is not this server's.</summary>
    public static PanelException SubResourceNotFound() =>
        new(404, "NotFoundHttpException", "The requested resource was not found for this server.");
}
