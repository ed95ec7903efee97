using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using PteroAot.Testing.Http;

namespace PteroAot.Testing.Routes.Application;

/// <summary>
/// <c>/api/application/servers/{server}/databases</c>: list, view, create, reset password, delete. The databases are
/// the server's own list, the same one the client API's database routes show (with hashids there).
/// </summary>
internal static partial class ApplicationDatabaseRoutes
{
    private const string Base = "/api/application/servers/{server}/databases";
    private const string Includes = "password,host";

    public static void Map(Router router)
    {
        router.Map("GET", Base, ApiArea.Application, List);
        router.Map("GET", Base + "/{database}", ApiArea.Application, Get);
        router.Map("POST", Base, ApiArea.Application, Create);
        router.Map("POST", Base + "/{database}/reset-password", ApiArea.Application, ResetPassword);
        router.Map("DELETE", Base + "/{database}", ApiArea.Application, Delete);
    }

    // Laravel's alpha_dash: unicode letters, marks, numbers, dashes and underscores.
    [GeneratedRegex(@"^[\p{L}\p{M}\p{N}_-]+$")]
    private static partial Regex AlphaDash();

    [GeneratedRegex(@"^[0-9%.]{1,15}$")]
    private static partial Regex RemotePattern();

    private static FakeServer FindServer(ApiRequest r) =>
        AreaJson.RouteInt(r, "server") is { } id && r.State.FindServerById(id) is { } server ? server : throw PanelException.NotFound();

    // Scoped binding: numeric id (or hashid) of one of this server's databases, else 404.
    private static FakeDatabase FindDatabase(ApiRequest r, FakeServer server)
    {
        var key = r.RouteValues["database"];
        lock (r.State.Gate)
        {
            return server.Databases.FirstOrDefault(d =>
                       d.HashId == key || (int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && d.Id == id))
                   ?? throw PanelException.NotFound();
        }
    }

    private static Task List(ApiRequest r)
    {
        var includes = ApplicationTransformers.Includes(r, Includes);
        var server = FindServer(r);
        return AreaJson.Locked(r, 200, w => ClientTransformers.List(w, server.Databases.OrderBy(d => d.Id),
            (w2, d) => ApplicationTransformers.ServerDatabase(w2, server, d, includes, state: r.State)));
    }

    private static Task Get(ApiRequest r)
    {
        var includes = ApplicationTransformers.Includes(r, Includes);
        var server = FindServer(r);
        var database = FindDatabase(r, server);
        return AreaJson.Locked(r, 200, w => ApplicationTransformers.ServerDatabase(w, server, database, includes, state: r.State));
    }

    // StoreServerDatabaseRequest, then DatabaseManagementService::create (limit check, s{id}_ prefix).
    private static Task Create(ApiRequest r)
    {
        var server = FindServer(r);
        var input = r.Input;
        var v = new Validation();
        var name = v.RequiredString(input, "database");
        var prefix = "s" + server.Id.ToString(CultureInfo.InvariantCulture) + "_";
        if (name is not null)
        {
            if (!AlphaDash().IsMatch(name))
            {
                v.Add("database", "alpha_dash", "The database must only contain letters, numbers, dashes, and underscores.");
            }

            if (name.Length > 48)
            {
                v.Add("database", "max", "The database must not be greater than 48 characters.");
            }

            lock (r.State.Gate)
            {
                if (server.Databases.Any(d => d.Name == prefix + name))
                {
                    v.Add("database", "unique", "The database has already been taken.");
                }
            }
        }

        var remote = v.RequiredString(input, "remote");
        if (remote is not null && !RemotePattern().IsMatch(remote))
        {
            v.Add("remote", "regex", "The remote format is invalid.");
        }

        FakeDatabaseHost? host = null;
        if (input.IsMissing("host"))
        {
            v.Required("host");
        }
        else if (AreaJson.Numeric(input, "host") is not { } hostId || hostId != Math.Floor(hostId))
        {
            v.Add("host", "integer", "The host must be an integer.");
        }
        else if ((host = r.State.FindDatabaseHost((int)hostId)) is null)
        {
            v.Add("host", "exists", "The selected host is invalid.");
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

            // One id sequence with the client API's routes: both APIs show the same databases.
            var next = Routes.DatabaseRoutes.NextIds.GetValue(r.State, static _ => new StrongBox<int>(1));
            database = new FakeDatabase
            {
                Id = next.Value++,
                HashId = Routes.DatabaseRoutes.NewHashId(r.State),
                Name = prefix + name,
                Username = "u" + server.Id.ToString(CultureInfo.InvariantCulture) + "_" + FakePanelState.RandomString(10),
                Password = Routes.DatabaseRoutes.NewPassword(),
                Remote = remote!,
                HostId = host!.Id,
                HostAddress = host.Host,
                HostPort = host.Port,
                CreatedAt = r.Now,
            };
            server.Databases.Add(database);
        }

        var url = $"{r.Panel.BaseUrl}/api/application/servers/{server.Id.ToString(CultureInfo.InvariantCulture)}/databases/{database.Id.ToString(CultureInfo.InvariantCulture)}";
        return AreaJson.Locked(r, 201, w => ApplicationTransformers.WithResource(w, url,
            w2 => ApplicationTransformers.ServerDatabase(w2, server, database, new HashSet<string>(), state: r.State)));
    }

    private static Task ResetPassword(ApiRequest r)
    {
        var server = FindServer(r);
        var database = FindDatabase(r, server);
        lock (r.State.Gate)
        {
            database.Password = Routes.DatabaseRoutes.NewPassword();
        }

        return r.NoContent();
    }

    private static Task Delete(ApiRequest r)
    {
        var server = FindServer(r);
        var database = FindDatabase(r, server);
        lock (r.State.Gate)
        {
            server.Databases.Remove(database);
        }

        return r.NoContent();
    }
}
