using System.Text.Json;
using System.Text.RegularExpressions;
using PteroAot.Testing.Http;

namespace PteroAot.Testing.Routes;

/// <summary><c>/servers/{server}/users</c>.</summary>
internal static partial class SubuserRoutes
{
    private const string Base = "/api/client/servers/{server}/users";

    public static void Map(Router router)
    {
        router.Map("GET", Base, ApiArea.Client, List);
        router.Map("POST", Base, ApiArea.Client, Create);
        router.Map("GET", Base + "/{user}", ApiArea.Client, View);
        router.Map("POST", Base + "/{user}", ApiArea.Client, Update);
        router.Map("DELETE", Base + "/{user}", ApiArea.Client, Delete);
    }

    private static Task List(ApiRequest r)
    {
        var server = ServerAccess.Resolve(r, "user.read");
        return AreaJson.Locked(r, 200, w => ClientTransformers.List(w, server.Subusers, ServerTransformers.Subuser));
    }

    // StoreSubuserRequest (email required|email|between:1,191, permissions required|array), then the check that
    // every requested permission is one the caller holds, then SubuserCreationService.
    private static Task Create(ApiRequest r)
    {
        var server = ServerAccess.Resolve(r, "user.create");
        var v = new Validation();
        var email = v.RequiredString(r.Input, "email");
        if (email is not null)
        {
            if (!EmailPattern().IsMatch(email))
            {
                v.Add("email", "email", "The email must be a valid email address.");
            }
            else if (email.Length > 191)
            {
                v.Add("email", "between", "The email must be between 1 and 191 characters.");
            }
        }

        var requested = ValidatePermissions(r, v);
        v.ThrowIfFailed();
        RequireAssignable(r, server, requested);

        FakeSubuser subuser;
        lock (r.State.Gate)
        {
            var user = r.State.FindUserByEmail(email!);
            if (user is null)
            {
                var local = NotUsernameChars().Replace(email!.Split('@')[0], "");
                string username;
                do
                {
                    username = (local.Length > 0 ? local : "user") + FakePanelState.RandomString(3).ToLowerInvariant();
                }
                while (r.State.FindUserByUsername(username) is not null);

                user = r.State.CreateUser(username, email!.ToLowerInvariant(), FakePanelState.RandomString(32));
                r.State.SetName(user, "Server", "Subuser");
            }
            else if (server.Owner.Id == user.Id)
            {
                throw new PanelException(400, "UserIsServerOwnerException", "You cannot add the server owner as a subuser for this server.");
            }
            else if (server.Subusers.Any(s => s.User.Id == user.Id))
            {
                throw new PanelException(400, "ServerSubuserExistsException", "A user with that email address is already assigned as a subuser for this server.");
            }

            subuser = new FakeSubuser(user, r.Now) { Permissions = Clean(requested) };
            server.Subusers.Add(subuser);
        }

        r.Activity("server:subuser.create", new() { ["email"] = subuser.User.Email });
        return AreaJson.Locked(r, 200, w => ServerTransformers.Subuser(w, subuser));
    }

    private static Task View(ApiRequest r)
    {
        var (server, subuser) = Bind(r, "user.read");
        return AreaJson.Locked(r, 200, w => ServerTransformers.Subuser(w, subuser));
    }

    private static Task Update(ApiRequest r)
    {
        var (server, subuser) = Bind(r, "user.update");
        var v = new Validation();
        var requested = ValidatePermissions(r, v);
        v.ThrowIfFailed();
        RequireAssignable(r, server, requested);
        lock (r.State.Gate)
        {
            var cleaned = Clean(requested);
            subuser.Permissions.Clear();
            subuser.Permissions.AddRange(cleaned);
        }

        r.Activity("server:subuser.update", new() { ["email"] = subuser.User.Email });
        return AreaJson.Locked(r, 200, w => ServerTransformers.Subuser(w, subuser));
    }

    private static Task Delete(ApiRequest r)
    {
        var (server, subuser) = Bind(r, "user.delete");
        lock (r.State.Gate)
        {
            server.Subusers.Remove(subuser);
        }

        r.Activity("server:subuser.delete", new() { ["email"] = subuser.User.Email });
        return r.NoContent();
    }

    // permissions: required|array of strings (non-strings are ignored, as array_intersect would drop them).
    private static List<string> ValidatePermissions(ApiRequest r, Validation v)
    {
        if (r.Input.IsMissing("permissions"))
        {
            v.Required("permissions");
            return [];
        }

        if (r.Input.GetElement("permissions") is not { ValueKind: JsonValueKind.Array } array)
        {
            v.Add("permissions", "array", "The permissions must be an array.");
            return [];
        }

        return [.. array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)];
    }

    // SubuserRequest::validatePermissionsCanBeAssigned: owners and admins skip it; a subuser may only grant what they hold.
    private static void RequireAssignable(ApiRequest r, FakeServer server, List<string> requested)
    {
        var held = r.State.PermissionsOf(r.User, server);
        if (held.Contains("*"))
        {
            return;
        }

        if (requested.Any(p => !held.Contains(p, StringComparer.Ordinal)))
        {
            throw new PanelException(403, "HttpForbiddenException", "Cannot assign permissions to a subuser that your account does not actively possess.");
        }
    }

    // Unknown strings are dropped; websocket.connect is always added.
    private static List<string> Clean(List<string> requested)
    {
        var known = ServerTransformers.Catalogue.SelectMany(g => g.Keys.Select(k => g.Group + "." + k.Key)).ToHashSet(StringComparer.Ordinal);
        return [.. requested.Where(known.Contains).Append("websocket.connect").Distinct(StringComparer.Ordinal)];
    }

    // Route binding (unknown or another server's user → 404), then the request's authorize(): the permission and
    // never oneself (403).
    private static (FakeServer Server, FakeSubuser Subuser) Bind(ApiRequest r, string permission)
    {
        var server = ServerAccess.Resolve(r);
        var text = r.RouteValues.TryGetValue("user", out var value) ? value : "";
        if (!Guid.TryParseExact(text, "D", out var uuid))
        {
            throw PanelException.NotFound();
        }

        FakeSubuser? subuser;
        lock (r.State.Gate)
        {
            subuser = server.Subusers.FirstOrDefault(s => s.User.Uuid == uuid);
        }

        if (subuser is null)
        {
            throw ServerAccess.SubResourceNotFound();
        }

        AreaJson.Authorize(r, server, permission);
        if (subuser.User.Id == r.User.Id)
        {
            throw new PanelException(403, "AccessDeniedHttpException", "This action is unauthorized.");
        }

        return (server, subuser);
    }

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"[^\w\.-]+")]
    private static partial Regex NotUsernameChars();
}
