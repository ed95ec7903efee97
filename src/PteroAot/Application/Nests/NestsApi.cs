using PteroAot.Endpoints;

namespace PteroAot.Application;

/// <summary>Nests and eggs of the Application API (<c>/api/application/nests</c>).</summary>
[PteroApi(typeof(ApplicationJsonContext))]
public sealed partial class NestsApi
{
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
