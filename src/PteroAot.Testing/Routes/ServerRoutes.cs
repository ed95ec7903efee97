using System.Text.Json;
using System.Text.RegularExpressions;
using PteroAot.Testing.Http;

namespace PteroAot.Testing.Routes;

/// <summary><c>/api/client</c> server list, permissions, and <c>/servers/{server}</c> details, resources, power, command, websocket, activity and settings.</summary>
internal static partial class ServerRoutes
{
    private const string Server = "/api/client/servers/{server}";
    private static readonly string[] ListFilters = ["uuid", "name", "description", "external_id", "*"];

    public static void Map(Router router)
    {
        router.Map("GET", "/api/client", ApiArea.Client, List);
        router.Map("GET", "/api/client/permissions", ApiArea.Client,
            r => r.Json(200, ServerTransformers.SystemPermissions));
        router.Map("GET", Server, ApiArea.Client, Get);
        router.Map("GET", Server + "/websocket", ApiArea.Client, Websocket);
        router.Map("GET", Server + "/resources", ApiArea.Client, Resources);
        router.Map("GET", Server + "/activity", ApiArea.Client, Activity);
        router.Map("POST", Server + "/command", ApiArea.Client, Command);
        router.Map("POST", Server + "/power", ApiArea.Client, Power);
        router.Map("POST", Server + "/settings/rename", ApiArea.Client, Rename);
        router.Map("POST", Server + "/settings/reinstall", ApiArea.Client, Reinstall);
        router.Map("PUT", Server + "/settings/docker-image", ApiArea.Client, DockerImage);
    }

    private static Task List(ApiRequest r)
    {
        var query = QueryString.Parse(r.Context.Request.QueryString.Value);
        var filters = QueryString.Filters(query, ListFilters);
        var includes = QueryString.Includes(query);
        var type = QueryString.Get(query, "type");
        var user = r.User;
        var state = r.State;

        List<FakeServer> all;
        lock (state.Gate)
        {
            IEnumerable<FakeServer> servers = state.Servers;
            servers = type switch
            {
                "owner" => servers.Where(s => s.Owner.Id == user.Id),
                "admin" => user.Admin ? servers.Where(s => !IsOwnerOrSubuser(state, user, s)) : [],
                "admin-all" => user.Admin ? servers : [],
                _ => servers.Where(s => IsOwnerOrSubuser(state, user, s)),
            };

            foreach (var (field, value) in filters)
            {
                if (string.IsNullOrEmpty(value))
                {
                    continue;
                }

                servers = field switch
                {
                    "*" => servers.Where(s => MultiFieldMatch(s, value)).ToList(),
                    _ => servers.Where(s => AnyContains(FieldOf(s, field), value)).ToList(),
                };
            }

            all = servers.ToList();
        }

        var page = Paginator.Create(query, all.Count, defaultPerPage: 50, maxPerPage: 100);
        var slice = all.Skip((page.CurrentPage - 1) * page.PerPage).Take(page.PerPage).ToList();
        var url = r.Panel.BaseUrl + r.Context.Request.Path.Value;
        return r.Json(200, w =>
        {
            lock (state.Gate)
            {
                w.WriteStartObject();
                w.WriteString("object", "list");
                w.WriteStartArray("data");
                foreach (var s in slice)
                {
                    ServerTransformers.Server(w, state, user, s, includes.Contains("egg"), includes.Contains("subusers"));
                }

                w.WriteEndArray();
                Paginator.WriteMeta(w, page, slice.Count, url, query);
                w.WriteEndObject();
            }
        });
    }

    private static bool IsOwnerOrSubuser(FakePanelState state, FakeUser user, FakeServer s)
    {
        lock (state.Gate)
        {
            return s.Owner.Id == user.Id || s.Subusers.Any(x => x.User.Id == user.Id);
        }
    }

    private static string? FieldOf(FakeServer s, string field) => field switch
    {
        "uuid" => s.Uuid.ToString(),
        "name" => s.Name,
        "description" => s.Description,
        "external_id" => s.ExternalId,
        _ => null,
    };

    // spatie partial filters: LIKE %v%, case-insensitive; a comma list is an OR list.
    private static bool AnyContains(string? haystack, string value) =>
        haystack is not null && value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Any(v => haystack.Contains(v, StringComparison.OrdinalIgnoreCase));

    /// <summary>The panel's <c>MultiFieldServerFilter</c>.</summary>
    private static bool MultiFieldMatch(FakeServer s, string value)
    {
        if (Ipv4Filter().IsMatch(value) || PortOnlyFilter().IsMatch(value))
        {
            var parts = value.Split(':', 2);
            var ip = parts[0];
            int? port = parts.Length > 1 && int.TryParse(parts[1], out var p) ? p : null;
            return s.Allocations.Any(a => (ip.Length == 0 || a.Ip.StartsWith(ip, StringComparison.Ordinal)) && (port is null || a.Port == port));
        }

        var uuid = s.Uuid.ToString();
        return string.Equals(uuid, value, StringComparison.OrdinalIgnoreCase)
            || uuid.StartsWith(value, StringComparison.OrdinalIgnoreCase)
            || string.Equals(s.Identifier, value, StringComparison.OrdinalIgnoreCase)
            || (s.ExternalId is not null && string.Equals(s.ExternalId, value, StringComparison.Ordinal))
            || s.Name.Contains(value, StringComparison.OrdinalIgnoreCase);
    }

    [GeneratedRegex(@"^(?:\d{1,3}\.){3}\d{1,3}(?::\d{1,5})?$")]
    private static partial Regex Ipv4Filter();

    [GeneratedRegex(@"^:\d{1,5}$")]
    private static partial Regex PortOnlyFilter();

    private static Task Get(ApiRequest r)
    {
        var server = ServerAccess.Resolve(r, checkState: false);
        var includes = QueryString.Includes(QueryString.Parse(r.Context.Request.QueryString.Value));
        return r.Json(200, w =>
        {
            lock (r.State.Gate)
            {
                ServerTransformers.Server(w, r.State, r.User, server, includes.Contains("egg"), includes.Contains("subusers"), withMeta: true);
            }
        });
    }

    private static Task Websocket(ApiRequest r)
    {
        var server = ServerAccess.Resolve(r, checkState: false);
        if (ServerAccess.Conflict(server) is { } conflict)
        {
            // Root admins may watch installs, restores and transfers; nobody connects to a suspended server or a node in maintenance.
            var adminPasses = r.User.Admin && server is { Status: not "suspended", NodeUnderMaintenance: false };
            if (!adminPasses)
            {
                throw new PanelException(409, "ServerStateConflictException", conflict);
            }
        }

        if (!r.State.HasPermission(r.User, server, "websocket.connect"))
        {
            throw new PanelException(403, "HttpForbiddenException", "You do not have permission to connect to this server's websocket.");
        }

        var token = r.Panel.Wings.IssueToken(r.User, server, r.State.PermissionsOf(r.User, server), r.Panel.BaseUrl);
        // Points at the fake Wings on this panel's port (the real panel answers wss://<node>:8080/api/servers/<uuid>/ws).
        var socket = $"ws://127.0.0.1:{r.Panel.Url.Port}/daemon/servers/{server.Uuid}/ws";
        return r.Json(200, w =>
        {
            w.WriteStartObject();
            w.WriteStartObject("data");
            w.WriteString("token", token);
            w.WriteString("socket", socket);
            w.WriteEndObject();
            w.WriteEndObject();
        });
    }

    private static Task Resources(ApiRequest r)
    {
        var server = ServerAccess.Resolve(r);
        return r.Json(200, w =>
        {
            lock (r.State.Gate)
            {
                ServerTransformers.Stats(w, server);
            }
        });
    }

    private static Task Activity(ApiRequest r) =>
        AccountActivityRoutes.WriteListAsync(r, ServerAccess.Resolve(r, "activity.read").Activity);

    private static Task Command(ApiRequest r)
    {
        var server = ServerAccess.Resolve(r, "control.console");
        var v = new Validation();
        var command = v.RequiredString(r.Input, "command");
        v.ThrowIfFailed();
        lock (r.State.Gate)
        {
            if (server.PowerState == "offline")
            {
                throw new PanelException(502, "HttpException", "Server must be online in order to send commands.");
            }
        }

        Log(r, server, "server:console.command", new() { ["command"] = command! });
        return r.NoContent();
    }

    private static Task Power(ApiRequest r)
    {
        var signal = r.Input.GetString("signal");
        // The permission is resolved from the signal before validation: subusers get 403 for an unknown signal.
        var permission = signal switch
        {
            "start" => "control.start",
            "stop" or "kill" => "control.stop",
            "restart" => "control.restart",
            _ => "control.unknown-signal",
        };
        var server = ServerAccess.Resolve(r, permission);
        var v = new Validation();
        signal = v.RequiredString(r.Input, "signal");
        if (signal is not null && signal is not ("start" or "stop" or "restart" or "kill"))
        {
            v.Add("signal", "in", "The selected signal is invalid.");
        }

        v.ThrowIfFailed();
        lock (r.State.Gate)
        {
            if (signal is "stop" or "kill")
            {
                server.PowerState = "offline";
                server.Resources.MemoryBytes = 0;
                server.Resources.CpuAbsolute = 0;
                server.Resources.UptimeMs = 0;
            }
            else
            {
                if (signal == "restart" || server.PowerState == "offline")
                {
                    server.Resources.UptimeMs = 0;
                }

                server.PowerState = "running";
            }
        }

        Log(r, server, "server:power." + signal);
        return r.NoContent();
    }

    private static Task Rename(ApiRequest r)
    {
        var server = ServerAccess.Resolve(r, "settings.rename");
        var v = new Validation();
        var name = v.RequiredString(r.Input, "name");
        if (name is { Length: > 191 })
        {
            v.Add("name", "max", "The name may not be greater than 191 characters.");
        }

        var hasDescription = r.Input.GetElement("description") is not null;
        var description = r.Input.GetString("description");
        if (r.Input.GetElement("description") is { ValueKind: not (JsonValueKind.String or JsonValueKind.Null) })
        {
            v.MustBeString("description");
        }

        v.ThrowIfFailed();
        string oldName;
        lock (r.State.Gate)
        {
            oldName = server.Name;
            server.Name = name!;
            if (hasDescription)
            {
                server.Description = description ?? "";
            }
        }

        if (!string.Equals(oldName, name, StringComparison.Ordinal))
        {
            Log(r, server, "server:settings.rename", new() { ["old"] = oldName, ["new"] = name! });
        }

        return r.NoContent();
    }

    private static Task Reinstall(ApiRequest r)
    {
        var server = ServerAccess.Resolve(r, "settings.reinstall");
        lock (r.State.Gate)
        {
            server.Status = "installing";
        }

        Log(r, server, "server:reinstall");
        return r.Json(202, w =>
        {
            w.WriteStartArray();
            w.WriteEndArray();
        });
    }

    private static Task DockerImage(ApiRequest r)
    {
        var server = ServerAccess.Resolve(r, "startup.docker-image");
        var v = new Validation();
        var image = v.RequiredString(r.Input, "docker_image");
        string[] images;
        string current;
        lock (r.State.Gate)
        {
            images = [.. server.DockerImages.Values];
            current = server.DockerImage;
        }

        if (image is not null)
        {
            if (image.Length > 191)
            {
                v.Add("docker_image", "max", "The docker image may not be greater than 191 characters.");
            }

            if (!images.Contains(image, StringComparer.Ordinal))
            {
                v.Add("docker_image", "in", "The selected docker image is invalid.");
            }
        }

        v.ThrowIfFailed();
        if (!images.Contains(current, StringComparer.Ordinal))
        {
            throw PanelException.BadRequest("This server's Docker image has been manually set by an administrator and cannot be updated.");
        }

        lock (r.State.Gate)
        {
            server.DockerImage = image!;
        }

        if (!string.Equals(current, image, StringComparison.Ordinal))
        {
            Log(r, server, "server:startup.image", new() { ["old"] = current, ["new"] = image! });
        }

        return r.NoContent();
    }

    internal static void Log(ApiRequest r, FakeServer server, string eventName, Dictionary<string, string>? properties = null) =>
        r.State.RecordServerActivity(server, eventName, r.User, r.Ip, isApi: true, properties);
}
