using System.Text.Json.Serialization;

namespace PteroAot.Startup;

/// <summary>A startup variable of the server's egg with the server's value (client object <c>egg_variable</c>).</summary>
public sealed record EggVariable
{
    /// <summary>Display name.</summary>
    public string Name { get; set; } = "";

    /// <summary>What the variable does.</summary>
    public string? Description { get; set; }

    /// <summary>The environment variable name, e.g. <c>SERVER_JARFILE</c>: the key to update it with.</summary>
    public string EnvVariable { get; set; } = "";

    /// <summary>The egg's default.</summary>
    public string? DefaultValue { get; set; }

    /// <summary>The server's value; <see langword="null"/> when not set (the default applies).</summary>
    public string? ServerValue { get; set; }

    /// <summary>Whether the user may change it (read-only variables answer 400).</summary>
    public bool IsEditable { get; set; }

    /// <summary>The Laravel validation rules for the value, e.g. <c>required|string|max:20</c>.</summary>
    public string Rules { get; set; } = "";

    /// <summary>The value in effect: <see cref="ServerValue"/>, else <see cref="DefaultValue"/>.</summary>
    [JsonIgnore]
    public string? EffectiveValue => ServerValue ?? DefaultValue;
}

/// <summary>The <c>meta</c> of <c>GET /api/client/servers/{server}/startup</c>.</summary>
public sealed record StartupMeta
{
    /// <summary>The startup command with the variables filled in.</summary>
    public string StartupCommand { get; set; } = "";

    /// <summary>The template with <c>{{VARIABLE}}</c> placeholders (null on panels that do not send it).</summary>
    public string? RawStartupCommand { get; set; }

    /// <summary>The egg's Docker images, display name to image (the image is what <c>SetDockerImageAsync</c> takes).</summary>
    public IReadOnlyDictionary<string, string> DockerImages { get; set; } = new Dictionary<string, string>();
}

/// <summary>The <c>meta</c> of a startup variable update: the startup command after the change.</summary>
public sealed record StartupCommandMeta
{
    /// <summary>The startup command with the variables filled in.</summary>
    public string StartupCommand { get; set; } = "";

    /// <summary>The template with <c>{{VARIABLE}}</c> placeholders (null on panels that do not send it).</summary>
    public string? RawStartupCommand { get; set; }
}

/// <summary>Body of <c>PUT /api/client/servers/{server}/startup/variable</c>.</summary>
public sealed class UpdateStartupVariableRequest
{
    /// <summary>The variable's <see cref="EggVariable.EnvVariable"/>, e.g. <c>SERVER_JARFILE</c>.</summary>
    public required string Key { get; init; }

    /// <summary>The new value; <see langword="null"/> clears it (allowed only when the rules say <c>nullable</c>). Always sent.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public required string? Value { get; init; }
}
