using System.Text.Json.Serialization;

namespace PteroAot.Subusers;

/// <summary>A subuser of a server (object <c>server_subuser</c>): a panel user and the permissions they hold on the server.</summary>
public sealed record Subuser
{
    /// <summary>The user's UUID: how the subuser routes address them.</summary>
    public UserUuid Uuid { get; set; }

    /// <summary>The user's username.</summary>
    public string Username { get; set; } = "";

    /// <summary>The user's e-mail address.</summary>
    public string Email { get; set; } = "";

    /// <summary>The Gravatar URL of the e-mail address.</summary>
    public string Image { get; set; } = "";

    /// <summary>Whether the user has two-factor authentication enabled (<c>2fa_enabled</c>).</summary>
    [JsonPropertyName("2fa_enabled")]
    public bool TwoFactorEnabled { get; set; }

    /// <summary>When the user account was created (not when it was added as a subuser).</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The permission strings (<c>group.key</c>, e.g. <c>control.console</c>); <c>websocket.connect</c> is always among them.</summary>
    public IReadOnlyList<string> Permissions { get; set; } = [];
}

/// <summary>Body of <c>POST .../users</c>: adds a subuser by e-mail.</summary>
public sealed class CreateSubuserRequest
{
    /// <summary>The user's e-mail address; the panel creates the account (and sends an invite) when it is unknown.</summary>
    public required string Email { get; init; }

    /// <summary>The permissions to grant; unknown strings are dropped and <c>websocket.connect</c> is always added.</summary>
    public required IReadOnlyList<string> Permissions { get; init; }
}

/// <summary>Body of <c>POST .../users/{user}</c>: replaces a subuser's permissions.</summary>
public sealed class UpdateSubuserRequest
{
    /// <summary>The full new set of permissions (unknown strings dropped, <c>websocket.connect</c> always added).</summary>
    public required IReadOnlyList<string> Permissions { get; init; }
}
