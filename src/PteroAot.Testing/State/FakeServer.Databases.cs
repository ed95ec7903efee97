namespace PteroAot.Testing;

// Databases of a server (client API: hashid ids, names prefixed s{server id}_).
public sealed partial class FakeServer
{
    /// <summary>The server's databases.</summary>
    public List<FakeDatabase> Databases { get; } = [];
}

/// <summary>A server database.</summary>
public sealed class FakeDatabase
{
    /// <summary>The numeric id (also accepted in URLs).</summary>
    public required int Id { get; init; }

    /// <summary>The hashid the client API shows.</summary>
    public required string HashId { get; init; }

    /// <summary>The full name, <c>s{server id}_{name}</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The login, <c>u{server id}_{10 random}</c>.</summary>
    public required string Username { get; init; }

    /// <summary>The password (24 random characters).</summary>
    public required string Password { get; set; }

    /// <summary>Where connections may come from.</summary>
    public required string Remote { get; init; }

    /// <summary>Maximum connections (0 = unlimited).</summary>
    public int MaxConnections { get; init; }

    /// <summary>The database host's id.</summary>
    public int HostId { get; init; } = 1;

    /// <summary>When it was created.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The host's address.</summary>
    public string HostAddress { get; init; } = "10.0.0.20";

    /// <summary>The host's port.</summary>
    public int HostPort { get; init; } = 3306;
}
