using PteroAot.Endpoints;

namespace PteroAot.Application;

/// <summary>
/// Servers of the Application API (<c>/api/application/servers</c>), addressed by their numeric <see cref="ServerId"/>.
/// To go from a Client API <see cref="ServerIdentifier"/> to a <see cref="ServerId"/> use
/// <see cref="GetByIdentifierAsync(ServerIdentifier, ApplicationServerInclude, CancellationToken)"/>; see
/// <see cref="ServerIds"/> for the whole mapping.
/// </summary>
/// <remarks>
/// The three update routes (<c>details</c>, <c>build</c>, <c>startup</c>) are <b>full replacements</b>: what a request
/// leaves out is reset (an omitted <c>external_id</c> is cleared, an omitted description becomes <c>""</c>, a startup
/// environment missing a variable sets it to <c>""</c>). Prefer the overloads taking a <c>change</c> function: they read
/// the server first and carry every current value over, so only what the function changes is changed.
/// </remarks>
[PteroApi(typeof(ApplicationJsonContext))]
public sealed partial class ApplicationServersApi
{

    /// <summary>
    /// Gets one page of servers (<c>GET /api/application/servers</c>). Prefer
    /// <see cref="EnumerateAsync(string?, string?, string?, string?, string?, string?, string?, string?, int?, CancellationToken)"/>
    /// to get every page. Filters are partial (contains, case-insensitive); a comma-separated value is an OR list.
    /// </summary>
    /// <param name="uuid"><c>filter[uuid]</c>: UUID contains this text.</param>
    /// <param name="uuidShort"><c>filter[uuidShort]</c>: 8-character identifier contains this text.</param>
    /// <param name="name"><c>filter[name]</c>: name contains this text.</param>
    /// <param name="description"><c>filter[description]</c>: description contains this text.</param>
    /// <param name="image"><c>filter[image]</c>: Docker image contains this text.</param>
    /// <param name="externalId"><c>filter[external_id]</c>: external id contains this text.</param>
    /// <param name="sort"><c>id</c>, <c>-id</c>, <c>uuid</c> or <c>-uuid</c>.</param>
    /// <param name="include">Comma list of relationships; prefer the <see cref="ApplicationServerInclude"/> overloads (<c>transfer</c> makes the panel answer 500).</param>
    /// <param name="page">Page number from 1.</param>
    /// <param name="perPage">Page size (default 50; the panel enforces no maximum).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="PteroApiException">400 <c>InvalidFilterQuery</c>/<c>InvalidSortQuery</c> for an unknown filter or sort.</exception>
    [Get("/api/application/servers")]
    public partial Task<ResourceList<ApplicationServer>> ListAsync(
        [Query("filter[uuid]")] string? uuid = null,
        [Query("filter[uuidShort]")] string? uuidShort = null,
        [Query("filter[name]")] string? name = null,
        [Query("filter[description]")] string? description = null,
        [Query("filter[image]")] string? image = null,
        [Query("filter[external_id]")] string? externalId = null,
        [Query("sort")] string? sort = null,
        [Query("include")] string? include = null,
        [Query("page")] int? page = null,
        [Query("per_page")] int? perPage = null,
        CancellationToken cancellationToken = default);

    /// <summary>Walks every page of the server list lazily (one request per page), so no server past page one is missed.</summary>
    /// <param name="uuid"><c>filter[uuid]</c>: UUID contains this text.</param>
    /// <param name="uuidShort"><c>filter[uuidShort]</c>: 8-character identifier contains this text.</param>
    /// <param name="name"><c>filter[name]</c>: name contains this text.</param>
    /// <param name="description"><c>filter[description]</c>: description contains this text.</param>
    /// <param name="image"><c>filter[image]</c>: Docker image contains this text.</param>
    /// <param name="externalId"><c>filter[external_id]</c>: external id contains this text.</param>
    /// <param name="sort"><c>id</c>, <c>-id</c>, <c>uuid</c> or <c>-uuid</c>.</param>
    /// <param name="include">Comma list of relationships; prefer <see cref="EnumerateAsync(ApplicationServerInclude, int?, CancellationToken)"/>.</param>
    /// <param name="perPage">Page size (default 50, no maximum).</param>
    /// <param name="cancellationToken">Cancels the walk.</param>
    [Get("/api/application/servers")]
    public partial IAsyncEnumerable<ApplicationServer> EnumerateAsync(
        [Query("filter[uuid]")] string? uuid = null,
        [Query("filter[uuidShort]")] string? uuidShort = null,
        [Query("filter[name]")] string? name = null,
        [Query("filter[description]")] string? description = null,
        [Query("filter[image]")] string? image = null,
        [Query("filter[external_id]")] string? externalId = null,
        [Query("sort")] string? sort = null,
        [Query("include")] string? include = null,
        [Query("per_page")] int? perPage = null,
        CancellationToken cancellationToken = default);

    /// <summary>Gets one server by its numeric id (404 <see cref="PteroNotFoundException"/> when unknown).</summary>
    /// <param name="server">The numeric <see cref="ServerId"/> (not the 8-character identifier).</param>
    /// <param name="include">Comma list of relationships; prefer the <see cref="ApplicationServerInclude"/> overload.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [Get("/api/application/servers/{server}")]
    public partial Task<ApplicationServer> GetAsync(ServerId server, [Query("include")] string? include = null,
        CancellationToken cancellationToken = default);

    /// <summary>Gets the server whose <c>external_id</c> is exactly <paramref name="externalId"/> (404 when none).</summary>
    /// <param name="externalId">The integrator's id (sent escaped as one path segment).</param>
    /// <param name="include">Comma list of relationships; prefer the <see cref="ApplicationServerInclude"/> overload.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [Get("/api/application/servers/external/{external_id}")]
    public partial Task<ApplicationServer> GetByExternalIdAsync([Path("external_id")] string externalId, [Query("include")] string? include = null,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces name, owner, external id and description (<c>PATCH .../details</c>). A <b>full replacement</b>: a null
    /// <see cref="UpdateServerDetailsRequest.ExternalId"/> clears it and a null description becomes <c>""</c>. To change one
    /// field only, use <see cref="UpdateDetailsAsync(ServerId, Func{UpdateServerDetailsRequest, UpdateServerDetailsRequest}, CancellationToken)"/>.
    /// </summary>
    /// <param name="server">The server.</param>
    /// <param name="request">Every detail, as it should be afterwards.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The server as saved.</returns>
    /// <exception cref="PteroValidationException">422: empty name, unknown user (<c>user</c>), external id taken (<c>external_id</c>).</exception>
    [Patch("/api/application/servers/{server}/details")]
    public partial Task<ApplicationServer> UpdateDetailsAsync(ServerId server, [Body] UpdateServerDetailsRequest request,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces the build: primary allocation, limits, feature limits, allocations to add or remove
    /// (<c>PATCH .../build</c>). A <b>full replacement</b>; use
    /// <see cref="UpdateBuildAsync(ServerId, Func{UpdateServerBuildRequest, UpdateServerBuildRequest}, CancellationToken)"/>
    /// to change one value only.
    /// </summary>
    /// <param name="server">The server.</param>
    /// <param name="request">The whole build.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The server as saved.</returns>
    /// <exception cref="PteroValidationException">422 (e.g. <c>limits.io</c> outside 10-1000, <c>feature_limits.databases</c> missing).</exception>
    /// <exception cref="PteroApiException">400 <c>DisplayException</c>: the primary allocation is not the server's, or removing it leaves no fallback.</exception>
    [Patch("/api/application/servers/{server}/build")]
    public partial Task<ApplicationServer> UpdateBuildAsync(ServerId server, [Body] UpdateServerBuildRequest request,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces startup command, egg, image, skip-scripts flag and (when non-empty) ALL egg variables
    /// (<c>PATCH .../startup</c>; no reinstall). A variable missing from a non-empty environment becomes <c>""</c>
    /// (or fails its <c>required</c> rule); use
    /// <see cref="UpdateStartupAsync(ServerId, Func{UpdateServerStartupRequest, UpdateServerStartupRequest}, CancellationToken)"/>
    /// to change one variable and keep the others.
    /// </summary>
    /// <param name="server">The server.</param>
    /// <param name="request">The whole startup configuration.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The server as saved.</returns>
    /// <exception cref="PteroValidationException">422, including <c>environment.ENV_NAME</c> from the egg variables' rules.</exception>
    [Patch("/api/application/servers/{server}/startup")]
    public partial Task<ApplicationServer> UpdateStartupAsync(ServerId server, [Body] UpdateServerStartupRequest request,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Suspends the server (204; nothing happens when it already is). The Client API then answers 409 on the server's
    /// routes. 409 <see cref="PteroConflictException"/> while the server is being transferred.
    /// </summary>
    /// <param name="server">The server.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [Post("/api/application/servers/{server}/suspend")]
    public partial Task SuspendAsync(ServerId server, CancellationToken cancellationToken = default);

    /// <summary>Lifts a suspension (204; nothing happens when not suspended; 409 while being transferred).</summary>
    /// <param name="server">The server.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [Post("/api/application/servers/{server}/unsuspend")]
    public partial Task UnsuspendAsync(ServerId server, CancellationToken cancellationToken = default);

    /// <summary>Reinstalls the server: the egg's install script runs again and the status becomes <c>installing</c> (204).</summary>
    /// <param name="server">The server.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [Post("/api/application/servers/{server}/reinstall")]
    public partial Task ReinstallAsync(ServerId server, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes the server, its databases and files; its allocations return to the node (204). Aborts when Wings reports an
    /// error other than 404; <see cref="ForceDeleteAsync"/> ignores those.
    /// </summary>
    /// <param name="server">The server.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [Delete("/api/application/servers/{server}")]
    public partial Task DeleteAsync(ServerId server, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes the server even when Wings or a database host reports an error (<c>DELETE .../{server}/force</c>, 204).
    /// </summary>
    /// <remarks>
    /// The panel's route is <c>/servers/{server}/{force?}</c> and deletes the server for ANY text in that last segment
    /// (forced only for <c>force</c>), so the SDK declares the literal: no caller text can reach it, not even through
    /// <c>ptero api call</c>.
    /// </remarks>
    /// <param name="server">The server.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [Delete("/api/application/servers/{server}/force")]
    public partial Task ForceDeleteAsync(ServerId server, CancellationToken cancellationToken = default);
}
