namespace PteroAot.Application;

/// <summary>
/// An egg variable together with one server's value (object <c>server_variable</c>; application server include
/// <c>variables</c>).
/// </summary>
public sealed record ServerVariable
{
    /// <summary>The egg variable's id.</summary>
    public int Id { get; set; }

    /// <summary>The egg the variable belongs to.</summary>
    public EggId EggId { get; set; }

    /// <summary>Display name.</summary>
    public string Name { get; set; } = "";

    /// <summary>Description.</summary>
    public string? Description { get; set; }

    /// <summary>The environment variable name (e.g. <c>SERVER_JARFILE</c>).</summary>
    public string EnvVariable { get; set; } = "";

    /// <summary>The egg's default value.</summary>
    public string? DefaultValue { get; set; }

    /// <summary>Whether subusers/owners may see it in the Client API.</summary>
    public bool UserViewable { get; set; }

    /// <summary>Whether owners may change it in the Client API.</summary>
    public bool UserEditable { get; set; }

    /// <summary>Laravel validation rules (e.g. <c>required|string|max:20</c>).</summary>
    public string Rules { get; set; } = "";

    /// <summary>When the variable was created (microsecond precision on the wire).</summary>
    public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>When the variable was last changed.</summary>
    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>This server's value; <see langword="null"/> when the server has none (the default applies).</summary>
    public string? ServerValue { get; set; }
}
