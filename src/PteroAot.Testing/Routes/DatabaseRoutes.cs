using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using PteroAot.Testing.Http;

namespace PteroAot.Testing.Routes;

/// <summary><c>/servers/{server}/databases</c>.</summary>
internal static partial class DatabaseRoutes
{
    private const string Base = "/api/client/servers/{server}/databases";
    // Shared with the Application API's database routes: one id sequence per panel.
    internal static readonly ConditionalWeakTable<FakePanelState, StrongBox<int>> NextIds = new();

    public static void Map(Router router)
    {
        router.Map("GET", Base, ApiArea.Client, List);
        router.Map("POST", Base, ApiArea.Client, Create);
        router.Map("POST", Base + "/{database}/rotate-password", ApiArea.Client, RotatePassword);
        router.Map("DELETE", Base + "/{database}", ApiArea.Client, Delete);
    }

    [GeneratedRegex(@"^[\w\-/.%:]+$")]
    private static partial Regex RemotePattern();

    [GeneratedRegex(@"^[A-Za-z0-9_-]+$")]
    private static partial Regex AlphaDash();

    private static Task List(ApiRequest r)
    {
        var server = ServerAccess.Resolve(r, "database.read");
        var includes = r.Context.Request.Query["include"].ToString()
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var withPassword = includes.Contains("password", StringComparer.Ordinal);
        var canView = r.State.HasPermission(r.User, server, "database.view_password");
        List<FakeDatabase> databases;
        lock (r.State.Gate)
        {
            databases = [.. server.Databases];
        }

        return r.Json(200, w => ClientTransformers.List(w, databases, (w2, d) => Database(w2, d, withPassword, canView)));
    }

    private static Task Create(ApiRequest r)
    {
        var server = ServerAccess.Resolve(r, "database.create");
        var v = new Validation();
        var name = v.RequiredString(r.Input, "database");
        if (name is not null)
        {
            if (!AlphaDash().IsMatch(name))
            {
                v.Add("database", "alpha_dash", "The database may only contain letters, numbers, dashes and underscores.");
            }
            else if (name.Length < 3)
            {
                v.Add("database", "min", "The database must be at least 3 characters.");
            }
            else if (name.Length > 48)
            {
                v.Add("database", "max", "The database may not be greater than 48 characters.");
            }
        }

        var remote = v.RequiredString(r.Input, "remote");
        if (remote is not null && !RemotePattern().IsMatch(remote))
        {
            v.Add("remote", "regex", "The remote format is invalid.");
        }

        var fullName = "s" + server.Id.ToString(CultureInfo.InvariantCulture) + "_" + name;
        lock (r.State.Gate)
        {
            if (name is not null && !v.Failed && server.Databases.Any(d => d.Name == fullName))
            {
                v.Add("database", "", "The database name you have selected is already in use by this server.");
            }
        }

        v.ThrowIfFailed();
        FakeDatabase database;
        lock (r.State.Gate)
        {
            if (server.DatabaseLimit is { } limit && server.Databases.Count >= limit)
            {
                throw new PanelException(400, "TooManyDatabasesException",
                    "Operation aborted: creating a new database would put this server over the defined limit.");
            }

            var next = NextIds.GetValue(r.State, static _ => new StrongBox<int>(1));
            database = new FakeDatabase
            {
                Id = next.Value++,
                HashId = NewHashId(r.State),
                Name = fullName,
                Username = "u" + server.Id.ToString(CultureInfo.InvariantCulture) + "_" + FakePanelState.RandomString(10),
                Password = NewPassword(),
                Remote = remote!,
                CreatedAt = r.Now,
            };
            server.Databases.Add(database);
        }

        r.Activity("server:database.create", new() { ["name"] = fullName });
        var canView = r.State.HasPermission(r.User, server, "database.view_password");
        return r.Json(200, w => Database(w, database, includePassword: true, canView));
    }

    private static Task RotatePassword(ApiRequest r)
    {
        var server = ServerAccess.Resolve(r, "database.update");
        var database = Find(r, server);
        lock (r.State.Gate)
        {
            database.Password = NewPassword();
        }

        r.Activity("server:database.rotate-password", new() { ["name"] = database.Name });
        var canView = r.State.HasPermission(r.User, server, "database.view_password");
        return r.Json(200, w => Database(w, database, includePassword: true, canView));
    }

    private static Task Delete(ApiRequest r)
    {
        var server = ServerAccess.Resolve(r, "database.delete");
        var database = Find(r, server);
        lock (r.State.Gate)
        {
            server.Databases.Remove(database);
        }

        r.Activity("server:database.delete", new() { ["name"] = database.Name });
        return r.NoContent();
    }

    // Route binding: the hashid (or a numeric id) must name a database at all (else "could not be found"), and
    // then one of this server's (else "not found for this server").
    private static FakeDatabase Find(ApiRequest r, FakeServer server)
    {
        var key = r.RouteValues["database"];
        lock (r.State.Gate)
        {
            bool Matches(FakeDatabase d) =>
                d.HashId == key || (int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && d.Id == id);
            var own = server.Databases.FirstOrDefault(Matches);
            if (own is not null)
            {
                return own;
            }

            if (r.State.Servers.Any(s => s.Databases.Any(Matches)))
            {
                throw ServerAccess.SubResourceNotFound();
            }

            throw PanelException.NotFound();
        }
    }

    internal static string NewHashId(FakePanelState state)
    {
        while (true)
        {
            var id = FakePanelState.RandomString(8);
            if (!id.All(char.IsAsciiDigit) && !state.Servers.Any(s => s.Databases.Any(d => d.HashId == id)))
            {
                return id;
            }
        }
    }

    internal static string NewPassword()
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!@#$%^&*";
        return RandomNumberGenerator.GetString(alphabet, 24);
    }

    /// <summary><c>Client\DatabaseTransformer</c>.</summary>
    private static void Database(Utf8JsonWriter w, FakeDatabase d, bool includePassword, bool canView)
    {
        w.WriteStartObject();
        w.WriteString("object", "server_database");
        w.WriteStartObject("attributes");
        w.WriteString("id", d.HashId);
        w.WriteStartObject("host");
        w.WriteString("address", d.HostAddress);
        w.WriteNumber("port", d.HostPort);
        w.WriteEndObject();
        w.WriteString("name", d.Name);
        w.WriteString("username", d.Username);
        w.WriteString("connections_from", d.Remote);
        w.WriteNumber("max_connections", d.MaxConnections);
        if (includePassword)
        {
            w.WriteStartObject("relationships");
            w.WritePropertyName("password");
            if (canView)
            {
                w.WriteStartObject();
                w.WriteString("object", "database_password");
                w.WriteStartObject("attributes");
                w.WriteString("password", d.Password);
                w.WriteEndObject();
                w.WriteEndObject();
            }
            else
            {
                ClientTransformers.NullResource(w);
            }

            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }
}
