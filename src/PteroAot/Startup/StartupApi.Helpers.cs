namespace PteroAot.Startup;

// Hand-written conveniences over the generated endpoints.
public sealed partial class StartupApi
{
    /// <summary>Changes a startup variable (<c>startup.update</c>).</summary>
    /// <param name="server">The server's <see cref="ServerIdentifier"/>.</param>
    /// <param name="key">The environment variable name, e.g. <c>SERVER_JARFILE</c>.</param>
    /// <param name="value">The new value, or <see langword="null"/> to clear a <c>nullable</c> variable.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The variable as stored and the new startup command.</returns>
    public Task<Resource<EggVariable, StartupCommandMeta>> UpdateVariableAsync(ServerIdentifier server, string key, string? value,
        CancellationToken cancellationToken = default)
        => UpdateVariableAsync(server, new UpdateStartupVariableRequest { Key = key, Value = value }, cancellationToken);
}
