using System.Text.Json.Serialization;

namespace PteroAot.Servers;

/// <summary>A power action for <c>POST /api/client/servers/{server}/power</c>.</summary>
[JsonConverter(typeof(PteroAot.Json.PowerSignalConverter))]
public enum PowerSignal
{
    /// <summary>Start a stopped server (needs <c>control.start</c>).</summary>
    Start,

    /// <summary>Stop gracefully (needs <c>control.stop</c>).</summary>
    Stop,

    /// <summary>Restart; also starts a stopped server (needs <c>control.restart</c>).</summary>
    Restart,

    /// <summary>Kill the process at once (needs <c>control.stop</c>).</summary>
    Kill,
}

/// <summary>Body of <c>POST /api/client/servers/{server}/power</c>.</summary>
public sealed class PowerRequest
{
    /// <summary>The action.</summary>
    public required PowerSignal Signal { get; init; }
}

/// <summary>Body of <c>POST /api/client/servers/{server}/command</c>.</summary>
public sealed class SendCommandRequest
{
    /// <summary>The console command, without a leading slash for most games.</summary>
    public required string Command { get; init; }
}

/// <summary>Body of <c>POST /api/client/servers/{server}/settings/rename</c>.</summary>
public sealed class RenameServerRequest
{
    /// <summary>The new name (1 to 191 characters).</summary>
    public required string Name { get; init; }

    /// <summary>The new description; <see langword="null"/> leaves it unchanged (the key is not sent).</summary>
    public string? Description { get; init; }
}

/// <summary>Body of <c>PUT /api/client/servers/{server}/settings/docker-image</c>.</summary>
public sealed class SetDockerImageRequest
{
    /// <summary>The image (a value of the startup <c>docker_images</c>, not its display name).</summary>
    public required string DockerImage { get; init; }
}
