using PteroAot.Endpoints;

namespace PteroAot.Application;

/// <summary>
/// Locations of the Application API (<c>/api/application/locations</c>): list, view, create, update (a full
/// replacement: prefer <see cref="UpdateAsync(LocationId, Func{LocationRequest, LocationRequest}, CancellationToken)"/>), delete.
/// </summary>
[PteroApi(typeof(ApplicationJsonContext))]
public sealed partial class LocationsApi
{
    /// <summary>
    /// Gets one page of locations (<c>GET /api/application/locations</c>). Filters match parts of the value. Prefer
    /// <see cref="EnumerateAsync(string?, string?, string?, string?, int?, CancellationToken)"/> to get all of them.
    /// </summary>
    /// <param name="shortCode"><c>filter[short]</c>: short code contains this text.</param>
    /// <param name="longName"><c>filter[long]</c>: description contains this text.</param>
    /// <param name="sort"><c>id</c> or <c>-id</c>.</param>
    /// <param name="include"><c>nodes</c>, <c>servers</c>, or use <see cref="IncludeQuery.Format(LocationInclude)"/>.</param>
    /// <param name="page">Page number from 1.</param>
    /// <param name="perPage">Page size (default 50; the panel sets no upper limit).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="PteroApiException">400 <c>InvalidFilterQuery</c>/<c>InvalidSortQuery</c> for a filter or sort the panel does not know.</exception>
    [Get("/api/application/locations")]
    public partial Task<ResourceList<Location>> ListAsync(
        [Query("filter[short]")] string? shortCode = null,
        [Query("filter[long]")] string? longName = null,
        [Query("sort")] string? sort = null,
        [Query("include")] string? include = null,
        [Query("page")] int? page = null,
        [Query("per_page")] int? perPage = null,
        CancellationToken cancellationToken = default);

    /// <summary>Walks every page of the location list lazily (one request per page).</summary>
    /// <param name="shortCode"><c>filter[short]</c>: short code contains this text.</param>
    /// <param name="longName"><c>filter[long]</c>: description contains this text.</param>
    /// <param name="sort"><c>id</c> or <c>-id</c>.</param>
    /// <param name="include"><c>nodes</c>, <c>servers</c>, or use <see cref="IncludeQuery.Format(LocationInclude)"/>.</param>
    /// <param name="perPage">Page size (default 50, no upper limit).</param>
    /// <param name="cancellationToken">Cancels the walk.</param>
    [Get("/api/application/locations")]
    public partial IAsyncEnumerable<Location> EnumerateAsync(
        [Query("filter[short]")] string? shortCode = null,
        [Query("filter[long]")] string? longName = null,
        [Query("sort")] string? sort = null,
        [Query("include")] string? include = null,
        [Query("per_page")] int? perPage = null,
        CancellationToken cancellationToken = default);

    /// <summary>Gets a location (<c>GET /api/application/locations/{location}</c>).</summary>
    /// <param name="location">The location's id.</param>
    /// <param name="include"><c>nodes</c>, <c>servers</c>, or use the <see cref="LocationInclude"/> overload.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="PteroNotFoundException">No such location.</exception>
    [Get("/api/application/locations/{location}")]
    public partial Task<Location> GetAsync(LocationId location, [Query("include")] string? include = null,
        CancellationToken cancellationToken = default);

    /// <summary>Creates a location (<c>POST /api/application/locations</c>, 201).</summary>
    /// <param name="request">The short code (unique, 1 to 60 characters) and an optional description.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="PteroValidationException">422: the short code is missing, too long or taken.</exception>
    [Post("/api/application/locations")]
    public partial Task<Location> CreateAsync([Body] LocationRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces a location's details (<c>PATCH /api/application/locations/{location}</c>). The short code is required
    /// every time; to change only the description use
    /// <see cref="UpdateAsync(LocationId, Func{LocationRequest, LocationRequest}, CancellationToken)"/>.
    /// </summary>
    /// <param name="location">The location's id.</param>
    /// <param name="request">The short code and the description (null keeps the current description).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="PteroNotFoundException">No such location.</exception>
    /// <exception cref="PteroValidationException">422: the short code is missing, too long or taken by another location.</exception>
    [Patch("/api/application/locations/{location}")]
    public partial Task<Location> UpdateAsync(LocationId location, [Body] LocationRequest request, CancellationToken cancellationToken = default);

    /// <summary>Deletes a location (<c>DELETE /api/application/locations/{location}</c>, 204).</summary>
    /// <param name="location">The location's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="PteroNotFoundException">No such location.</exception>
    /// <exception cref="PteroApiException">400 <c>HasActiveNodesException</c> while nodes are in the location.</exception>
    [Delete("/api/application/locations/{location}")]
    public partial Task DeleteAsync(LocationId location, CancellationToken cancellationToken = default);
}
