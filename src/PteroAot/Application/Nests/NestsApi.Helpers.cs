namespace PteroAot.Application;

// Hand-written conveniences over the generated endpoints.
public sealed partial class NestsApi
{
    /// <summary>Gets one page of nests with the given relationships.</summary>
    /// <param name="include">The relationships to include.</param>
    /// <param name="page">Page number from 1.</param>
    /// <param name="perPage">Page size (default 50, no upper limit).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<ResourceList<Nest>> ListAsync(NestInclude include, int? page = null, int? perPage = null, CancellationToken cancellationToken = default)
        => ListAsync(IncludeQuery.Format(include), page, perPage, cancellationToken);

    /// <summary>Walks every nest with the given relationships.</summary>
    /// <param name="include">The relationships to include.</param>
    /// <param name="perPage">Page size (default 50, no upper limit).</param>
    /// <param name="cancellationToken">Cancels the walk.</param>
    public IAsyncEnumerable<Nest> EnumerateAsync(NestInclude include, int? perPage = null, CancellationToken cancellationToken = default)
        => EnumerateAsync(IncludeQuery.Format(include), perPage, cancellationToken);

    /// <summary>Gets a nest with the given relationships (e.g. <see cref="NestInclude.Eggs"/>).</summary>
    /// <param name="nest">The nest's id.</param>
    /// <param name="include">The relationships to include.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Nest> GetAsync(NestId nest, NestInclude include, CancellationToken cancellationToken = default)
        => GetAsync(nest, IncludeQuery.Format(include), cancellationToken);

    /// <summary>Lists every egg of a nest with the given relationships (not paginated).</summary>
    /// <param name="nest">The nest's id.</param>
    /// <param name="include">The relationships to include.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<ResourceList<Egg>> ListEggsAsync(NestId nest, EggInclude include, CancellationToken cancellationToken = default)
        => ListEggsAsync(nest, IncludeQuery.Format(include), cancellationToken);

    /// <summary>Gets an egg with the given relationships, e.g. <see cref="EggInclude.Variables"/> for its variables, defaults and rules.</summary>
    /// <param name="nest">The nest's id.</param>
    /// <param name="egg">The egg's id (it must belong to <paramref name="nest"/>).</param>
    /// <param name="include">The relationships to include.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Egg> GetEggAsync(NestId nest, EggId egg, EggInclude include, CancellationToken cancellationToken = default)
        => GetEggAsync(nest, egg, IncludeQuery.Format(include), cancellationToken);
}
