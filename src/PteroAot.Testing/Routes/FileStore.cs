using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PteroAot.Testing.Http;

namespace PteroAot.Testing.Routes;

/// <summary>
/// Per-panel file machinery: one temporary directory holding every server's tree (deleted when the panel stops),
/// the signed-URL tokens, and the file-pull throttle.
/// </summary>
internal sealed class FileStore
{
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromMinutes(15);
    public const int PullLimit = 10;
    public static readonly TimeSpan PullWindow = TimeSpan.FromMinutes(5);
    private static readonly ConditionalWeakTable<FakePanel, FileStore> Stores = new();

    private readonly object _gate = new();
    private readonly Dictionary<string, SignedToken> _tokens = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, (DateTimeOffset Start, int Hits)> _pulls = [];
    private string? _baseDirectory;

    /// <summary>The store of a panel; the first call from a request hooks the directory's deletion to the panel's shutdown.</summary>
    public static FileStore Of(FakePanel panel, HttpContext context)
    {
        var store = Stores.GetValue(panel, static _ => new FileStore());
        store.EnsureBase(context);
        return store;
    }

    private void EnsureBase(HttpContext context)
    {
        lock (_gate)
        {
            if (_baseDirectory is not null)
            {
                return;
            }

            var dir = Path.Combine(Path.GetTempPath(), "pteroaot-fake-" + Guid.NewGuid().ToString("N")[..12]);
            Directory.CreateDirectory(dir);
            _baseDirectory = dir;
            var lifetime = context.RequestServices.GetRequiredService<IHostApplicationLifetime>();
            lifetime.ApplicationStopped.Register(() => DeleteQuietly(dir));
            AppDomain.CurrentDomain.ProcessExit += (_, _) => DeleteQuietly(dir);
        }
    }

    private static void DeleteQuietly(string dir)
    {
        try
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>The server's root directory on disk, created and seeded with demo files on first use.</summary>
    public string RootOf(FakeServer server)
    {
        lock (server.FilesGate)
        {
            if (server.FilesDirectory is { } existing)
            {
                return existing;
            }

            string root;
            lock (_gate)
            {
                root = Path.Combine(_baseDirectory!, server.Uuid.ToString("N"));
            }

            Directory.CreateDirectory(root);
            SeedFiles(root, server);
            server.FilesDirectory = root;
            return root;
        }
    }

    private static void SeedFiles(string root, FakeServer server)
    {
        File.WriteAllText(Path.Combine(root, "server.properties"), "motd=" + server.Name + "\nserver-port=25565\nmax-players=20\n");
        File.WriteAllText(Path.Combine(root, "eula.txt"), "#By changing the setting below to TRUE you are indicating your agreement to our EULA.\neula=true\n");
        Directory.CreateDirectory(Path.Combine(root, "logs"));
        File.WriteAllText(Path.Combine(root, "logs", "latest.log"), "[12:00:00] [Server thread/INFO]: Done!\n");
        Directory.CreateDirectory(Path.Combine(root, "plugins"));
        Directory.CreateDirectory(Path.Combine(root, "world"));
        File.WriteAllBytes(Path.Combine(root, "world", "level.dat"), [0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00]);
    }

    public string IssueToken(FakePanel panel, FakeServer server, string kind, string? relativePath)
    {
        var token = FakePanelState.RandomString(48);
        lock (_gate)
        {
            _tokens[token] = new SignedToken(server, kind, relativePath, panel.State.Now + TokenLifetime);
        }

        return panel.Url + "daemon/" + kind + "/file?token=" + token;
    }

    /// <summary>Takes a token (single use). Null with an error status and text when it is missing, unknown, used or expired.</summary>
    public (SignedToken? Token, int Status, string Error) Redeem(string? token, string kind, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(token))
        {
            return (null, 401, "The required authorization heads were not present in the request.");
        }

        lock (_gate)
        {
            if (!_tokens.TryGetValue(token, out var entry) || entry.Kind != kind)
            {
                return (null, 403, "You are not authorized to access this endpoint: the token is not valid.");
            }

            if (entry.Used)
            {
                return (null, 404, "The requested resource was not found on this server.");
            }

            if (now >= entry.ExpiresAt)
            {
                return (null, 403, "You are not authorized to access this endpoint: the token has expired.");
            }

            entry.Used = true;
            return (entry, 200, "");
        }
    }

    /// <summary><c>throttle:10,5</c> on <c>files/pull</c>: per user, on top of the client limit.</summary>
    public void HitPull(ApiRequest r)
    {
        var now = r.Now;
        lock (_gate)
        {
            if (!_pulls.TryGetValue(r.User.Uuid, out var window) || now >= window.Start + PullWindow)
            {
                window = (now, 0);
            }

            if (window.Hits >= PullLimit)
            {
                _pulls[r.User.Uuid] = window;
                var reset = window.Start + PullWindow;
                var error = new PanelException(429, "ThrottleRequestsException", "Too Many Attempts.");
                error.Headers["X-RateLimit-Limit"] = PullLimit.ToString(CultureInfo.InvariantCulture);
                error.Headers["X-RateLimit-Remaining"] = "0";
                error.Headers["Retry-After"] = Math.Max((long)Math.Ceiling((reset - now).TotalSeconds), 0).ToString(CultureInfo.InvariantCulture);
                error.Headers["X-RateLimit-Reset"] = reset.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
                throw error;
            }

            window.Hits++;
            _pulls[r.User.Uuid] = window;
            // The limiter with fewer remaining requests sets the headers.
            r.Context.Response.Headers["X-RateLimit-Limit"] = PullLimit.ToString(CultureInfo.InvariantCulture);
            r.Context.Response.Headers["X-RateLimit-Remaining"] = (PullLimit - window.Hits).ToString(CultureInfo.InvariantCulture);
        }
    }

    /// <summary>
    /// Resolves a server path (<c>/a/b</c>, <c>a/b</c>) below <paramref name="root"/>; a path that leaves the root is a
    /// Wings 404. Returns the full path and the normalised relative path (no leading slash; empty for the root).
    /// </summary>
    public static (string Full, string Relative) Resolve(string root, string? path)
    {
        var parts = new List<string>();
        foreach (var part in (path ?? "").Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                if (parts.Count == 0)
                {
                    throw Wings(404, "The requested resources was not found on the system.");
                }

                parts.RemoveAt(parts.Count - 1);
                continue;
            }

            parts.Add(part);
        }

        var relative = string.Join('/', parts);
        var full = relative.Length == 0 ? root : Path.Combine(root, relative);
        return (full, relative);
    }

    /// <summary>Joins a root directory and a name the way Wings does (<c>filepath.Join(root, name)</c>).</summary>
    public static string Join(string? root, string name) => (root ?? "/").TrimEnd('/') + "/" + name.TrimStart('/');

    /// <summary>A Wings error as the panel passes it on (<c>DaemonConnectionException</c> with the Wings status).</summary>
    public static PanelException Wings(int status, string text) =>
        new(status, "DaemonConnectionException", $"An error occurred on the remote host: {text}. (request id: {Guid.NewGuid()})");

    /// <summary>Writes a <c>file_object</c> (Wings' stat of a path).</summary>
    public static void FileObject(Utf8JsonWriter w, FakeServer server, FileSystemInfo info, string relative)
    {
        var isDir = info is DirectoryInfo;
        int bits;
        lock (server.FilesGate)
        {
            bits = server.FileModes.TryGetValue(relative, out var m) ? m : isDir ? 0x1ED : 0x1A4; // 755 / 644
        }

        w.WriteStartObject();
        w.WriteString("object", "file_object");
        w.WriteStartObject("attributes");
        w.WriteString("name", info.Name);
        w.WriteString("mode", ModeString(isDir, bits));
        w.WriteString("mode_bits", Convert.ToString(bits, 8));
        w.WriteNumber("size", isDir ? 4096 : ((FileInfo)info).Length);
        w.WriteBoolean("is_file", !isDir);
        w.WriteBoolean("is_symlink", false);
        w.WriteString("mimetype", isDir ? "inode/directory" : MimeType(info.Name));
        w.WriteTimestamp("created_at", new DateTimeOffset(info.CreationTimeUtc, TimeSpan.Zero));
        w.WriteTimestamp("modified_at", new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero));
        w.WriteEndObject();
        w.WriteEndObject();
    }

    public static string ModeString(bool isDir, int bits)
    {
        Span<char> chars = stackalloc char[10];
        chars[0] = isDir ? 'd' : '-';
        const string rwx = "rwx";
        for (int i = 0; i < 9; i++)
        {
            chars[i + 1] = (bits & (1 << (8 - i))) != 0 ? rwx[i % 3] : '-';
        }

        return new string(chars);
    }

    public static string MimeType(string name) => Path.GetExtension(name).ToLowerInvariant() switch
    {
        ".txt" or ".properties" or ".yml" or ".yaml" or ".json" or ".log" or ".cfg" or ".conf" or ".sh" or ".toml" or ".ini" or ".md"
            => "text/plain; charset=utf-8",
        ".jar" => "application/java-archive",
        ".gz" or ".tgz" => "application/gzip",
        ".zip" => "application/zip",
        ".tar" => "application/x-tar",
        _ => "application/octet-stream",
    };
}

/// <summary>A signed URL's token.</summary>
internal sealed class SignedToken(FakeServer server, string kind, string? relativePath, DateTimeOffset expiresAt)
{
    public FakeServer Server => server;

    public string Kind => kind;

    public string? RelativePath => relativePath;

    public DateTimeOffset ExpiresAt => expiresAt;

    public bool Used { get; set; }
}
