using PteroAot.Endpoints;

namespace PteroAot.Application;

/// <summary>Nests and eggs of the Application API (<c>/api/application/nests</c>): read-only.</summary>
[PteroApi(typeof(ApplicationJsonContext))]
public sealed partial class NestsApi
{
    /// <summary>
    /// Gets one page of nests (<c>GET /api/application/nests</c>; no filters or sorts). Prefer
    /// <see cref="EnumerateAsync(string?, int?, CancellationToken)"/> to get all of them.
    /// </summary>
    /// <param name="include"><c>eggs</c>, <c>servers</c>, or use <see cref="IncludeQuery.Format(NestInclude)"/>.</param>
    /// <param name="page">Page number from 1.</param>
    /// <param name="perPage">Page size (default 50; the panel sets no upper limit).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [Get("/api/application/nests")]
    public partial Task<ResourceList<Nest>> ListAsync([Query("include")] string? include = null, [Query("page")] int? page = null,
        [Query("per_page")] int? perPage = null, CancellationToken cancellationToken = default);

    /// <summary>Walks every page of the nest list lazily.</summary>
    /// <param name="include"><c>eggs</c>, <c>servers</c>, or use <see cref="IncludeQuery.Format(NestInclude)"/>.</param>
    /// <param name="perPage">Page size (default 50, no upper limit).</param>
    /// <param name="cancellationToken">Cancels the walk.</param>
    [Get("/api/application/nests")]
    public partial IAsyncEnumerable<Nest> EnumerateAsync([Query("include")] string? include = null, [Query("per_page")] int? perPage = null,
        CancellationToken cancellationToken = default);

    /// <summary>Gets a nest (<c>GET /api/application/nests/{nest}</c>).</summary>
    /// <param name="nest">The nest's id.</param>
    /// <param name="include"><c>eggs</c>, <c>servers</c>, or use the <see cref="NestInclude"/> overload.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="PteroNotFoundException">No such nest.</exception>
    [Get("/api/application/nests/{nest}")]
    public partial Task<Nest> GetAsync(NestId nest, [Query("include")] string? include = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Lists every egg of a nest (<c>GET /api/application/nests/{nest}/eggs</c>). Not paginated: one response holds
    /// them all (<see cref="ResourceList{T}.Pagination"/> is null).
    /// </summary>
    /// <param name="nest">The nest's id.</param>
    /// <param name="include"><c>nest</c>, <c>servers</c>, <c>config</c>, <c>script</c>, <c>variables</c>, or use the <see cref="EggInclude"/> overload.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="PteroNotFoundException">No such nest.</exception>
    [Get("/api/application/nests/{nest}/eggs")]
    public partial Task<ResourceList<Egg>> ListEggsAsync(NestId nest, [Query("include")] string? include = null,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Gets an egg of a nest (<c>GET /api/application/nests/{nest}/eggs/{egg}</c>); 404 when the egg is not in that
    /// nest. Ask for <c>variables</c> to get what a new server must set (see <see cref="EggInclude"/>).
    /// </summary>
    /// <param name="nest">The nest's id.</param>
    /// <param name="egg">The egg's id.</param>
    /// <param name="include">Comma list of <c>nest</c>, <c>servers</c>, <c>config</c>, <c>script</c>, <c>variables</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [Get("/api/application/nests/{nest}/eggs/{egg}")]
    public partial Task<Egg> GetEggAsync(NestId nest, EggId egg, [Query("include")] string? include = null,
        CancellationToken cancellationToken = default);
}
