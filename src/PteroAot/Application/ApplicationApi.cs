using PteroAot.Http;

namespace PteroAot.Application;

/// <summary>
/// The Application API (<c>/api/application</c>): what a panel administrator automates. It needs an application key
/// (<c>ptla_</c>) or a root admin's client key; any other key gets 403. Ids here are the panel's numeric ids
/// (<see cref="ServerId"/>, <see cref="UserId"/>, ...), not the Client API's <see cref="ServerIdentifier"/>.
/// </summary>
public sealed class ApplicationApi
{
    internal ApplicationApi(PteroConnection connection)
    {
        Users = new ApplicationUsersApi(connection);
        Locations = new LocationsApi(connection);
        Nodes = new NodesApi(connection);
        Servers = new ApplicationServersApi(connection);
        Databases = new ApplicationDatabasesApi(connection);
        Nests = new NestsApi(connection);
    }

    /// <summary>Users: list, view (by id or external id), create, update, delete.</summary>
    public ApplicationUsersApi Users { get; }

    /// <summary>Locations: list, view, create, update, delete.</summary>
    public LocationsApi Locations { get; }

    /// <summary>Nodes, their Wings configuration and their allocations.</summary>
    public NodesApi Nodes { get; }

    /// <summary>Servers: list, view, create, update details/build/startup, suspend, reinstall, delete.</summary>
    public ApplicationServersApi Servers { get; }

    /// <summary>Databases of servers.</summary>
    public ApplicationDatabasesApi Databases { get; }

    /// <summary>Nests and their eggs (with variables, the input for creating a server).</summary>
    public NestsApi Nests { get; }
}
