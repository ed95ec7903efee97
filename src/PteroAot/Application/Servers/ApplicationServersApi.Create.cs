using PteroAot.Endpoints;

namespace PteroAot.Application;

// Server creation: the raw endpoint and the builder that explains itself (ServerBuilder).
public sealed partial class ApplicationServersApi
{
    /// <summary>
    /// Creates a server (<c>POST /api/application/servers</c>, 201). The panel validates every egg variable with its
    /// rules and stores <c>""</c> for a variable left out of <see cref="CreateServerRequest.Environment"/> (or answers
    /// 422 if it is required), so send them all; <see cref="NewServerAsync"/> builds such a request and checks it
    /// first. The server starts in status <c>installing</c>.
    /// </summary>
    /// <remarks>
    /// Errors: 422 <see cref="PteroValidationException"/> (fields such as <c>limits.memory</c> or
    /// <c>environment.SERVER_JARFILE</c>; <see cref="ServerBuilder.Explain"/> renames them); with
    /// <see cref="CreateServerRequest.Deploy"/>, 400 <see cref="PteroNoViableNodeException"/> or
    /// <see cref="PteroNoViableAllocationException"/> (both <see cref="PteroDeploymentException"/>).
    /// </remarks>
    /// <param name="request">The whole request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [Post("/api/application/servers")]
    public partial Task<ApplicationServer> CreateAsync([Body] CreateServerRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Fetches an egg with its variables (<c>GET /api/application/nests/{nest}/eggs/{egg}?include=variables</c>) and
    /// returns a <see cref="ServerBuilder"/> for it, filled with the egg's defaults.
    /// </summary>
    /// <param name="nest">The nest's id.</param>
    /// <param name="egg">The egg's id (404 <see cref="PteroNotFoundException"/> when it is not in that nest).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<ServerBuilder> NewServerAsync(NestId nest, EggId egg, CancellationToken cancellationToken = default)
    {
        var nests = new NestsApi(_connection);
        var definition = await nests.GetEggAsync(nest, egg, IncludeQuery.Format(EggInclude.Variables), cancellationToken).ConfigureAwait(false);
        if (definition.Variables is null)
            throw new InvalidOperationException($"The panel did not include the variables of egg {egg}; the key needs read access to eggs (r_eggs).");
        return new ServerBuilder(this, definition);
    }

    /// <summary>A <see cref="ServerBuilder"/> for an egg already fetched with <c>include=variables</c>.</summary>
    /// <param name="egg">The egg with its variables.</param>
    /// <exception cref="ArgumentException">The egg's variables were not included.</exception>
    public ServerBuilder NewServer(Egg egg) => new(this, egg);

    /// <summary>Sends a checked request and turns the panel's answers into the builder's typed errors.</summary>
    internal async Task<ApplicationServer> CreateExplainedAsync(CreateServerRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await CreateAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (PteroValidationException ex)
        {
            throw new ServerBuilderValidationException(ServerBuilder.Explain(ex), ex);
        }
    }
}
