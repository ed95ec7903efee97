namespace PteroAot.Application;

/// <summary>
/// An egg variable together with one server's value (object <c>server_variable</c>; application server include
/// <c>variables</c>).
/// </summary>
public sealed record ServerVariable : EggVariableDefinition
{
    /// <summary>This server's value; <see langword="null"/> when the server has none (the default applies).</summary>
    public string? ServerValue { get; set; }

    /// <summary>The value the server runs with: its own, else the egg's default.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string EffectiveValue => ServerValue ?? DefaultValue ?? "";
}
