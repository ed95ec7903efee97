namespace PteroAot.Application;

// Hand-written conveniences over the generated endpoints.
public sealed partial class LocationsApi
{
    /// <summary>Gets one page of locations with the given relationships.</summary>
    /// <param name="include">The relationships to include.</param>
    /// <param name="page">Page number from 1.</param>
    /// <param name="perPage">Page size (default 50, no upper limit).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<ResourceList<Location>> ListAsync(LocationInclude include, int? page = null, int? perPage = null, CancellationToken cancellationToken = default)
        => ListAsync(include: IncludeQuery.Format(include), page: page, perPage: perPage, cancellationToken: cancellationToken);

    /// <summary>Walks every location with the given relationships.</summary>
    /// <param name="include">The relationships to include.</param>
    /// <param name="perPage">Page size (default 50, no upper limit).</param>
    /// <param name="cancellationToken">Cancels the walk.</param>
    public IAsyncEnumerable<Location> EnumerateAsync(LocationInclude include, int? perPage = null, CancellationToken cancellationToken = default)
        => EnumerateAsync(include: IncludeQuery.Format(include), perPage: perPage, cancellationToken: cancellationToken);

    /// <summary>Gets a location with the given relationships.</summary>
    /// <param name="location">The location's id.</param>
    /// <param name="include">The relationships to include.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Location> GetAsync(LocationId location, LocationInclude include, CancellationToken cancellationToken = default)
        => GetAsync(location, IncludeQuery.Format(include), cancellationToken);

    /// <summary>Creates a location.</summary>
    /// <param name="shortCode">The unique short code (1 to 60 characters), e.g. <c>eu.fra</c>.</param>
    /// <param name="description">A longer description, or null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Location> CreateAsync(string shortCode, string? description = null, CancellationToken cancellationToken = default)
        => CreateAsync(new LocationRequest { Short = shortCode, Long = description }, cancellationToken);

    /// <summary>
    /// Changes some of a location's details safely: reads the location, builds the complete request from it
    /// (<see cref="ToUpdateRequest"/>), applies <paramref name="change"/>, and sends the full replacement.
    /// </summary>
    /// <example><code>await panel.Application.Locations.UpdateAsync(id, r => r with { Long = "Frankfurt" });</code></example>
    /// <param name="location">The location's id.</param>
    /// <param name="change">Returns the request to send, usually <c>r =&gt; r with { ... }</c>.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The location as the panel holds it afterwards.</returns>
    /// <remarks>
    /// Two requests, not atomic. A null <see cref="LocationRequest.Long"/> is not sent, so the description cannot
    /// be cleared this way (the panel keeps the current one).
    /// </remarks>
    public async Task<Location> UpdateAsync(LocationId location, Func<LocationRequest, LocationRequest> change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        var current = await GetAsync(location, (string?)null, cancellationToken).ConfigureAwait(false);
        var request = change(ToUpdateRequest(current)) ?? throw new InvalidOperationException("The change returned no request.");
        return await UpdateAsync(location, request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The update request that rewrites <paramref name="location"/> exactly as it is.</summary>
    /// <param name="location">A location as the panel returned it.</param>
    public static LocationRequest ToUpdateRequest(Location location)
    {
        ArgumentNullException.ThrowIfNull(location);
        return new LocationRequest { Short = location.Short, Long = location.Long };
    }
}
