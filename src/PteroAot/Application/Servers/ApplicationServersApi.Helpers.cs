using System.Net;

namespace PteroAot.Application;

// Hand-written conveniences over the generated endpoints: typed includes, forced deletion from a constant,
// identifier lookups, and read-modify-write updates that make the panel's full-replacement PATCHes safe.
public sealed partial class ApplicationServersApi
{
    /// <summary>Gets one server with the given relationships.</summary>
    /// <param name="server">The numeric <see cref="ServerId"/>.</param>
    /// <param name="include">The relationships (the panel's broken <c>transfer</c> include cannot be expressed).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<ApplicationServer> GetAsync(ServerId server, ApplicationServerInclude include, CancellationToken cancellationToken = default)
        => GetAsync(server, IncludeQuery.Format(include), cancellationToken);

    /// <summary>Gets the server with this exact <c>external_id</c>, with the given relationships (404 when none).</summary>
    /// <param name="externalId">The integrator's id.</param>
    /// <param name="include">The relationships.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<ApplicationServer> GetByExternalIdAsync(string externalId, ApplicationServerInclude include, CancellationToken cancellationToken = default)
        => GetByExternalIdAsync(externalId, IncludeQuery.Format(include), cancellationToken);

    /// <summary>Gets one page of servers with the given relationships.</summary>
    /// <param name="include">The relationships.</param>
    /// <param name="page">Page number from 1.</param>
    /// <param name="perPage">Page size (default 50, no maximum).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<ResourceList<ApplicationServer>> ListAsync(ApplicationServerInclude include, int? page = null, int? perPage = null,
        CancellationToken cancellationToken = default)
        => ListAsync(include: IncludeQuery.Format(include), page: page, perPage: perPage, cancellationToken: cancellationToken);

    /// <summary>Walks every server, with the given relationships.</summary>
    /// <param name="include">The relationships.</param>
    /// <param name="perPage">Page size (default 50, no maximum).</param>
    /// <param name="cancellationToken">Cancels the walk.</param>
    public IAsyncEnumerable<ApplicationServer> EnumerateAsync(ApplicationServerInclude include, int? perPage = null, CancellationToken cancellationToken = default)
        => EnumerateAsync(include: IncludeQuery.Format(include), perPage: perPage, cancellationToken: cancellationToken);

    /// <summary>Deletes the server; <paramref name="force"/> ignores Wings and database-host errors (see <see cref="ForceDeleteAsync"/>).</summary>
    /// <param name="server">The server.</param>
    /// <param name="force">Whether to force the deletion.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task DeleteAsync(ServerId server, bool force, CancellationToken cancellationToken = default)
        => force ? ForceDeleteAsync(server, cancellationToken) : DeleteAsync(server, cancellationToken);

    /// <summary>
    /// Finds the server a Client API <see cref="ServerIdentifier"/> (8-character identifier or UUID) names, through
    /// <c>filter[uuidShort]</c> or <c>filter[uuid]</c>, keeping only an exact match (the filters match parts).
    /// </summary>
    /// <param name="identifier">The 8-character identifier or the UUID.</param>
    /// <param name="include">The relationships to include.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The server, or <see langword="null"/> when no server has it.</returns>
    public async Task<ApplicationServer?> FindByIdentifierAsync(ServerIdentifier identifier, ApplicationServerInclude include = ApplicationServerInclude.None,
        CancellationToken cancellationToken = default)
    {
        if (identifier.Value is null)
            throw new ArgumentException("The identifier is empty (default(ServerIdentifier)).", nameof(identifier));
        var includeText = IncludeQuery.Format(include);
        var matches = identifier.IsUuid
            ? EnumerateAsync(uuid: identifier.Value, include: includeText, cancellationToken: cancellationToken)
            : EnumerateAsync(uuidShort: identifier.Value, include: includeText, cancellationToken: cancellationToken);
        await foreach (var server in matches.ConfigureAwait(false))
        {
            if (ServerIds.Matches(server, identifier))
                return server;
        }
        return null;
    }

    /// <summary>
    /// Gets the server a Client API <see cref="ServerIdentifier"/> names (see <see cref="FindByIdentifierAsync"/>).
    /// Its <see cref="ApplicationServer.Id"/> is the <see cref="ServerId"/> every other method here wants.
    /// </summary>
    /// <param name="identifier">The 8-character identifier or the UUID.</param>
    /// <param name="include">The relationships to include.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="PteroNotFoundException">No server has this identifier.</exception>
    public async Task<ApplicationServer> GetByIdentifierAsync(ServerIdentifier identifier, ApplicationServerInclude include = ApplicationServerInclude.None,
        CancellationToken cancellationToken = default)
        => await FindByIdentifierAsync(identifier, include, cancellationToken).ConfigureAwait(false)
            ?? throw new PteroNotFoundException(HttpStatusCode.NotFound,
                [new PteroError("NotFoundHttpException", "404", $"No server has the identifier {identifier.Value}.")],
                "GET", "/api/application/servers");

    /// <summary>
    /// Changes some details and keeps the rest: reads the server, builds the full request from its current values
    /// (name, owner, external id, description), applies <paramref name="change"/> and sends it. Without this, an
    /// omitted external id would be cleared. Not atomic: a change made by someone else between the read and the write is
    /// overwritten.
    /// </summary>
    /// <param name="server">The server.</param>
    /// <param name="change">Returns the request to send, e.g. <c>r =&gt; r with { Name = "Lobby" }</c>.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The server as saved.</returns>
    public async Task<ApplicationServer> UpdateDetailsAsync(ServerId server, Func<UpdateServerDetailsRequest, UpdateServerDetailsRequest> change,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        var current = await GetAsync(server, cancellationToken: cancellationToken).ConfigureAwait(false);
        var request = change(DetailsRequestFrom(current)) ?? throw new InvalidOperationException("The change function returned null.");
        return await UpdateDetailsAsync(server, request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Changes some build values and keeps the rest: reads the server, builds the full request (primary allocation,
    /// OOM flag, every limit, every feature limit), applies <paramref name="change"/> and sends it. Without this, an
    /// omitted allocation feature limit would become 0. Not atomic (see
    /// <see cref="UpdateDetailsAsync(ServerId, Func{UpdateServerDetailsRequest, UpdateServerDetailsRequest}, CancellationToken)"/>).
    /// </summary>
    /// <param name="server">The server.</param>
    /// <param name="change">Returns the request to send, e.g. <c>r =&gt; r with { Limits = r.Limits! with { Memory = 4096 } }</c>.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The server as saved.</returns>
    public async Task<ApplicationServer> UpdateBuildAsync(ServerId server, Func<UpdateServerBuildRequest, UpdateServerBuildRequest> change,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        var current = await GetAsync(server, cancellationToken: cancellationToken).ConfigureAwait(false);
        var request = change(BuildRequestFrom(current)) ?? throw new InvalidOperationException("The change function returned null.");
        return await UpdateBuildAsync(server, request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Changes some startup values and keeps the rest: reads the server with its variables, builds the full request
    /// (startup command, egg, image, and EVERY variable's current value), applies <paramref name="change"/> and sends
    /// it, so changing one variable leaves the others as they were. The panel does not show <c>skip_scripts</c>, so
    /// the request starts with <see langword="false"/>; set it in <paramref name="change"/> to keep a <see langword="true"/>.
    /// When changing the egg, replace <see cref="UpdateServerStartupRequest.Environment"/> with the new egg's
    /// variables. Not atomic.
    /// </summary>
    /// <param name="server">The server.</param>
    /// <param name="change">Returns the request to send, e.g. <c>r =&gt; r.WithVariable("SERVER_JARFILE", "paper.jar")</c>.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The server as saved.</returns>
    public async Task<ApplicationServer> UpdateStartupAsync(ServerId server, Func<UpdateServerStartupRequest, UpdateServerStartupRequest> change,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        var current = await GetAsync(server, ApplicationServerInclude.Variables, cancellationToken).ConfigureAwait(false);
        var request = change(StartupRequestFrom(current)) ?? throw new InvalidOperationException("The change function returned null.");
        return await UpdateStartupAsync(server, request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The details request that leaves <paramref name="server"/> as it is (start of a read-modify-write).</summary>
    /// <param name="server">The server as read.</param>
    public static UpdateServerDetailsRequest DetailsRequestFrom(ApplicationServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        return new UpdateServerDetailsRequest
        {
            Name = server.Name,
            UserId = server.UserId,
            ExternalId = server.ExternalId,
            Description = server.Description,
        };
    }

    /// <summary>The build request that leaves <paramref name="server"/> as it is (no allocations added or removed).</summary>
    /// <param name="server">The server as read.</param>
    public static UpdateServerBuildRequest BuildRequestFrom(ApplicationServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        var limits = server.Limits;
        return new UpdateServerBuildRequest
        {
            AllocationId = server.AllocationId,
            OomDisabled = limits.OomDisabled,
            Limits = new ServerLimitsRequest
            {
                Memory = limits.Memory,
                Swap = limits.Swap,
                Disk = limits.Disk,
                Io = limits.Io,
                Cpu = limits.Cpu,
                Threads = limits.Threads,
            },
            FeatureLimits = new FeatureLimitsRequest
            {
                Databases = server.FeatureLimits.Databases,
                Allocations = server.FeatureLimits.Allocations,
                Backups = server.FeatureLimits.Backups,
            },
        };
    }

    /// <summary>
    /// The startup request that leaves <paramref name="server"/> as it is: every variable with its current value
    /// (the server's value, else the egg's default). <c>skip_scripts</c> is not readable and starts as <see langword="false"/>.
    /// </summary>
    /// <param name="server">The server, read with <see cref="ApplicationServerInclude.Variables"/>.</param>
    /// <exception cref="ArgumentException">The server was read without its variables.</exception>
    public static UpdateServerStartupRequest StartupRequestFrom(ApplicationServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        var variables = server.Variables
            ?? throw new ArgumentException("Read the server with ApplicationServerInclude.Variables: without every variable, the update would reset the missing ones.", nameof(server));
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var variable in variables)
            environment[variable.EnvVariable] = variable.ServerValue ?? variable.DefaultValue ?? "";
        return new UpdateServerStartupRequest
        {
            Startup = server.Container.StartupCommand,
            Environment = environment,
            EggId = server.EggId,
            Image = server.Container.Image,
            SkipScripts = false,
        };
    }
}

/// <summary>Small edits of an <see cref="UpdateServerStartupRequest"/> for read-modify-write updates.</summary>
public static class UpdateServerStartupRequestExtensions
{
    /// <summary>A copy with one variable set (the others kept), e.g. inside <c>UpdateStartupAsync(id, r =&gt; r.WithVariable(...))</c>.</summary>
    /// <param name="request">The request.</param>
    /// <param name="name">The environment variable, e.g. <c>SERVER_JARFILE</c>.</param>
    /// <param name="value">Its new value.</param>
    public static UpdateServerStartupRequest WithVariable(this UpdateServerStartupRequest request, string name, string? value)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(name);
        var environment = new Dictionary<string, string?>(request.Environment, StringComparer.Ordinal) { [name] = value };
        return request with { Environment = environment };
    }
}
