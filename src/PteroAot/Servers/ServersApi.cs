using PteroAot.Account;
using PteroAot.Endpoints;

namespace PteroAot.Servers;

/// <summary>Servers of the Client API: listing (every page), details, resources, power, console commands, websocket credentials, activity, system permissions, and settings (rename, reinstall, Docker image). Servers are addressed by <see cref="ServerIdentifier"/>.</summary>
[PteroApi(typeof(ServersJsonContext))]
public sealed partial class ServersApi
{
    /// <summary>
    /// Gets one page of the servers the key's user can open (<c>GET /api/client</c>). Prefer
    /// <see cref="EnumerateAsync(string?, string?, string?, string?, string?, string?, string?, int?, CancellationToken)"/> to get all of them.
    /// </summary>
    /// <param name="type"><see langword="null"/> for owned and subuser servers, or a <see cref="ServerListType"/> value (<c>owner</c>, <c>admin</c>, <c>admin-all</c>).</param>
    /// <param name="search"><c>filter[*]</c>: UUID or identifier prefix, external id, name part, or <c>1.2.3.4</c>, <c>1.2.3.4:25565</c>, <c>:25565</c> to match allocations.</param>
    /// <param name="name"><c>filter[name]</c>: name contains this text.</param>
    /// <param name="uuid"><c>filter[uuid]</c>: UUID contains this text.</param>
    /// <param name="description"><c>filter[description]</c>: description contains this text.</param>
    /// <param name="externalId"><c>filter[external_id]</c>: external id contains this text.</param>
    /// <param name="include"><c>egg</c>, <c>subusers</c> or both, comma-separated (allocations and variables always come).</param>
    /// <param name="page">Page number from 1.</param>
    /// <param name="perPage">Page size (default 50, at most 100).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="PteroApiException">400 <c>InvalidFilterQuery</c> for a filter the panel does not know.</exception>
    [Get("/api/client")]
    public partial Task<ResourceList<Server>> ListAsync(
        [Query("type")] string? type = null,
        [Query("filter[*]")] string? search = null,
        [Query("filter[name]")] string? name = null,
        [Query("filter[uuid]")] string? uuid = null,
        [Query("filter[description]")] string? description = null,
        [Query("filter[external_id]")] string? externalId = null,
        [Query("include")] string? include = null,
        [Query("page")] int? page = null,
        [Query("per_page")] int? perPage = null,
        CancellationToken cancellationToken = default);

    /// <summary>Walks every page of the server list lazily (one request per page), so no server is missed past page one.</summary>
    /// <param name="type"><see langword="null"/> for owned and subuser servers, or a <see cref="ServerListType"/> value.</param>
    /// <param name="search"><c>filter[*]</c>: UUID or identifier prefix, external id, name part, or an IP/port.</param>
    /// <param name="name"><c>filter[name]</c>: name contains this text.</param>
    /// <param name="uuid"><c>filter[uuid]</c>: UUID contains this text.</param>
    /// <param name="description"><c>filter[description]</c>: description contains this text.</param>
    /// <param name="externalId"><c>filter[external_id]</c>: external id contains this text.</param>
    /// <param name="include"><c>egg</c>, <c>subusers</c> or both, comma-separated.</param>
    /// <param name="perPage">Page size (default 50, at most 100).</param>
    /// <param name="cancellationToken">Cancels the walk.</param>
    [Get("/api/client")]
    public partial IAsyncEnumerable<Server> EnumerateAsync(
        [Query("type")] string? type = null,
        [Query("filter[*]")] string? search = null,
        [Query("filter[name]")] string? name = null,
        [Query("filter[uuid]")] string? uuid = null,
        [Query("filter[description]")] string? description = null,
        [Query("filter[external_id]")] string? externalId = null,
        [Query("include")] string? include = null,
        [Query("per_page")] int? perPage = null,
        CancellationToken cancellationToken = default);

    /// <summary>Gets the panel's catalogue of subuser permissions (<c>GET /api/client/permissions</c>).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    [Get("/api/client/permissions")]
    public partial Task<SystemPermissions> GetSystemPermissionsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Gets a server with <c>meta.is_server_owner</c> and <c>meta.user_permissions</c>. Works in any server state
    /// (no 409). 404 when the user cannot see the server.
    /// </summary>
    /// <param name="server">The server's <see cref="ServerIdentifier"/> (8-character identifier or UUID), not its numeric id.</param>
    /// <param name="include"><c>egg</c>, <c>subusers</c> or both, comma-separated; see also the <see cref="ServerInclude"/> overload.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [Get("/api/client/servers/{server}")]
    public partial Task<Resource<Server, ServerMeta>> GetAsync(ServerIdentifier server, [Query("include")] string? include = null,
        CancellationToken cancellationToken = default);

    /// <summary>Gets a JWT and URL for the server's console websocket. Needs <c>websocket.connect</c> (403 otherwise).</summary>
    /// <param name="server">The server's <see cref="ServerIdentifier"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [Get("/api/client/servers/{server}/websocket")]
    [Envelope(Envelope.Data)]
    public partial Task<WebsocketCredentials> GetWebsocketAsync(ServerIdentifier server, CancellationToken cancellationToken = default);

    /// <summary>Gets the server's live state and resource usage (any access; 504 when Wings is unreachable).</summary>
    /// <param name="server">The server's <see cref="ServerIdentifier"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [Get("/api/client/servers/{server}/resources")]
    public partial Task<ServerResources> GetResourcesAsync(ServerIdentifier server, CancellationToken cancellationToken = default);

    /// <summary>Gets one page of the server's activity log, newest first by default. Needs <c>activity.read</c>.</summary>
    /// <param name="server">The server's <see cref="ServerIdentifier"/>.</param>
    /// <param name="page">Page number from 1.</param>
    /// <param name="perPage">Page size (default 25, at most 100).</param>
    /// <param name="eventFilter">Keeps events whose name contains this text (<c>filter[event]</c>).</param>
    /// <param name="sort"><c>timestamp</c> (oldest first) or <c>-timestamp</c>.</param>
    /// <param name="include"><c>actor</c> to include who did each action.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [Get("/api/client/servers/{server}/activity")]
    public partial Task<ResourceList<ActivityLogEntry>> ListActivityAsync(
        ServerIdentifier server,
        [Query("page")] int? page = null,
        [Query("per_page")] int? perPage = null,
        [Query("filter[event]")] string? eventFilter = null,
        [Query("sort")] string? sort = null,
        [Query("include")] string? include = null,
        CancellationToken cancellationToken = default);

    /// <summary>Walks every page of the server's activity log lazily. Needs <c>activity.read</c>.</summary>
    /// <param name="server">The server's <see cref="ServerIdentifier"/>.</param>
    /// <param name="perPage">Page size (default 25, at most 100).</param>
    /// <param name="eventFilter">Keeps events whose name contains this text.</param>
    /// <param name="sort"><c>timestamp</c> (oldest first) or <c>-timestamp</c>.</param>
    /// <param name="include"><c>actor</c> to include who did each action.</param>
    /// <param name="cancellationToken">Cancels the walk.</param>
    [Get("/api/client/servers/{server}/activity")]
    public partial IAsyncEnumerable<ActivityLogEntry> EnumerateActivityAsync(
        ServerIdentifier server,
        [Query("per_page")] int? perPage = null,
        [Query("filter[event]")] string? eventFilter = null,
        [Query("sort")] string? sort = null,
        [Query("include")] string? include = null,
        CancellationToken cancellationToken = default);

    /// <summary>Sends a console command. Needs <c>control.console</c>; 502 (<see cref="PteroUnavailableException"/>) when the server is offline.</summary>
    /// <param name="server">The server's <see cref="ServerIdentifier"/>.</param>
    /// <param name="request">The command.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [Post("/api/client/servers/{server}/command")]
    public partial Task SendCommandAsync(ServerIdentifier server, [Body] SendCommandRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sends a power signal. Needs <c>control.start</c>, <c>control.stop</c> (stop, kill) or <c>control.restart</c>.
    /// Asynchronous: success means Wings accepted it, not that the state changed.
    /// </summary>
    /// <param name="server">The server's <see cref="ServerIdentifier"/>.</param>
    /// <param name="request">The signal.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [Post("/api/client/servers/{server}/power")]
    public partial Task SendPowerSignalAsync(ServerIdentifier server, [Body] PowerRequest request, CancellationToken cancellationToken = default);

    /// <summary>Renames the server and optionally changes its description. Needs <c>settings.rename</c>; 422 for an empty or over-191-character name.</summary>
    /// <param name="server">The server's <see cref="ServerIdentifier"/>.</param>
    /// <param name="request">The new name and description.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [Post("/api/client/servers/{server}/settings/rename")]
    public partial Task RenameAsync(ServerIdentifier server, [Body] RenameServerRequest request, CancellationToken cancellationToken = default);

    /// <summary>Reinstalls the server (runs the egg's install script; the server becomes <c>installing</c>). Needs <c>settings.reinstall</c>.</summary>
    /// <param name="server">The server's <see cref="ServerIdentifier"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [Post("/api/client/servers/{server}/settings/reinstall")]
    public partial Task ReinstallAsync(ServerIdentifier server, CancellationToken cancellationToken = default);

    /// <summary>
    /// Switches the Docker image to another of the egg's images. Needs <c>startup.docker-image</c>; 422 for an image
    /// the egg does not offer; 400 when an administrator set a custom image.
    /// </summary>
    /// <param name="server">The server's <see cref="ServerIdentifier"/>.</param>
    /// <param name="request">The image.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [Put("/api/client/servers/{server}/settings/docker-image")]
    public partial Task SetDockerImageAsync(ServerIdentifier server, [Body] SetDockerImageRequest request, CancellationToken cancellationToken = default);
}
