namespace PteroAot.Account;

// Request bodies are classes, not records: a record's generated ToString would print the passwords they carry.

/// <summary>Body of <c>POST /api/client/account/api-keys</c>.</summary>
public sealed class CreateApiKeyRequest
{
    /// <summary>A note for the key (required, at most 500 characters).</summary>
    public required string Description { get; init; }

    /// <summary>IPs or CIDR ranges the key is limited to (at most 50); null or empty allows any.</summary>
    public IReadOnlyList<string>? AllowedIps { get; init; }
}

/// <summary>Body of <c>PUT /api/client/account/email</c>.</summary>
public sealed class UpdateEmailRequest
{
    /// <summary>The new address.</summary>
    public required string Email { get; init; }

    /// <summary>The account's current password (checked before anything else).</summary>
    public required string Password { get; init; }
}

/// <summary>Body of <c>PUT /api/client/account/password</c>.</summary>
public sealed class UpdatePasswordRequest
{
    /// <summary>The current password.</summary>
    public required string CurrentPassword { get; init; }

    /// <summary>The new password (at least 8 characters).</summary>
    public required string Password { get; init; }

    /// <summary>The new password again.</summary>
    public required string PasswordConfirmation { get; init; }
}

/// <summary>Body of <c>POST /api/client/account/two-factor</c>.</summary>
public sealed class EnableTwoFactorRequest
{
    /// <summary>The current 6-digit TOTP code.</summary>
    public required string Code { get; init; }

    /// <summary>The account password.</summary>
    public required string Password { get; init; }
}

/// <summary>Body of the two-factor disable request (both panel forms).</summary>
public sealed class DisableTwoFactorRequest
{
    /// <summary>The account password.</summary>
    public required string Password { get; init; }
}

/// <summary>Body of <c>POST /api/client/account/ssh-keys</c>.</summary>
public sealed class CreateSshKeyRequest
{
    /// <summary>A name for the key.</summary>
    public required string Name { get; init; }

    /// <summary>The public key in OpenSSH form (<c>ssh-ed25519 AAAA... comment</c>); RSA keys need 2048 bits or more, DSA is refused.</summary>
    public required string PublicKey { get; init; }
}

/// <summary>Body of <c>POST /api/client/account/ssh-keys/remove</c>.</summary>
public sealed class DeleteSshKeyRequest
{
    /// <summary>The fingerprint (<c>SHA256:...</c>) of the key to remove.</summary>
    public required string Fingerprint { get; init; }
}
