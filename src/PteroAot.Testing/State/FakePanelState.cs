using System.Security.Cryptography;

namespace PteroAot.Testing;

/// <summary>
/// The in-memory data of a fake panel: users, API keys, SSH keys and activity.
/// Every member is thread-safe (one lock guards the whole state).
/// </summary>
public sealed partial class FakePanelState
{
    private const string RandomAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>Maximum number of client API keys per user (the panel's limit).</summary>
    public const int MaxClientKeysPerUser = 25;

    private readonly object _gate = new();
    private readonly List<FakeUser> _users = [];
    private readonly Dictionary<string, FakeApiKey> _keysByIdentifier = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private int _nextUserId = 1;

    internal FakePanelState(TimeProvider time)
    {
        _time = time;
        SeedInfrastructure();
    }

    internal object Gate => _gate;

    internal DateTimeOffset Now => _time.GetUtcNow();

    /// <summary>A snapshot of all users.</summary>
    public IReadOnlyList<FakeUser> Users { get { lock (_gate) { return [.. _users]; } } }

    /// <summary>Creates a user.</summary>
    /// <param name="username">Username (unique).</param>
    /// <param name="email">E-mail address (unique, case-insensitive).</param>
    /// <param name="password">Plain-text password.</param>
    /// <param name="admin">Whether the user is a root admin.</param>
    /// <returns>The new user.</returns>
    /// <exception cref="InvalidOperationException">The username or e-mail is taken.</exception>
    public FakeUser CreateUser(string username, string email, string password, bool admin = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(username);
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        ArgumentNullException.ThrowIfNull(password);
        lock (_gate)
        {
            if (_users.Any(u => string.Equals(u.Username, username, StringComparison.OrdinalIgnoreCase)))
            {
                throw new InvalidOperationException($"The username '{username}' is taken.");
            }

            if (FindUserByEmail(email) is not null)
            {
                throw new InvalidOperationException($"The e-mail '{email}' is taken.");
            }

            var user = new FakeUser(_gate, _nextUserId++, username, email, password, admin, Now);
            _users.Add(user);
            return user;
        }
    }

    /// <summary>Removes a user with their API keys and subuser seats (no checks: the Application API route refuses owners of servers first).</summary>
    /// <param name="user">The user.</param>
    internal void RemoveUser(FakeUser user)
    {
        lock (_gate)
        {
            _users.Remove(user);
            foreach (var key in user.ApiKeyList)
            {
                _keysByIdentifier.Remove(key.Identifier);
            }

            user.ApiKeyList.Clear();
            foreach (var server in _servers)
            {
                server.Subusers.RemoveAll(s => ReferenceEquals(s.User, user));
            }
        }
    }

    /// <summary>Sets a user's first and last name.</summary>
    /// <param name="user">The user.</param>
    /// <param name="firstName">First name.</param>
    /// <param name="lastName">Last name.</param>
    public void SetName(FakeUser user, string firstName, string lastName)
    {
        ArgumentNullException.ThrowIfNull(user);
        lock (_gate)
        {
            user.FirstName = firstName;
            user.LastName = lastName;
        }
    }

    /// <summary>Issues a client (<c>ptlc_</c>) key for <paramref name="user"/>, bypassing the 25-key limit.</summary>
    /// <param name="user">The owner.</param>
    /// <param name="description">The key's description.</param>
    /// <param name="allowedIps">IPs or CIDR ranges allowed to use it; <see langword="null"/> or empty = any.</param>
    /// <returns>The 48-char bearer token.</returns>
    public string IssueClientKey(FakeUser user, string description = "Issued by the fake panel", IEnumerable<string>? allowedIps = null) =>
        AddKey(user, ApiKeyType.Client, description, allowedIps?.ToArray() ?? []).Token;

    /// <summary>Issues an application (<c>ptla_</c>) key for <paramref name="user"/>.</summary>
    /// <param name="user">The owner (should be a root admin for the application API to accept it).</param>
    /// <returns>The 48-char bearer token.</returns>
    public string IssueApplicationKey(FakeUser user) =>
        AddKey(user, ApiKeyType.Application, "Application key issued by the fake panel", []).Token;

    /// <summary>Finds a user by id.</summary>
    /// <param name="id">The integer id.</param>
    /// <returns>The user or <see langword="null"/>.</returns>
    public FakeUser? FindUser(int id)
    {
        lock (_gate)
        {
            return _users.FirstOrDefault(u => u.Id == id);
        }
    }

    /// <summary>Finds a user by username (case-insensitive).</summary>
    /// <param name="username">The username.</param>
    /// <returns>The user or <see langword="null"/>.</returns>
    public FakeUser? FindUserByUsername(string username)
    {
        lock (_gate)
        {
            return _users.FirstOrDefault(u => string.Equals(u.Username, username, StringComparison.OrdinalIgnoreCase));
        }
    }

    /// <summary>Finds a user by e-mail (case-insensitive).</summary>
    /// <param name="email">The e-mail address.</param>
    /// <returns>The user or <see langword="null"/>.</returns>
    public FakeUser? FindUserByEmail(string email)
    {
        lock (_gate)
        {
            return _users.FirstOrDefault(u => string.Equals(u.Email, email, StringComparison.OrdinalIgnoreCase));
        }
    }

    /// <summary>Finds an API key by its 16-char identifier.</summary>
    /// <param name="identifier">The identifier.</param>
    /// <returns>The key or <see langword="null"/>.</returns>
    public FakeApiKey? FindApiKey(string identifier)
    {
        lock (_gate)
        {
            return _keysByIdentifier.GetValueOrDefault(identifier);
        }
    }

    /// <summary>Resolves a 48-char bearer token to its key, comparing the secret in constant time.</summary>
    /// <param name="token">The bearer token.</param>
    /// <returns>The key or <see langword="null"/>.</returns>
    public FakeApiKey? Authenticate(string token)
    {
        if (token is not { Length: 48 })
        {
            return null;
        }

        var key = FindApiKey(token[..16]);
        if (key is null)
        {
            return null;
        }

        var a = System.Text.Encoding.UTF8.GetBytes(key.Secret);
        var b = System.Text.Encoding.UTF8.GetBytes(token[16..]);
        return CryptographicOperations.FixedTimeEquals(a, b) ? key : null;
    }

    /// <summary>Adds an activity entry whose subject is <paramref name="subject"/>.</summary>
    /// <param name="subject">The user the entry is about (it shows in their account activity).</param>
    /// <param name="eventName">The event name.</param>
    /// <param name="actor">The acting user, or <see langword="null"/> for a system event.</param>
    /// <param name="ip">The actor's IP.</param>
    /// <param name="isApi">Whether it was done with an API key.</param>
    /// <param name="properties">String properties.</param>
    /// <param name="timestamp">When; defaults to now.</param>
    /// <returns>The entry.</returns>
    public FakeActivity RecordActivity(
        FakeUser subject,
        string eventName,
        FakeUser? actor,
        string? ip = "127.0.0.1",
        bool isApi = true,
        IReadOnlyDictionary<string, string>? properties = null,
        DateTimeOffset? timestamp = null)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var entry = FakeActivity.Create(eventName, actor, ip, isApi, properties, timestamp ?? Now);
        lock (_gate)
        {
            subject.ActivityList.Add(entry);
        }

        return entry;
    }

    /// <summary>Random letters and digits, like Laravel's <c>Str::random</c>.</summary>
    /// <param name="length">How many characters.</param>
    /// <returns>The random string.</returns>
    public static string RandomString(int length) => RandomNumberGenerator.GetString(RandomAlphabet, length);

    internal FakeApiKey AddKey(FakeUser user, ApiKeyType type, string description, IReadOnlyList<string> allowedIps)
    {
        ArgumentNullException.ThrowIfNull(user);
        lock (_gate)
        {
            string identifier;
            do
            {
                identifier = (type == ApiKeyType.Client ? "ptlc_" : "ptla_") + RandomString(11);
            }
            while (_keysByIdentifier.ContainsKey(identifier));

            var key = new FakeApiKey(user, type, identifier, RandomString(32), description, allowedIps, Now);
            _keysByIdentifier.Add(identifier, key);
            user.ApiKeyList.Add(key);
            return key;
        }
    }

    internal bool RemoveKey(FakeUser user, string identifier, ApiKeyType type)
    {
        lock (_gate)
        {
            var key = user.ApiKeyList.FirstOrDefault(k => k.Type == type && k.Identifier == identifier);
            if (key is null)
            {
                return false;
            }

            user.ApiKeyList.Remove(key);
            _keysByIdentifier.Remove(identifier);
            return true;
        }
    }

    internal void Seed()
    {
        var demo = CreateUser("demo", "demo@example.com", "demo-password");
        SetName(demo, "Demo", "User");
        var admin = CreateUser("admin", "admin@example.com", "admin-password", admin: true);
        SetName(admin, "Admin", "User");

        var now = Now;
        var first = IssueClientKey(demo, "Demo key");
        var second = IssueClientKey(demo, "CI deploy");
        IssueApplicationKey(admin);
        var sshKey = SshKeyParser.Parse(SshKeyParser.NewEd25519Line("demo@laptop"));
        lock (_gate)
        {
            demo.SshKeyList.Add(new FakeSshKey("laptop", sshKey.Fingerprint, sshKey.Pem, now.AddMinutes(-30)));
        }

        RecordActivity(demo, "auth:success", demo, "127.0.0.1", isApi: false, timestamp: now.AddHours(-2));
        RecordActivity(demo, "user:api-key.create", demo, isApi: false,
            properties: new Dictionary<string, string> { ["identifier"] = first[..16] }, timestamp: now.AddHours(-1));
        RecordActivity(demo, "user:api-key.create", demo, isApi: false,
            properties: new Dictionary<string, string> { ["identifier"] = second[..16] }, timestamp: now.AddMinutes(-45));
        RecordActivity(demo, "user:ssh-key.create", demo, isApi: false,
            properties: new Dictionary<string, string> { ["fingerprint"] = sshKey.Fingerprint }, timestamp: now.AddMinutes(-30));
        SeedServers(demo, admin);
    }
}
