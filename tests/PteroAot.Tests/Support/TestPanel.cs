using PteroAot.Testing;

namespace PteroAot.Tests.Support;

/// <summary>A started fake panel and an SDK client for its demo user; each test owns one, so tests run in parallel.</summary>
internal sealed class TestPanel : IAsyncDisposable
{
    private TestPanel(FakePanel panel, PteroClient client)
    {
        Panel = panel;
        Client = client;
    }

    public FakePanel Panel { get; }

    public PteroClient Client { get; }

    private PteroClient? _admin;

    /// <summary>A client with the admin's application key (<c>ptla_</c>), for the Application API.</summary>
    public PteroClient Admin => _admin ??= new PteroClient(Panel.Url.ToString(), Panel.ApplicationKey);

    public const string DemoPassword = "demo-password";

    public static async Task<TestPanel> StartAsync(FakePanelOptions? panelOptions = null, PteroClientOptions? clientOptions = null)
    {
        var panel = await FakePanel.StartAsync(panelOptions);
        return new TestPanel(panel, new PteroClient(panel.Url.ToString(), panel.ClientKey, clientOptions));
    }

    /// <summary>A second client for the same panel with another key.</summary>
    public PteroClient ClientWith(string key, PteroClientOptions? options = null) => new(Panel.Url.ToString(), key, options);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        _admin?.Dispose();
        await Panel.DisposeAsync();
    }
}

/// <summary>
/// A clock for retry tests: waits complete at once and move the shared "now" forward by their length, so a client
/// and a fake panel sharing it see a rate-limit window pass without the test sleeping.
/// </summary>
internal sealed class SkippingTimeProvider : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Skipped => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Skipped;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime > TimeSpan.Zero && dueTime != Timeout.InfiniteTimeSpan)
        {
            Interlocked.Add(ref _offsetTicks, dueTime.Ticks);
            return System.CreateTimer(callback, state, TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        }
        return System.CreateTimer(callback, state, dueTime, period);
    }
}
