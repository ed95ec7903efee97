using System.Globalization;
using System.Text.Json;
using PteroAot.Testing.Http;

namespace PteroAot.Testing.Routes;

/// <summary>The panel's client server, stats, egg variable and permission transformers, written with <see cref="Utf8JsonWriter"/>.</summary>
internal static class ServerTransformers
{
    /// <summary><c>Client\ServerTransformer</c>: allocations and variables always, egg and subusers on request. Call under the state's lock.</summary>
    public static void Server(Utf8JsonWriter w, FakePanelState state, FakeUser viewer, FakeServer server, bool includeEgg, bool includeSubusers,
        bool withMeta = false)
    {
        var canReadStartup = state.HasPermission(viewer, server, "startup.read");
        w.WriteStartObject();
        w.WriteString("object", "server");
        w.WriteStartObject("attributes");
        w.WriteBoolean("server_owner", server.Owner.Id == viewer.Id);
        w.WriteString("identifier", server.Identifier);
        w.WriteNumber("internal_id", server.Id);
        w.WriteString("uuid", server.Uuid.ToString());
        w.WriteString("name", server.Name);
        w.WriteString("node", server.NodeName);
        w.WriteBoolean("is_node_under_maintenance", server.NodeUnderMaintenance);
        w.WriteStartObject("sftp_details");
        w.WriteString("ip", server.NodeFqdn);
        w.WriteNumber("port", server.SftpPort);
        w.WriteEndObject();
        w.WriteString("description", server.Description);
        w.WriteStartObject("limits");
        w.WriteNumber("memory", server.MemoryLimit);
        w.WriteNumber("swap", server.SwapLimit);
        w.WriteNumber("disk", server.DiskLimit);
        w.WriteNumber("io", server.IoWeight);
        w.WriteNumber("cpu", server.CpuLimit);
        WriteNullableString(w, "threads", server.Threads);
        w.WriteBoolean("oom_disabled", server.OomDisabled);
        w.WriteEndObject();
        w.WriteString("invocation", Invocation(server, hideAllValues: !canReadStartup));
        w.WriteString("docker_image", server.DockerImage);
        if (server.EggFeatures is { } features)
        {
            w.WriteStartArray("egg_features");
            foreach (var f in features)
            {
                w.WriteStringValue(f);
            }

            w.WriteEndArray();
        }
        else
        {
            w.WriteNull("egg_features");
        }

        w.WriteStartObject("feature_limits");
        WriteNullableInt(w, "databases", server.DatabaseLimit);
        WriteNullableInt(w, "allocations", server.AllocationLimit);
        WriteNullableInt(w, "backups", server.BackupLimit);
        w.WriteEndObject();
        WriteNullableString(w, "status", server.Status);
        w.WriteBoolean("is_suspended", server.Status == "suspended");
        w.WriteBoolean("is_installing", server.Status is "installing" or "install_failed");
        w.WriteBoolean("is_transferring", server.IsTransferring);

        w.WriteStartObject("relationships");
        w.WritePropertyName("allocations");
        if (state.HasPermission(viewer, server, "allocation.read"))
        {
            ClientTransformers.List(w, server.Allocations, (w2, a) => Allocation(w2, a, a.Notes));
        }
        else
        {
            ClientTransformers.List(w, server.PrimaryAllocation is { } p ? [p] : Array.Empty<FakeAllocation>(), (w2, a) => Allocation(w2, a, null));
        }

        w.WritePropertyName("variables");
        if (canReadStartup)
        {
            ClientTransformers.List(w, server.Variables.Where(v => v.UserViewable), Variable);
        }
        else
        {
            ClientTransformers.NullResource(w);
        }

        if (includeEgg)
        {
            w.WriteStartObject("egg");
            w.WriteString("object", "egg");
            w.WriteStartObject("attributes");
            w.WriteString("uuid", server.EggUuid.ToString());
            w.WriteString("name", server.EggName);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        if (includeSubusers)
        {
            w.WritePropertyName("subusers");
            if (state.HasPermission(viewer, server, "user.read"))
            {
                ClientTransformers.List(w, server.Subusers, Subuser);
            }
            else
            {
                ClientTransformers.NullResource(w);
            }
        }

        w.WriteEndObject(); // relationships
        w.WriteEndObject(); // attributes
        if (withMeta)
        {
            w.WriteStartObject("meta");
            w.WriteBoolean("is_server_owner", server.Owner.Id == viewer.Id);
            w.WriteStartArray("user_permissions");
            foreach (var p in state.PermissionsOf(viewer, server))
            {
                w.WriteStringValue(p);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    /// <summary>The panel's <c>StartupCommandService</c>: fills in memory, IP, port and the variables (<c>[hidden]</c> for non-viewable ones, or all when hiding).</summary>
    public static string Invocation(FakeServer server, bool hideAllValues)
    {
        var result = server.StartupCommand
            .Replace("{{SERVER_MEMORY}}", server.MemoryLimit.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{{SERVER_IP}}", server.PrimaryAllocation?.Ip ?? "", StringComparison.Ordinal)
            .Replace("{{SERVER_PORT}}", server.PrimaryAllocation?.Port.ToString(CultureInfo.InvariantCulture) ?? "", StringComparison.Ordinal);
        foreach (var v in server.Variables)
        {
            var value = v.UserViewable && !hideAllValues ? v.ServerValue ?? v.DefaultValue : "[hidden]";
            result = result.Replace("{{" + v.EnvVariable + "}}", value, StringComparison.Ordinal);
        }

        return result;
    }

    /// <summary><c>Client\AllocationTransformer</c>.</summary>
    public static void Allocation(Utf8JsonWriter w, FakeAllocation a, string? notes)
    {
        w.WriteStartObject();
        w.WriteString("object", "allocation");
        w.WriteStartObject("attributes");
        w.WriteNumber("id", a.Id);
        w.WriteString("ip", a.Ip);
        WriteNullableString(w, "ip_alias", a.Alias);
        w.WriteNumber("port", a.Port);
        WriteNullableString(w, "notes", notes);
        w.WriteBoolean("is_default", a.IsDefault);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary><c>Client\EggVariableTransformer</c> (only for viewable variables).</summary>
    public static void Variable(Utf8JsonWriter w, FakeVariable v) => Variable(w, v, v.ServerValue);

    /// <summary><c>Client\EggVariableTransformer</c> with an explicit <c>server_value</c> (the update route echoes the input).</summary>
    public static void Variable(Utf8JsonWriter w, FakeVariable v, string? serverValue)
    {
        w.WriteStartObject();
        w.WriteString("object", "egg_variable");
        w.WriteStartObject("attributes");
        VariableAttributes(w, v, serverValue);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    public static void VariableAttributes(Utf8JsonWriter w, FakeVariable v, string? serverValue)
    {
        w.WriteString("name", v.Name);
        w.WriteString("description", v.Description);
        w.WriteString("env_variable", v.EnvVariable);
        w.WriteString("default_value", v.DefaultValue);
        WriteNullableString(w, "server_value", serverValue);
        w.WriteBoolean("is_editable", v.UserEditable);
        w.WriteString("rules", v.Rules);
    }

    /// <summary><c>Client\SubuserTransformer</c> (object <c>server_subuser</c>).</summary>
    public static void Subuser(Utf8JsonWriter w, FakeSubuser s)
    {
        w.WriteStartObject();
        w.WriteString("object", "server_subuser");
        w.WriteStartObject("attributes");
        w.WriteString("uuid", s.User.Uuid.ToString());
        w.WriteString("username", s.User.Username);
        w.WriteString("email", s.User.Email);
        w.WriteString("image", ClientTransformers.Gravatar(s.User.Email));
        w.WriteBoolean("2fa_enabled", s.User.TwoFactorEnabled);
        w.WriteTimestamp("created_at", s.User.CreatedAt);
        w.WriteStartArray("permissions");
        foreach (var p in s.Permissions)
        {
            w.WriteStringValue(p);
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary><c>Client\StatsTransformer</c>.</summary>
    public static void Stats(Utf8JsonWriter w, FakeServer server)
    {
        w.WriteStartObject();
        w.WriteString("object", "stats");
        w.WriteStartObject("attributes");
        w.WriteString("current_state", server.PowerState);
        w.WriteBoolean("is_suspended", server.Status == "suspended");
        w.WriteStartObject("resources");
        w.WriteNumber("memory_bytes", server.Resources.MemoryBytes);
        w.WriteNumber("cpu_absolute", server.Resources.CpuAbsolute);
        w.WriteNumber("disk_bytes", server.Resources.DiskBytes);
        w.WriteNumber("network_rx_bytes", server.Resources.NetworkRxBytes);
        w.WriteNumber("network_tx_bytes", server.Resources.NetworkTxBytes);
        w.WriteNumber("uptime", server.Resources.UptimeMs);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>The permission catalogue of <c>GET /api/client/permissions</c> (<c>Permission::permissions()</c>).</summary>
    public static readonly (string Group, string Description, (string Key, string Description)[] Keys)[] Catalogue =
    [
        ("websocket", "Connect to the server websocket (console output, live stats).", [("connect", "Connect to the websocket and stream the console.")]),
        ("control", "Power state and console commands.",
        [
            ("console", "Send console commands."), ("start", "Start a stopped server."), ("stop", "Stop a running server."),
            ("restart", "Restart the server (can also start it)."),
        ]),
        ("user", "Manage other subusers (never themselves, never beyond own permissions).",
        [
            ("create", "Create subusers."), ("read", "View subusers and their permissions."), ("update", "Modify other subusers."),
            ("delete", "Remove subusers."),
        ]),
        ("file", "Filesystem access.",
        [
            ("create", "Create files/folders, upload."), ("read", "List directory contents."), ("read-content", "Read and download file contents."),
            ("update", "Modify existing files/folders."), ("delete", "Delete files/folders."), ("archive", "Create and extract archives."),
            ("sftp", "Connect over SFTP (other file permissions still apply)."),
        ]),
        ("backup", "Server backups.",
        [
            ("create", "Create backups."), ("read", "List backups."), ("delete", "Delete backups."), ("download", "Download backups."),
            ("restore", "Restore backups (may wipe files)."),
        ]),
        ("allocation", "Port allocations.",
        [
            ("read", "View all allocations."), ("create", "Assign additional allocations."), ("update", "Change primary allocation, edit notes."),
            ("delete", "Remove allocations."),
        ]),
        ("startup", "Startup parameters.",
            [("read", "View startup variables."), ("update", "Edit startup variables."), ("docker-image", "Change the Docker image.")]),
        ("database", "Server databases.",
        [
            ("create", "Create databases."), ("read", "View databases."), ("update", "Rotate database passwords."), ("delete", "Delete databases."),
            ("view_password", "See database passwords."),
        ]),
        ("schedule", "Schedules and tasks.",
        [
            ("create", "Create schedules."), ("read", "View schedules and tasks."), ("update", "Edit schedules and tasks, run them."),
            ("delete", "Delete schedules."),
        ]),
        ("settings", "Server settings.", [("rename", "Rename server / change description."), ("reinstall", "Trigger a reinstall.")]),
        ("activity", "Server activity log.", [("read", "View the server activity log.")]),
    ];

    /// <summary><c>system_permissions</c>.</summary>
    public static void SystemPermissions(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteString("object", "system_permissions");
        w.WriteStartObject("attributes");
        w.WriteStartObject("permissions");
        foreach (var (group, description, keys) in Catalogue)
        {
            w.WriteStartObject(group);
            w.WriteString("description", description);
            w.WriteStartObject("keys");
            foreach (var (key, text) in keys)
            {
                w.WriteString(key, text);
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteNullableString(Utf8JsonWriter w, string name, string? value)
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

    private static void WriteNullableInt(Utf8JsonWriter w, string name, int? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
