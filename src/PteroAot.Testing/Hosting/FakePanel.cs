using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PteroAot.Testing.Http;
using PteroAot.Testing.Routes;

namespace PteroAot.Testing;

/// <summary>
/// An in-memory Pterodactyl panel 1.x served by Kestrel on <c>http://127.0.0.1</c>.
/// Start one with <see cref="StartAsync"/> and dispose it to stop it.
/// </summary>
public sealed class FakePanel : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<RecordedRequest> _requests = [];
    private readonly object _requestsGate = new();
    private int _disposed;

    private FakePanel(WebApplication app, FakePanelOptions options, FakePanelState state)
    {
        _app = app;
        Options = options;
        State = state;
        Url = new Uri("http://127.0.0.1/");
        Wings = new FakeWings(this, options.Wings);
    }

    /// <summary>The panel's base URL, e.g. <c>http://127.0.0.1:41255/</c> (with a trailing slash).</summary>
    public Uri Url { get; private set; }

    /// <summary>The options the panel was started with.</summary>
    public FakePanelOptions Options { get; }

    /// <summary>The in-memory data.</summary>
    public FakePanelState State { get; }

    /// <summary>The fake Wings console websocket: tokens, connections and test hooks.</summary>
    public FakeWings Wings { get; }

    /// <summary>Fault injection for the next matching requests.</summary>
    public FakeFaults Faults { get; } = new();

    /// <summary>The seeded demo user's client API key (48 chars, <c>ptlc_</c>).</summary>
    public string ClientKey { get; private set; } = "";

    /// <summary>The seeded admin user's application API key (48 chars, <c>ptla_</c>).</summary>
    public string ApplicationKey { get; private set; } = "";

    /// <summary>The seeded demo user (<c>demo</c> / <c>demo@example.com</c> / <c>demo-password</c>).</summary>
    public FakeUser DemoUser { get; private set; } = null!;

    /// <summary>The seeded root admin (<c>admin</c> / <c>admin@example.com</c> / <c>admin-password</c>).</summary>
    public FakeUser AdminUser { get; private set; } = null!;

    /// <summary>A snapshot of every request received so far, oldest first.</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_requestsGate)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>The base URL without a trailing slash.</summary>
    internal string BaseUrl => Url.GetLeftPart(UriPartial.Authority);

    /// <summary>Starts a panel.</summary>
    /// <param name="options">Settings; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running panel; <see cref="Url"/> holds the real port.</returns>
    public static async Task<FakePanel> StartAsync(FakePanelOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new FakePanelOptions();
        ArgumentNullException.ThrowIfNull(options.TimeProvider);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, options.Port));
        var app = builder.Build();

        var state = new FakePanelState(options.TimeProvider);
        var panel = new FakePanel(app, options, state);
        if (options.Seed)
        {
            state.Seed();
            panel.DemoUser = state.FindUserByUsername("demo")!;
            panel.AdminUser = state.FindUserByUsername("admin")!;
            panel.ClientKey = panel.DemoUser.ApiKeys.First(k => k.Type == ApiKeyType.Client).Token;
            panel.ApplicationKey = panel.AdminUser.ApiKeys.First(k => k.Type == ApiKeyType.Application).Token;
        }

        var router = new Router();
        var daemon = new DaemonRouter();
        ClientRoutes.Map(router, daemon, options);
        daemon.Map("GET", "/daemon/servers/{uuid}/ws", r => r.Panel.Wings.HandleAsync(r));
        var pipeline = new PanelPipeline(panel, router, daemon, new RateLimiter(options.TimeProvider));
        app.UseWebSockets();
        app.Run(pipeline.HandleAsync);

        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(address).Port;
        panel.Url = new Uri($"http://127.0.0.1:{port}/");
        return panel;
    }

    internal void Record(RecordedRequest request)
    {
        lock (_requestsGate)
        {
            _requests.Add(request);
        }
    }

    /// <summary>Forgets the recorded requests.</summary>
    public void ClearRequests()
    {
        lock (_requestsGate)
        {
            _requests.Clear();
        }
    }

    /// <summary>Stops the server.</summary>
    /// <returns>A task that completes when Kestrel has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        using (var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            await _app.StopAsync(cts.Token).ConfigureAwait(false);
        }

        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
