using PteroAot.Servers;

namespace PteroAot.Application;

/// <summary>
/// Going between the three ids of one server. The Application API wants the numeric id, the Client API the
/// 8-character identifier or the UUID:
/// <list type="table">
/// <listheader><term>Id</term><description>Where it comes from and where it goes</description></listheader>
/// <item><term><see cref="ServerId"/> (e.g. <c>7</c>)</term><description>Application <see cref="ApplicationServer.Id"/>;
/// Client <see cref="Server.InternalId"/>. Wanted by <c>/api/application/servers/{server}</c>. The Client API answers 404 for it.</description></item>
/// <item><term>identifier, a <see cref="ServerIdentifier"/> (e.g. <c>1a7ce997</c>)</term><description>Application
/// <see cref="ApplicationServer.Identifier"/> (<c>uuidShort</c>); Client <see cref="Server.Identifier"/>. Wanted by
/// <c>/api/client/servers/{server}</c>. Back to a <see cref="ServerId"/>:
/// <see cref="ApplicationServersApi.GetByIdentifierAsync"/> (a <c>filter[uuidShort]</c> lookup, exact match).</description></item>
/// <item><term>UUID, also a <see cref="ServerIdentifier"/></term><description>Application <see cref="ApplicationServer.Uuid"/>;
/// Client <see cref="Server.Uuid"/>. Accepted by the Client API (keeps spaces in file names). Back to a
/// <see cref="ServerId"/>: <see cref="ApplicationServersApi.GetByIdentifierAsync"/> (<c>filter[uuid]</c>).</description></item>
/// <item><term><c>external_id</c> (free text)</term><description>Set by integrators; application only:
/// <see cref="ApplicationServersApi.GetByExternalIdAsync(string, ApplicationServerInclude, CancellationToken)"/>.</description></item>
/// </list>
/// </summary>
public static class ServerIds
{
    /// <summary>The id to use with the Client API (<c>/api/client/servers/{server}</c>): the 8-character identifier.</summary>
    /// <param name="server">An Application API server.</param>
    public static ServerIdentifier ToClientIdentifier(this ApplicationServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        return server.Identifier;
    }

    /// <summary>The UUID as a Client API <see cref="ServerIdentifier"/> (keeps leading/trailing spaces of file names in file calls).</summary>
    /// <param name="server">An Application API server.</param>
    public static ServerIdentifier ToClientUuid(this ApplicationServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        return ServerIdentifier.Parse(server.Uuid.ToString("D"));
    }

    /// <summary>The id to use with the Application API: the Client API's <c>internal_id</c>.</summary>
    /// <param name="server">A Client API server.</param>
    public static ServerId ToApplicationId(this Server server)
    {
        ArgumentNullException.ThrowIfNull(server);
        return server.InternalId;
    }

    /// <summary>Whether <paramref name="identifier"/> (8-character identifier or UUID) is exactly this server's.</summary>
    /// <param name="server">An Application API server.</param>
    /// <param name="identifier">The identifier or UUID.</param>
    public static bool Matches(ApplicationServer server, ServerIdentifier identifier)
    {
        ArgumentNullException.ThrowIfNull(server);
        if (identifier.Value is null)
            return false;
        return identifier.IsUuid
            ? Guid.TryParse(identifier.Value, out var uuid) && uuid == server.Uuid
            : string.Equals(server.Identifier.Value, identifier.Value, StringComparison.OrdinalIgnoreCase);
    }
}
