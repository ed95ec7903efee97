namespace PteroAot.Servers;

// Hand-written conveniences over the generated endpoints.
public sealed partial class ServersApi
{
    /// <summary>Gets a server with its meta, including the given relationships.</summary>
    /// <param name="server">The server's <see cref="ServerIdentifier"/> (8-character identifier or UUID).</param>
    /// <param name="include">The relationships to include.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Resource<Server, ServerMeta>> GetAsync(ServerIdentifier server, ServerInclude include, CancellationToken cancellationToken = default)
        => GetAsync(server, IncludeText(include), cancellationToken);

    /// <summary>Sends a power signal, e.g. <c>SendPowerSignalAsync(server, PowerSignal.Restart)</c>.</summary>
    /// <param name="server">The server's <see cref="ServerIdentifier"/>.</param>
    /// <param name="signal">The action.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task SendPowerSignalAsync(ServerIdentifier server, PowerSignal signal, CancellationToken cancellationToken = default)
        => SendPowerSignalAsync(server, new PowerRequest { Signal = signal }, cancellationToken);

    /// <summary>Starts the server (<c>control.start</c>).</summary>
    /// <param name="server">The server's <see cref="ServerIdentifier"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task StartAsync(ServerIdentifier server, CancellationToken cancellationToken = default)
        => SendPowerSignalAsync(server, PowerSignal.Start, cancellationToken);

    /// <summary>Stops the server gracefully (<c>control.stop</c>).</summary>
    /// <param name="server">The server's <see cref="ServerIdentifier"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task StopAsync(ServerIdentifier server, CancellationToken cancellationToken = default)
        => SendPowerSignalAsync(server, PowerSignal.Stop, cancellationToken);

    /// <summary>Restarts the server (<c>control.restart</c>).</summary>
    /// <param name="server">The server's <see cref="ServerIdentifier"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task RestartAsync(ServerIdentifier server, CancellationToken cancellationToken = default)
        => SendPowerSignalAsync(server, PowerSignal.Restart, cancellationToken);

    /// <summary>Kills the server process (<c>control.stop</c>).</summary>
    /// <param name="server">The server's <see cref="ServerIdentifier"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task KillAsync(ServerIdentifier server, CancellationToken cancellationToken = default)
        => SendPowerSignalAsync(server, PowerSignal.Kill, cancellationToken);

    /// <summary>Sends a console command (<c>control.console</c>; 502 while the server is offline).</summary>
    /// <param name="server">The server's <see cref="ServerIdentifier"/>.</param>
    /// <param name="command">The command line.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task SendCommandAsync(ServerIdentifier server, string command, CancellationToken cancellationToken = default)
        => SendCommandAsync(server, new SendCommandRequest { Command = command }, cancellationToken);

    /// <summary>Renames the server (<c>settings.rename</c>).</summary>
    /// <param name="server">The server's <see cref="ServerIdentifier"/>.</param>
    /// <param name="name">The new name (1 to 191 characters).</param>
    /// <param name="description">The new description, or <see langword="null"/> to keep the current one.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task RenameAsync(ServerIdentifier server, string name, string? description = null, CancellationToken cancellationToken = default)
        => RenameAsync(server, new RenameServerRequest { Name = name, Description = description }, cancellationToken);

    /// <summary>Switches the Docker image (<c>startup.docker-image</c>); pass an image value from the startup <c>docker_images</c>.</summary>
    /// <param name="server">The server's <see cref="ServerIdentifier"/>.</param>
    /// <param name="dockerImage">The image, e.g. <c>ghcr.io/pterodactyl/yolks:java_21</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task SetDockerImageAsync(ServerIdentifier server, string dockerImage, CancellationToken cancellationToken = default)
        => SetDockerImageAsync(server, new SetDockerImageRequest { DockerImage = dockerImage }, cancellationToken);

    /// <summary>Walks every server the user can open, with the given relationships included.</summary>
    /// <param name="include">The relationships to include.</param>
    /// <param name="perPage">Page size (default 50, at most 100).</param>
    /// <param name="cancellationToken">Cancels the walk.</param>
    public IAsyncEnumerable<Server> EnumerateAsync(ServerInclude include, int? perPage = null, CancellationToken cancellationToken = default)
        => EnumerateAsync(include: IncludeText(include), perPage: perPage, cancellationToken: cancellationToken);

    internal static string? IncludeText(ServerInclude include) => include switch
    {
        ServerInclude.None => null,
        ServerInclude.Egg => "egg",
        ServerInclude.Subusers => "subusers",
        _ => "egg,subusers",
    };
}
