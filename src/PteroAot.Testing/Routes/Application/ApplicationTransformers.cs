using System.Text.Json;
using PteroAot.Testing.Http;

namespace PteroAot.Testing.Routes.Application;

/// <summary>
/// The panel's <c>Application\*Transformer</c>s, written with <see cref="Utf8JsonWriter"/>, with their
/// <c>?include=</c> relationships. Call them under the state's lock (they read related objects).
/// </summary>
internal static class ApplicationTransformers
{
    /// <summary>
    /// Parses <c>?include=a,b</c> against what the resource offers (a comma list). Fractal drops names it does not
    /// know; <c>transfer</c> on a server is advertised but has no include method, so the panel answers 500.
    /// </summary>
    public static HashSet<string> Includes(ApiRequest r, string available)
    {
        var allowed = available.Split(',');
        var requested = r.Context.Request.Query["include"].ToString()
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (available == ServerIncludes && requested.Contains("transfer", StringComparer.Ordinal))
        {
            throw new PanelException(500, "BadMethodCallException",
                "An unexpected error was encountered while processing this request, please try again.");
        }

        return requested.Where(n => allowed.Contains(n, StringComparer.Ordinal)).ToHashSet(StringComparer.Ordinal);
    }

    public const string ServerIncludes = "allocations,user,subusers,nest,egg,variables,location,node,databases";

    /// <summary><c>UserTransformer</c>; include <c>servers</c>.</summary>
    public static void User(Utf8JsonWriter w, FakePanelState state, FakeUser user, ISet<string> includes)
    {
        Open(w, "user");
        w.WriteNumber("id", user.Id);
        WriteNullable(w, "external_id", user.ExternalId);
        w.WriteString("uuid", user.Uuid.ToString());
        w.WriteString("username", user.Username);
        w.WriteString("email", user.Email);
        w.WriteString("first_name", user.FirstName);
        w.WriteString("last_name", user.LastName);
        w.WriteString("language", user.Language);
        w.WriteBoolean("root_admin", user.Admin);
        w.WriteBoolean("2fa", user.TwoFactorEnabled);
        w.WriteTimestamp("created_at", user.CreatedAt);
        w.WriteTimestamp("updated_at", user.UpdatedAt ?? user.CreatedAt);
        if (includes.Count > 0)
        {
            w.WriteStartObject("relationships");
            if (includes.Contains("servers"))
            {
                w.WritePropertyName("servers");
                ClientTransformers.List(w, state.Servers.Where(s => s.Owner.Id == user.Id), (w2, s) => Server(w2, state, s, Empty));
            }

            w.WriteEndObject();
        }

        Close(w);
    }

    /// <summary><c>ServerTransformer</c>; includes as in <see cref="ServerIncludes"/>.</summary>
    public static void Server(Utf8JsonWriter w, FakePanelState state, FakeServer server, ISet<string> includes)
    {
        Open(w, "server");
        w.WriteNumber("id", server.Id);
        WriteNullable(w, "external_id", server.ExternalId);
        w.WriteString("uuid", server.Uuid.ToString());
        w.WriteString("identifier", server.Identifier);
        w.WriteString("name", server.Name);
        w.WriteString("description", server.Description);
        WriteNullable(w, "status", server.Status);
        w.WriteBoolean("suspended", server.Status == "suspended");
        w.WriteStartObject("limits");
        w.WriteNumber("memory", server.MemoryLimit);
        w.WriteNumber("swap", server.SwapLimit);
        w.WriteNumber("disk", server.DiskLimit);
        w.WriteNumber("io", server.IoWeight);
        w.WriteNumber("cpu", server.CpuLimit);
        WriteNullable(w, "threads", server.Threads);
        w.WriteBoolean("oom_disabled", server.OomDisabled);
        w.WriteEndObject();
        w.WriteStartObject("feature_limits");
        WriteNullable(w, "databases", server.DatabaseLimit);
        WriteNullable(w, "allocations", server.AllocationLimit);
        WriteNullable(w, "backups", server.BackupLimit);
        w.WriteEndObject();
        w.WriteNumber("user", server.Owner.Id);
        w.WriteNumber("node", server.NodeId);
        w.WriteNumber("allocation", server.PrimaryAllocation?.Id ?? 0);
        w.WriteNumber("nest", server.NestId);
        w.WriteNumber("egg", server.EggId);
        w.WriteStartObject("container");
        w.WriteString("startup_command", server.StartupCommand);
        w.WriteString("image", server.DockerImage);
        w.WriteNumber("installed", server.Status is "installing" or "install_failed" ? 0 : 1);
        w.WriteStartObject("environment");
        foreach (var variable in server.Variables)
        {
            w.WriteString(variable.EnvVariable, variable.ServerValue ?? variable.DefaultValue);
        }

        w.WriteString("STARTUP", server.StartupCommand);
        w.WriteString("P_SERVER_LOCATION", state.FindLocation(state.FindNode(server.NodeId)?.LocationId ?? 0)?.Short ?? "");
        w.WriteString("P_SERVER_UUID", server.Uuid.ToString());
        WriteNullable(w, "P_SERVER_ALLOCATION_LIMIT", server.AllocationLimit);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteTimestamp("updated_at", server.UpdatedAt ?? server.CreatedAt);
        w.WriteTimestamp("created_at", server.CreatedAt);
        if (includes.Count > 0)
        {
            w.WriteStartObject("relationships");
            foreach (var include in includes)
            {
                w.WritePropertyName(include);
                switch (include)
                {
                    case "allocations":
                        ClientTransformers.List(w, server.Allocations.OrderBy(a => a.Id), (w2, a) => Allocation(w2, state, a, server, Empty));
                        break;
                    case "user":
                        User(w, state, server.Owner, Empty);
                        break;
                    case "subusers":
                        ClientTransformers.List(w, server.Subusers, (w2, s) => Subuser(w2, server, s));
                        break;
                    case "nest":
                        ItemOrNull(w, state.FindNest(server.NestId), n => Nest(w, state, n, Empty));
                        break;
                    case "egg":
                        ItemOrNull(w, state.FindEgg(server.EggId), e => Egg(w, state, e, Empty));
                        break;
                    case "variables":
                        ClientTransformers.List(w, server.Variables, (w2, v) => ServerVariable(w2, server, v));
                        break;
                    case "location":
                        ItemOrNull(w, state.FindLocation(state.FindNode(server.NodeId)?.LocationId ?? 0), l => Location(w, state, l, Empty));
                        break;
                    case "node":
                        ItemOrNull(w, state.FindNode(server.NodeId), n => Node(w, state, n, Empty));
                        break;
                    case "databases":
                        // Quirk 13.1.2: the items of this include are named "databases".
                        ClientTransformers.List(w, server.Databases, (w2, d) => ServerDatabase(w2, server, d, Empty, objectName: "databases"));
                        break;
                }
            }

            w.WriteEndObject();
        }

        Close(w);
    }

    /// <summary>Application <c>SubuserTransformer</c> (only as an include).</summary>
    public static void Subuser(Utf8JsonWriter w, FakeServer server, FakeSubuser subuser)
    {
        Open(w, "subuser");
        w.WriteNumber("id", subuser.User.Id * 1000 + server.Id);
        w.WriteNumber("user_id", subuser.User.Id);
        w.WriteNumber("server_id", server.Id);
        w.WriteStartArray("permissions");
        foreach (var permission in subuser.Permissions)
        {
            w.WriteStringValue(permission);
        }

        w.WriteEndArray();
        w.WriteTimestamp("created_at", subuser.CreatedAt);
        w.WriteTimestamp("updated_at", subuser.CreatedAt);
        Close(w);
    }

    /// <summary><c>ServerVariableTransformer</c>: the egg variable and the server's value.</summary>
    public static void ServerVariable(Utf8JsonWriter w, FakeServer server, FakeVariable variable)
    {
        Open(w, "server_variable");
        VariableColumns(w, variable.EggVariableId, server.EggId, variable.Name, variable.Description, variable.EnvVariable,
            variable.DefaultValue, variable.UserViewable, variable.UserEditable, variable.Rules);
        w.WriteString("created_at", MicroTimestamp(server.CreatedAt));
        w.WriteString("updated_at", MicroTimestamp(server.CreatedAt));
        WriteNullable(w, "server_value", variable.ServerValue);
        Close(w);
    }

    /// <summary><c>NodeTransformer</c>; includes <c>allocations</c>, <c>location</c>, <c>servers</c>. <paramref name="deployable"/> adds <c>sum_memory</c>/<c>sum_disk</c>.</summary>
    public static void Node(Utf8JsonWriter w, FakePanelState state, FakeNode node, ISet<string> includes, bool deployable = false)
    {
        var servers = state.Servers.Where(s => s.NodeId == node.Id).ToList();
        Open(w, "node");
        w.WriteNumber("id", node.Id);
        w.WriteString("uuid", node.Uuid.ToString());
        w.WriteBoolean("public", node.Public);
        w.WriteString("name", node.Name);
        WriteNullable(w, "description", node.Description);
        w.WriteNumber("location_id", node.LocationId);
        w.WriteString("fqdn", node.Fqdn);
        w.WriteString("scheme", node.Scheme);
        w.WriteBoolean("behind_proxy", node.BehindProxy);
        w.WriteBoolean("maintenance_mode", node.MaintenanceMode);
        w.WriteNumber("memory", node.Memory);
        w.WriteNumber("memory_overallocate", node.MemoryOverallocate);
        w.WriteNumber("disk", node.Disk);
        w.WriteNumber("disk_overallocate", node.DiskOverallocate);
        w.WriteNumber("upload_size", node.UploadSize);
        w.WriteNumber("daemon_listen", node.DaemonListen);
        w.WriteNumber("daemon_sftp", node.DaemonSftp);
        w.WriteString("daemon_base", node.DaemonBase);
        w.WriteTimestamp("created_at", node.CreatedAt);
        w.WriteTimestamp("updated_at", node.UpdatedAt);
        if (deployable)
        {
            w.WriteNumber("sum_memory", servers.Sum(s => s.MemoryLimit));
            w.WriteNumber("sum_disk", servers.Sum(s => s.DiskLimit));
        }

        w.WriteStartObject("allocated_resources");
        w.WriteNumber("memory", servers.Sum(s => s.MemoryLimit));
        w.WriteNumber("disk", servers.Sum(s => s.DiskLimit));
        w.WriteEndObject();
        if (includes.Count > 0)
        {
            w.WriteStartObject("relationships");
            foreach (var include in includes)
            {
                w.WritePropertyName(include);
                switch (include)
                {
                    case "allocations":
                        ClientTransformers.List(w, state.AllocationsOnNode(node.Id), (w2, p) => Allocation(w2, state, p.Allocation, p.Server, Empty));
                        break;
                    case "location":
                        ItemOrNull(w, state.FindLocation(node.LocationId), l => Location(w, state, l, Empty));
                        break;
                    case "servers":
                        ClientTransformers.List(w, servers, (w2, s) => Server(w2, state, s, Empty));
                        break;
                }
            }

            w.WriteEndObject();
        }

        Close(w);
    }

    /// <summary>Application <c>AllocationTransformer</c>; includes <c>node</c>, <c>server</c> (null_resource when unassigned).</summary>
    public static void Allocation(Utf8JsonWriter w, FakePanelState state, FakeAllocation allocation, FakeServer? server, ISet<string> includes)
    {
        Open(w, "allocation");
        w.WriteNumber("id", allocation.Id);
        w.WriteString("ip", allocation.Ip);
        WriteNullable(w, "alias", allocation.Alias);
        w.WriteNumber("port", allocation.Port);
        WriteNullable(w, "notes", allocation.Notes);
        w.WriteBoolean("assigned", server is not null);
        if (includes.Count > 0)
        {
            w.WriteStartObject("relationships");
            if (includes.Contains("node"))
            {
                w.WritePropertyName("node");
                ItemOrNull(w, state.FindNode(allocation.NodeId), n => Node(w, state, n, Empty));
            }

            if (includes.Contains("server"))
            {
                w.WritePropertyName("server");
                ItemOrNull(w, server, s => Server(w, state, s, Empty));
            }

            w.WriteEndObject();
        }

        Close(w);
    }

    /// <summary><c>LocationTransformer</c>; includes <c>nodes</c>, <c>servers</c>.</summary>
    public static void Location(Utf8JsonWriter w, FakePanelState state, FakeLocation location, ISet<string> includes)
    {
        Open(w, "location");
        w.WriteNumber("id", location.Id);
        w.WriteString("short", location.Short);
        WriteNullable(w, "long", location.Long);
        w.WriteTimestamp("updated_at", location.UpdatedAt);
        w.WriteTimestamp("created_at", location.CreatedAt);
        if (includes.Count > 0)
        {
            var nodes = state.Nodes.Where(n => n.LocationId == location.Id).ToList();
            w.WriteStartObject("relationships");
            if (includes.Contains("nodes"))
            {
                w.WritePropertyName("nodes");
                ClientTransformers.List(w, nodes, (w2, n) => Node(w2, state, n, Empty));
            }

            if (includes.Contains("servers"))
            {
                w.WritePropertyName("servers");
                var ids = nodes.Select(n => n.Id).ToHashSet();
                ClientTransformers.List(w, state.Servers.Where(s => ids.Contains(s.NodeId)), (w2, s) => Server(w2, state, s, Empty));
            }

            w.WriteEndObject();
        }

        Close(w);
    }

    /// <summary>Application <c>ServerDatabaseTransformer</c>; includes <c>password</c>, <c>host</c>.</summary>
    public static void ServerDatabase(Utf8JsonWriter w, FakeServer server, FakeDatabase database, ISet<string> includes,
        string objectName = "server_database", FakePanelState? state = null)
    {
        Open(w, objectName);
        w.WriteNumber("id", database.Id);
        w.WriteNumber("server", server.Id);
        w.WriteNumber("host", database.HostId);
        w.WriteString("database", database.Name);
        w.WriteString("username", database.Username);
        w.WriteString("remote", database.Remote);
        if (database.MaxConnections > 0)
        {
            w.WriteNumber("max_connections", database.MaxConnections);
        }
        else
        {
            w.WriteNull("max_connections");
        }

        w.WriteTimestamp("created_at", database.CreatedAt);
        w.WriteTimestamp("updated_at", database.CreatedAt);
        if (includes.Count > 0)
        {
            w.WriteStartObject("relationships");
            if (includes.Contains("password"))
            {
                w.WriteStartObject("password");
                w.WriteString("object", "database_password");
                w.WriteStartObject("attributes");
                w.WriteString("password", database.Password);
                w.WriteEndObject();
                w.WriteEndObject();
            }

            if (includes.Contains("host"))
            {
                w.WritePropertyName("host");
                ItemOrNull(w, state?.FindDatabaseHost(database.HostId), h => DatabaseHost(w, h));
            }

            w.WriteEndObject();
        }

        Close(w);
    }

    /// <summary><c>DatabaseHostTransformer</c> (only as an include).</summary>
    public static void DatabaseHost(Utf8JsonWriter w, FakeDatabaseHost host)
    {
        Open(w, "database_host");
        w.WriteNumber("id", host.Id);
        w.WriteString("name", host.Name);
        w.WriteString("host", host.Host);
        w.WriteNumber("port", host.Port);
        w.WriteString("username", host.Username);
        WriteNullable(w, "node", host.NodeId);
        w.WriteTimestamp("created_at", host.CreatedAt);
        w.WriteTimestamp("updated_at", host.CreatedAt);
        Close(w);
    }

    /// <summary><c>NestTransformer</c>; includes <c>eggs</c>, <c>servers</c>.</summary>
    public static void Nest(Utf8JsonWriter w, FakePanelState state, FakeNest nest, ISet<string> includes)
    {
        Open(w, "nest");
        w.WriteNumber("id", nest.Id);
        w.WriteString("uuid", nest.Uuid.ToString());
        w.WriteString("author", nest.Author);
        w.WriteString("name", nest.Name);
        WriteNullable(w, "description", nest.Description);
        w.WriteTimestamp("created_at", nest.CreatedAt);
        w.WriteTimestamp("updated_at", nest.CreatedAt);
        if (includes.Count > 0)
        {
            w.WriteStartObject("relationships");
            if (includes.Contains("eggs"))
            {
                w.WritePropertyName("eggs");
                ClientTransformers.List(w, state.Eggs.Where(e => e.NestId == nest.Id), (w2, e) => Egg(w2, state, e, Empty));
            }

            if (includes.Contains("servers"))
            {
                w.WritePropertyName("servers");
                ClientTransformers.List(w, state.Servers.Where(s => s.NestId == nest.Id), (w2, s) => Server(w2, state, s, Empty));
            }

            w.WriteEndObject();
        }

        Close(w);
    }

    /// <summary><c>EggTransformer</c>; includes <c>nest</c>, <c>servers</c>, <c>config</c>, <c>script</c>, <c>variables</c>.</summary>
    public static void Egg(Utf8JsonWriter w, FakePanelState state, FakeEgg egg, ISet<string> includes)
    {
        Open(w, "egg");
        w.WriteNumber("id", egg.Id);
        w.WriteString("uuid", egg.Uuid.ToString());
        w.WriteString("name", egg.Name);
        w.WriteNumber("nest", egg.NestId);
        w.WriteString("author", egg.Author);
        WriteNullable(w, "description", egg.Description);
        w.WriteString("docker_image", egg.DockerImages.Values.FirstOrDefault() ?? "");
        w.WriteStartObject("docker_images");
        foreach (var (display, image) in egg.DockerImages)
        {
            w.WriteString(display, image);
        }

        w.WriteEndObject();
        w.WriteStartObject("config");
        w.WriteStartObject("files");
        w.WriteEndObject();
        // Quirk 13.1.8: an empty JSON object decodes to [] in PHP.
        w.WriteStartObject("startup");
        w.WriteString("done", ")! For help, type ");
        w.WriteEndObject();
        WriteNullable(w, "stop", egg.ConfigStop);
        w.WriteStartArray("logs");
        w.WriteEndArray();
        w.WriteStartArray("file_denylist");
        w.WriteEndArray();
        WriteNullable(w, "extends", egg.ConfigFrom);
        w.WriteEndObject();
        w.WriteString("startup", egg.Startup);
        w.WriteStartObject("script");
        w.WriteBoolean("privileged", true);
        WriteNullable(w, "install", egg.ScriptInstall);
        w.WriteString("entry", egg.ScriptEntry);
        w.WriteString("container", egg.ScriptContainer);
        WriteNullable(w, "extends", egg.CopyScriptFrom);
        w.WriteEndObject();
        w.WriteTimestamp("created_at", egg.CreatedAt);
        w.WriteTimestamp("updated_at", egg.CreatedAt);
        if (includes.Count > 0)
        {
            w.WriteStartObject("relationships");
            foreach (var include in includes)
            {
                w.WritePropertyName(include);
                switch (include)
                {
                    case "nest":
                        ItemOrNull(w, state.FindNest(egg.NestId), n => Nest(w, state, n, Empty));
                        break;
                    case "servers":
                        ClientTransformers.List(w, state.Servers.Where(s => s.EggId == egg.Id), (w2, s) => Server(w2, state, s, Empty));
                        break;
                    case "config":
                        // Inherited config of the parent egg, with "object": null; null_resource when not extending.
                        ItemOrNull(w, egg.ConfigFrom is { } from ? state.FindEgg(from) : null, parent =>
                        {
                            w.WriteStartObject();
                            w.WriteNull("object");
                            w.WriteStartObject("attributes");
                            w.WriteStartObject("files");
                            w.WriteEndObject();
                            w.WriteStartArray("startup");
                            w.WriteEndArray();
                            WriteNullable(w, "stop", parent.ConfigStop);
                            w.WriteStartArray("logs");
                            w.WriteEndArray();
                            w.WriteEndObject();
                            w.WriteEndObject();
                        });
                        break;
                    case "script":
                        ItemOrNull(w, egg.CopyScriptFrom is { } copy ? state.FindEgg(copy) : null, parent =>
                        {
                            w.WriteStartObject();
                            w.WriteNull("object");
                            w.WriteStartObject("attributes");
                            w.WriteBoolean("privileged", true);
                            WriteNullable(w, "install", parent.ScriptInstall);
                            w.WriteString("entry", parent.ScriptEntry);
                            w.WriteString("container", parent.ScriptContainer);
                            w.WriteEndObject();
                            w.WriteEndObject();
                        });
                        break;
                    case "variables":
                        ClientTransformers.List(w, egg.Variables, (w2, v) => EggVariable(w2, egg, v));
                        break;
                }
            }

            w.WriteEndObject();
        }

        Close(w);
    }

    /// <summary>An <c>egg_variable</c> (all model columns).</summary>
    public static void EggVariable(Utf8JsonWriter w, FakeEgg egg, FakeEggVariable variable)
    {
        Open(w, "egg_variable");
        VariableColumns(w, variable.Id, egg.Id, variable.Name, variable.Description, variable.EnvVariable,
            variable.DefaultValue, variable.UserViewable, variable.UserEditable, variable.Rules);
        w.WriteTimestamp("created_at", egg.CreatedAt);
        w.WriteTimestamp("updated_at", egg.CreatedAt);
        Close(w);
    }

    /// <summary>A create response: the item plus <c>meta.resource</c> (the new object's URL).</summary>
    public static void WithResource(Utf8JsonWriter w, string resourceUrl, Action<Utf8JsonWriter> item)
    {
        // Write the item into a buffer and re-emit with meta appended, so transformers stay one-shape.
        var bytes = JsonOut.Build(item);
        using var doc = JsonDocument.Parse(bytes);
        w.WriteStartObject();
        foreach (var property in doc.RootElement.EnumerateObject())
        {
            property.WriteTo(w);
        }

        w.WriteStartObject("meta");
        w.WriteString("resource", resourceUrl);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static readonly HashSet<string> EmptySet = [];

    private static ISet<string> Empty => EmptySet;

    // The egg variable's columns, shared by egg_variable and server_variable (which adds the server's value).
    private static void VariableColumns(Utf8JsonWriter w, int id, int eggId, string name, string description, string env,
        string defaultValue, bool viewable, bool editable, string rules)
    {
        w.WriteNumber("id", id);
        w.WriteNumber("egg_id", eggId);
        w.WriteString("name", name);
        w.WriteString("description", description);
        w.WriteString("env_variable", env);
        w.WriteString("default_value", defaultValue);
        w.WriteBoolean("user_viewable", viewable);
        w.WriteBoolean("user_editable", editable);
        w.WriteString("rules", rules);
    }

    private static void Open(Utf8JsonWriter w, string objectName)
    {
        w.WriteStartObject();
        w.WriteString("object", objectName);
        w.WriteStartObject("attributes");
    }

    private static void Close(Utf8JsonWriter w)
    {
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void ItemOrNull<T>(Utf8JsonWriter w, T? item, Action<T> write) where T : class
    {
        if (item is null)
        {
            ClientTransformers.NullResource(w);
        }
        else
        {
            write(item);
        }
    }

    private static void WriteNullable(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }

    private static void WriteNullable(Utf8JsonWriter w, string name, int? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteNumber(name, value.Value);
        }
    }

    private static string MicroTimestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
