using System.Security.Cryptography;
using System.Text;

namespace PteroAot.Testing;

/// <summary>A panel user held by <see cref="FakePanelState"/>. Mutations go through the state's lock.</summary>
public sealed class FakeUser
{
    private byte[] _passwordHash;
    private readonly byte[] _salt = RandomNumberGenerator.GetBytes(16);
    internal readonly List<FakeApiKey> ApiKeyList = [];
    internal readonly List<FakeSshKey> SshKeyList = [];
    internal readonly List<FakeActivity> ActivityList = [];
    private readonly object _gate;

    internal FakeUser(object gate, int id, string username, string email, string password, bool admin, DateTimeOffset createdAt)
    {
        _gate = gate;
        Id = id;
        Uuid = Guid.NewGuid();
        Username = username;
        Email = email;
        Admin = admin;
        CreatedAt = createdAt;
        _passwordHash = Hash(password);
    }

    /// <summary>The integer id (application API id, <c>attributes.id</c> of <c>GET /account</c>).</summary>
    public int Id { get; }

    /// <summary>The user's UUID.</summary>
    public Guid Uuid { get; }

    /// <summary>The username.</summary>
    public string Username { get; internal set; }

    /// <summary>The e-mail address.</summary>
    public string Email { get; internal set; }

    /// <summary>First name.</summary>
    public string FirstName { get; internal set; } = "";

    /// <summary>Last name.</summary>
    public string LastName { get; internal set; } = "";

    /// <summary>An integrator's id, or null (Application API).</summary>
    public string? ExternalId { get; internal set; }

    /// <summary>When the user was last changed through the Application API.</summary>
    public DateTimeOffset? UpdatedAt { get; internal set; }

    /// <summary>Language code, <c>en</c> by default.</summary>
    public string Language { get; internal set; } = "en";

    /// <summary>Whether the user is a root admin.</summary>
    public bool Admin { get; internal set; }

    /// <summary>When the user was created.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>Whether two-factor authentication is enabled.</summary>
    public bool TwoFactorEnabled { get; internal set; }

    /// <summary>The base32 TOTP secret: the active one when two-factor is enabled, otherwise the pending one from the last setup call (or <see langword="null"/>).</summary>
    public string? TotpSecret { get; internal set; }

    /// <summary>The recovery tokens issued when two-factor was last enabled.</summary>
    public IReadOnlyList<string> RecoveryTokens { get; internal set; } = [];

    /// <summary>A snapshot of the user's API keys (client and application).</summary>
    public IReadOnlyList<FakeApiKey> ApiKeys { get { lock (_gate) { return [.. ApiKeyList]; } } }

    /// <summary>A snapshot of the user's SSH keys.</summary>
    public IReadOnlyList<FakeSshKey> SshKeys { get { lock (_gate) { return [.. SshKeyList]; } } }

    /// <summary>A snapshot of the activity entries whose subject is this user, oldest first.</summary>
    public IReadOnlyList<FakeActivity> Activity { get { lock (_gate) { return [.. ActivityList]; } } }

    /// <summary>Checks a password against the stored (salted, hashed) one.</summary>
    /// <param name="password">The candidate password.</param>
    /// <returns><see langword="true"/> when it matches.</returns>
    public bool CheckPassword(string? password)
    {
        if (password is null)
        {
            return false;
        }

        lock (_gate)
        {
            return CryptographicOperations.FixedTimeEquals(Hash(password), _passwordHash);
        }
    }

    internal void SetPassword(string password) => _passwordHash = Hash(password);

    private byte[] Hash(string password) => SHA256.HashData([.. _salt, .. Encoding.UTF8.GetBytes(password)]);
}

/// <summary>The kind of an API key.</summary>
public enum ApiKeyType
{
    /// <summary>A client (account) key, <c>ptlc_</c>, key_type 1.</summary>
    Client = 1,

    /// <summary>An application key, <c>ptla_</c>, key_type 2.</summary>
    Application = 2,
}

/// <summary>An API key as stored by the panel (the secret is kept so the fake can authenticate).</summary>
public sealed class FakeApiKey
{
    internal FakeApiKey(FakeUser owner, ApiKeyType type, string identifier, string secret, string description, IReadOnlyList<string> allowedIps, DateTimeOffset createdAt)
    {
        Owner = owner;
        Type = type;
        Identifier = identifier;
        Secret = secret;
        Description = description;
        AllowedIps = allowedIps;
        CreatedAt = createdAt;
    }

    /// <summary>The user the key belongs to.</summary>
    public FakeUser Owner { get; }

    /// <summary>Client or application key.</summary>
    public ApiKeyType Type { get; }

    /// <summary>The 16-char identifier (<c>ptlc_</c>/<c>ptla_</c> + 11 chars).</summary>
    public string Identifier { get; }

    /// <summary>The 32-char secret.</summary>
    public string Secret { get; }

    /// <summary>The 48-char bearer token (identifier + secret).</summary>
    public string Token => Identifier + Secret;

    /// <summary>The description (memo).</summary>
    public string Description { get; }

    /// <summary>IPs or CIDR ranges allowed to use the key; empty = any.</summary>
    public IReadOnlyList<string> AllowedIps { get; }

    /// <summary>When the key was last used to authenticate.</summary>
    public DateTimeOffset? LastUsedAt { get; internal set; }

    /// <summary>When the key was created.</summary>
    public DateTimeOffset CreatedAt { get; }
}

/// <summary>An SSH public key attached to an account.</summary>
/// <param name="Name">The name given by the user.</param>
/// <param name="Fingerprint"><c>SHA256:</c> + unpadded base64 of the SHA-256 of the key blob.</param>
/// <param name="PublicKey">The key as a <c>-----BEGIN PUBLIC KEY-----</c> PEM block.</param>
/// <param name="CreatedAt">When it was added.</param>
public sealed record FakeSshKey(string Name, string Fingerprint, string PublicKey, DateTimeOffset CreatedAt);

/// <summary>An activity log entry.</summary>
/// <param name="Id">The rendering id (40 hex chars).</param>
/// <param name="Batch">A batch UUID or <see langword="null"/>.</param>
/// <param name="Event">The event name, e.g. <c>user:account.email-changed</c>.</param>
/// <param name="IsApi">Whether it was performed with an API key.</param>
/// <param name="Ip">The IP address of the actor, or <see langword="null"/>.</param>
/// <param name="Actor">The acting user, or <see langword="null"/> for system events.</param>
/// <param name="Properties">String properties (e.g. <c>old</c>/<c>new</c>, <c>identifier</c>, <c>fingerprint</c>).</param>
/// <param name="Timestamp">When it happened.</param>
public sealed record FakeActivity(
    string Id,
    Guid? Batch,
    string Event,
    bool IsApi,
    string? Ip,
    FakeUser? Actor,
    IReadOnlyDictionary<string, string> Properties,
    DateTimeOffset Timestamp)
{
    internal static FakeActivity Create(string eventName, FakeUser? actor, string? ip, bool isApi,
        IReadOnlyDictionary<string, string>? properties, DateTimeOffset timestamp) =>
        new(Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(20)), null, eventName, isApi, ip, actor,
            properties ?? new Dictionary<string, string>(), timestamp);
}
