using PteroAot.Account;
using PteroAot.Application;
using PteroAot.Backups;
using PteroAot.Consoles;
using PteroAot.Databases;
using PteroAot.Files;
using PteroAot.Http;
using PteroAot.Network;
using PteroAot.Schedules;
using PteroAot.Servers;
using PteroAot.Startup;
using PteroAot.Subusers;

namespace PteroAot;

/// <summary>
/// Entry point of the SDK: a panel URL and an API key, and the API areas as properties.
/// </summary>
/// <example>
/// <code>
/// using var panel = new PteroClient("https://panel.example.com", "ptlc_...");
/// var me = await panel.Account.GetAsync();
/// </code>
/// </example>
public sealed class PteroClient : IDisposable
{
    /// <summary>Creates a client with its own <see cref="HttpClient"/> (pooled connections, no automatic redirects).</summary>
    /// <param name="panelUrl">The panel's root URL, e.g. <c>https://panel.example.com</c>.</param>
    /// <param name="apiKey">A client key (<c>ptlc_</c>) for the Client API, or an application key (<c>ptla_</c>).</param>
    /// <param name="options">Behaviour settings.</param>
    public PteroClient(string panelUrl, string apiKey, PteroClientOptions? options = null)
        : this(CreateHttpClient(options), ParseUrl(panelUrl), apiKey, options, ownsHttpClient: true)
    {
    }

    /// <summary>Creates a client over a caller's <see cref="HttpClient"/>, for example one from <c>IHttpClientFactory</c>.</summary>
    /// <param name="httpClient">The client to send with; it is not disposed by this instance.</param>
    /// <param name="panelUrl">The panel's root URL.</param>
    /// <param name="apiKey">A client (<c>ptlc_</c>) or application (<c>ptla_</c>) key.</param>
    /// <param name="options">Behaviour settings.</param>
    public PteroClient(HttpClient httpClient, string panelUrl, string apiKey, PteroClientOptions? options = null)
        : this(httpClient, ParseUrl(panelUrl), apiKey, options, ownsHttpClient: false)
    {
    }

    private PteroClient(HttpClient httpClient, Uri panelUrl, string apiKey, PteroClientOptions? options, bool ownsHttpClient)
    {
        Connection = new PteroConnection(httpClient, panelUrl, apiKey, options, ownsHttpClient);
        Account = new AccountApi(Connection);
        Servers = new ServersApi(Connection);
        Startup = new StartupApi(Connection);
        Files = new FilesApi(Connection);
        Databases = new DatabasesApi(Connection);
        Schedules = new SchedulesApi(Connection);
        Network = new NetworkApi(Connection);
        Subusers = new SubusersApi(Connection);
        Backups = new BackupsApi(Connection);
        Console = new ConsoleApi(Connection, Servers);
        Application = new ApplicationApi(Connection);
    }

    /// <summary>The transport shared by every area; pass it to your own <c>[PteroApi]</c> classes.</summary>
    public PteroConnection Connection { get; }

    /// <summary>The account area: details, e-mail, password, API keys, two-factor, SSH keys, activity.</summary>
    public AccountApi Account { get; }

    /// <summary>Servers: list (every page), details, resources, power, commands, websocket credentials, activity, settings.</summary>
    public ServersApi Servers { get; }

    /// <summary>Startup variables and command of a server.</summary>
    public StartupApi Startup { get; }

    /// <summary>Files of a server, with streaming download and upload.</summary>
    public FilesApi Files { get; }

    /// <summary>Databases of a server.</summary>
    public DatabasesApi Databases { get; }

    /// <summary>Schedules and tasks of a server.</summary>
    public SchedulesApi Schedules { get; }

    /// <summary>Network allocations of a server.</summary>
    public NetworkApi Network { get; }

    /// <summary>Subusers of a server.</summary>
    public SubusersApi Subusers { get; }

    /// <summary>Backups of a server, with streaming download.</summary>
    public BackupsApi Backups { get; }

    /// <summary>Live console sessions over the Wings websocket (events, commands, power, token refresh, reconnects).</summary>
    public ConsoleApi Console { get; }

    /// <summary>The Application API (admin): users, nodes, locations, servers, databases, nests and eggs. Needs an application key or a root admin's key.</summary>
    public ApplicationApi Application { get; }

    /// <summary>The rate-limit headers of the latest response (<c>X-RateLimit-Remaining</c> and friends).</summary>
    public RateLimitInfo LastRateLimit => Connection.LastRateLimit;

    /// <inheritdoc/>
    public void Dispose() => Connection.Dispose();

    private static Uri ParseUrl(string panelUrl)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(panelUrl);
        if (!Uri.TryCreate(panelUrl.Trim(), UriKind.Absolute, out var uri))
            throw new ArgumentException($"'{panelUrl}' is not an absolute URL; give the panel's address, e.g. https://panel.example.com.", nameof(panelUrl));
        return uri;
    }

    private static HttpClient CreateHttpClient(PteroClientOptions? options)
    {
        var handler = new SocketsHttpHandler
        {
            // A redirect means a wrong URL (http to https, a login page); following it would hide that, and drop the key.
            AllowAutoRedirect = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AutomaticDecompression = System.Net.DecompressionMethods.All,
        };
        return new HttpClient(handler) { Timeout = (options ?? new PteroClientOptions()).Timeout };
    }
}
