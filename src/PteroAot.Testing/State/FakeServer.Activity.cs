using System.Security.Cryptography;

namespace PteroAot.Testing;

// Server-level activity (the server is the subject): GET /api/client/servers/{server}/activity.
public sealed partial class FakeServer
{
    internal readonly List<FakeActivity> ActivityList = [];

    /// <summary>A snapshot of the activity entries whose subject is this server, oldest first (read it outside the panel's requests, or under the state's lock).</summary>
    public IReadOnlyList<FakeActivity> Activity
    {
        get
        {
            lock (ActivityList)
            {
                return [.. ActivityList];
            }
        }
    }
}

/// <summary>Recording server activity in a <see cref="FakePanelState"/>.</summary>
public static class FakeServerActivity
{
    /// <summary>Adds an activity entry whose subject is <paramref name="server"/>.</summary>
    /// <param name="state">The panel state.</param>
    /// <param name="server">The server the entry is about.</param>
    /// <param name="eventName">The event name, e.g. <c>server:power.start</c>.</param>
    /// <param name="actor">The acting user, or <see langword="null"/> for a system or Wings event.</param>
    /// <param name="ip">The actor's IP.</param>
    /// <param name="isApi">Whether it was done with an API key.</param>
    /// <param name="properties">String properties.</param>
    /// <param name="timestamp">When; defaults to now.</param>
    /// <returns>The entry.</returns>
    public static FakeActivity RecordServerActivity(
        this FakePanelState state,
        FakeServer server,
        string eventName,
        FakeUser? actor,
        string? ip = "127.0.0.1",
        bool isApi = true,
        IReadOnlyDictionary<string, string>? properties = null,
        DateTimeOffset? timestamp = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(server);
        var entry = FakeActivity.Create(eventName, actor, ip, isApi, properties, timestamp ?? state.Now);
        lock (server.ActivityList)
        {
            server.ActivityList.Add(entry);
        }

        return entry;
    }
}
