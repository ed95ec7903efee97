using PteroAot.Testing;
using PteroAot.Tests.Support;

namespace PteroAot.Tests.Client.Servers;

/// <summary>The fake panel's seeded servers and a few shorthands for the server tests.</summary>
internal static class ServerFixtures
{
    /// <summary>Seeded servers the demo user can open: Survival, Creative (own) and Shared Lobby (subuser).</summary>
    public const int SeededVisibleToDemo = 3;

    public static FakeServer Named(this TestPanel t, string name) => t.Panel.State.Servers.Single(s => s.Name == name);

    public static ServerIdentifier Id(this FakeServer server) => ServerIdentifier.Parse(server.Identifier);

    /// <summary>Survival: the demo user's, running.</summary>
    public static FakeServer Survival(this TestPanel t) => t.Named("Survival");

    /// <summary>Creative: the demo user's, offline.</summary>
    public static FakeServer Creative(this TestPanel t) => t.Named("Creative");

    /// <summary>Shared Lobby: the admin's; the demo user is a subuser with control.console, control.start, file.read, file.read-content.</summary>
    public static FakeServer SharedLobby(this TestPanel t) => t.Named("Shared Lobby");

    /// <summary>A server of a third user the demo user has no access to.</summary>
    public static FakeServer Foreign(this TestPanel t)
    {
        var other = t.Panel.State.FindUserByUsername("stranger") ?? t.Panel.State.CreateUser("stranger", "stranger@example.com", "stranger-password");
        return t.Panel.State.CreateServer(other, "Not Yours");
    }
}
