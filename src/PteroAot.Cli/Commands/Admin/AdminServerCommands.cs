using System.CommandLine;
using System.Globalization;
using PteroAot.Application;
using PteroAot.Cli.Infrastructure;
using PteroAot.Cli.Terminal;

namespace PteroAot.Cli.Commands.Admin;

/// <summary>
/// <c>ptero admin servers list|show|create|update-details|update-build|update-startup|suspend|unsuspend|reinstall|delete</c>.
/// Servers are given as the numeric id or the 8-character identifier (or UUID); updates read the server first so
/// an option left out keeps its value (the panel's PATCHes are full replacements).
/// </summary>
internal static class AdminServerCommands
{
    private static readonly string[] FilterKeys = ["uuid", "identifier", "name", "description", "image", "external_id"];

    public static Command Build()
    {
        var group = new Command("servers", "Servers: list, show, create, update, suspend, reinstall, delete (Application API).");
        group.Add(List());
        group.Add(Show());
        group.Add(AdminServerCreateCommand.Build());
        group.Add(UpdateDetails());
        group.Add(UpdateBuild());
        group.Add(UpdateStartup());
        group.Add(Toggle("suspend", "Suspend the server (its owner's client calls then fail with 409).", suspend: true));
        group.Add(Toggle("unsuspend", "Lift a suspension.", suspend: false));
        group.Add(Reinstall());
        group.Add(Delete());
        return group;
    }

    /// <summary>The <c>&lt;server&gt;</c> argument: a numeric id, an 8-character identifier or a UUID (checked at parse time).</summary>
    private static Argument<string> ServerArgument() => new("server")
    {
        Description = "The server's numeric id, 8-character identifier or UUID.",
        Validators =
        {
            r =>
            {
                var text = r.Tokens.Count > 0 ? r.Tokens[0].Value : "";
                if (!IsNumericId(text, out _) && !ServerIdentifier.TryParse(text, out _))
                    r.AddError($"'{Term.Clean(text)}' is not a server id: give the numeric id (e.g. 7), the 8-character identifier or the UUID.");
            },
        },
    };

    private static bool IsNumericId(string text, out int id)
        => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out id) && id > 0;

    /// <summary>The numeric id for an id or identifier (an identifier costs one lookup).</summary>
    private static async Task<ServerId> ResolveAsync(CliContext c, string text)
    {
        if (IsNumericId(text, out var id))
            return new ServerId(id);
        var server = await c.Client.Application.Servers.GetByIdentifierAsync(Args.ParseServer(text), cancellationToken: c.CancellationToken);
        return server.Id;
    }

    private static Command List()
    {
        var filters = new Option<string[]>("--filter")
        {
            Description = $"Only servers whose field contains the text, as KEY=TEXT (repeatable). Keys: {string.Join(", ", FilterKeys)}.",
            HelpName = "key=text",
            AllowMultipleArgumentsPerToken = false,
        };
        var sort = new Option<string?>("--sort") { Description = "id, -id, uuid or -uuid.", HelpName = "field" };
        sort.AcceptOnlyFromAmong("id", "-id", "uuid", "-uuid");
        var limit = Args.Limit();
        var command = new Command("list", "List servers, paging through all of them.") { filters, sort, limit };
        command.Aliases.Add("ls");
        command.Handle(async c =>
        {
            var f = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var item in c.Get(filters) ?? [])
            {
                var parts = item.Split('=', 2);
                if (parts.Length != 2 || !FilterKeys.Contains(parts[0], StringComparer.Ordinal))
                    throw new UsageException($"--filter wants KEY=TEXT with KEY one of {string.Join(", ", FilterKeys)}, not '{Term.Clean(item)}'.");
                f[parts[0]] = parts[1];
            }
            var max = c.Get(limit);
            var output = c.List(ApplicationJsonContext.Default.ApplicationServer, "ID", "IDENTIFIER", "NAME", "OWNER", "NODE", "STATUS", "EXTERNAL ID");
            var servers = c.Client.Application.Servers.EnumerateAsync(
                uuid: f.GetValueOrDefault("uuid"), uuidShort: f.GetValueOrDefault("identifier"), name: f.GetValueOrDefault("name"),
                description: f.GetValueOrDefault("description"), image: f.GetValueOrDefault("image"), externalId: f.GetValueOrDefault("external_id"),
                sort: c.Get(sort), perPage: max is { } m ? Math.Min(m, 100) : 100, cancellationToken: c.CancellationToken);
            await foreach (var s in servers)
            {
                if (output.Count >= max)
                    break;
                output.Add(s, s.Id.ToString(), s.Identifier.Value, s.Name, s.UserId.ToString(), s.NodeId.ToString(), s.Status ?? "ok", s.ExternalId ?? "-");
            }
            return output.Finish("No servers.");
        });
        return command;
    }

    private static Command Show()
    {
        var server = ServerArgument();
        var command = new Command("show", "Show one server (by numeric id, identifier or UUID) with its owner, egg, node and allocations.") { server };
        command.Handle(async c =>
        {
            const ApplicationServerInclude include = ApplicationServerInclude.User | ApplicationServerInclude.Egg
                | ApplicationServerInclude.Node | ApplicationServerInclude.Allocations | ApplicationServerInclude.Variables;
            var text = c.Get(server);
            var s = IsNumericId(text, out var id)
                ? await c.Client.Application.Servers.GetAsync(new ServerId(id), include, c.CancellationToken)
                : await c.Client.Application.Servers.GetByIdentifierAsync(Args.ParseServer(text), include, c.CancellationToken);
            if (c.Json)
            {
                c.WriteJson(s, ApplicationJsonContext.Default.ApplicationServer);
                return ExitCodes.Success;
            }
            static string Num(int? n) => n?.ToString(CultureInfo.InvariantCulture) ?? "-";
            var d = new Details()
                .Add("ID", s.Id.ToString())
                .Add("Identifier", s.Identifier.Value)
                .Add("UUID", s.Uuid.ToString("D"))
                .Add("External ID", s.ExternalId ?? "-")
                .Add("Name", s.Name)
                .Add("Description", string.IsNullOrEmpty(s.Description) ? "-" : s.Description)
                .Add("Status", s.Status ?? "ok")
                .Add("Owner", s.User is { } u ? $"{u.Username} (id {s.UserId})" : s.UserId.ToString())
                .Add("Node", s.Node is { } n ? $"{n.Name} (id {s.NodeId})" : s.NodeId.ToString())
                .Add("Egg", s.Egg is { } e ? $"{e.Name} (id {s.EggId}, nest {s.NestId})" : s.EggId.ToString())
                .Add("Image", s.Container.Image)
                .Add("Startup", s.Container.StartupCommand)
                .Add("Limits", $"memory {s.Limits.Memory} MiB, swap {s.Limits.Swap}, disk {s.Limits.Disk} MiB, io {s.Limits.Io}, cpu {s.Limits.Cpu} %{(s.Limits.Threads is { } th ? $", threads {th}" : "")}, oom killer {(s.Limits.OomDisabled ? "off" : "on")}")
                .Add("Feature limits", $"{Num(s.FeatureLimits.Databases)} databases, {Num(s.FeatureLimits.Allocations)} allocations, {Num(s.FeatureLimits.Backups)} backups")
                .Add("Allocations", s.Allocations is { Count: > 0 } list
                    ? string.Join(", ", list.Select(a => $"{a.Alias ?? a.Ip}:{a.Port.ToString(CultureInfo.InvariantCulture)}{(a.Id == s.AllocationId ? " (primary)" : "")}"))
                    : "-")
                .Add("Variables", s.Variables is { Count: > 0 } vars ? string.Join(", ", vars.Select(v => $"{v.EnvVariable}={v.ServerValue ?? v.DefaultValue}")) : "-");
            c.WriteDetails(d);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command UpdateDetails()
    {
        var server = ServerArgument();
        var name = new Option<string?>("--name") { Description = "New name.", HelpName = "text" };
        var owner = new Option<int?>("--owner") { Description = "New owner's user id.", HelpName = "user-id" };
        var externalId = new Option<string?>("--external-id") { Description = "New external id.", HelpName = "text" };
        var clearExternalId = new Option<bool>("--clear-external-id") { Description = "Remove the external id." };
        var description = new Option<string?>("--description") { Description = "New description (\"\" clears it).", HelpName = "text" };
        var command = new Command("update-details", "Change name, owner, external id or description; what is not given keeps its value.")
            { server, name, owner, externalId, clearExternalId, description };
        command.Handle(async c =>
        {
            if (c.Get(externalId) is not null && c.Get(clearExternalId))
                throw new UsageException("give either --external-id or --clear-external-id, not both.");
            var id = await ResolveAsync(c, c.Get(server));
            var saved = await c.Client.Application.Servers.UpdateDetailsAsync(id, r => r with
            {
                Name = c.Get(name) ?? r.Name,
                UserId = c.Get(owner) is { } o ? new UserId(o) : r.UserId,
                ExternalId = c.Get(clearExternalId) ? null : c.Get(externalId) ?? r.ExternalId,
                Description = c.Get(description) ?? r.Description,
            }, c.CancellationToken);
            return Saved(c, saved, "Details updated");
        });
        return command;
    }

    private static Command UpdateBuild()
    {
        var server = ServerArgument();
        Option<int?> Int(string flag, string description) => new(flag) { Description = description, HelpName = "n" };
        var memory = Int("--memory", "Memory in MiB (0 = unlimited).");
        var swap = Int("--swap", "Swap in MiB (-1 = unlimited).");
        var disk = Int("--disk", "Disk in MiB (0 = unlimited).");
        var io = Int("--io", "IO weight (10-1000).");
        var cpu = Int("--cpu", "CPU in percent of one core (0 = unlimited).");
        var threads = new Option<string?>("--threads") { Description = "CPU pinning such as 0-1,3 (\"\" removes it).", HelpName = "list" };
        var oom = new Option<bool?>("--oom-disabled") { Description = "true to disable the OOM killer, false to enable it.", HelpName = "bool" };
        var databases = Int("--databases", "Database limit.");
        var allocations = Int("--allocations", "Allocation limit.");
        var backups = Int("--backups", "Backup limit.");
        var primary = Int("--allocation", "The primary allocation's id (one of the server's, or one being added).");
        var add = new Option<int[]>("--add-allocation") { Description = "A free allocation on the server's node to add (repeatable).", HelpName = "id", AllowMultipleArgumentsPerToken = false };
        var remove = new Option<int[]>("--remove-allocation") { Description = "An allocation to remove (repeatable).", HelpName = "id", AllowMultipleArgumentsPerToken = false };
        var command = new Command("update-build", "Change limits, feature limits and allocations; what is not given keeps its value.")
            { server, memory, swap, disk, io, cpu, threads, oom, databases, allocations, backups, primary, add, remove };
        command.Handle(async c =>
        {
            var id = await ResolveAsync(c, c.Get(server));
            var saved = await c.Client.Application.Servers.UpdateBuildAsync(id, r => r with
            {
                AllocationId = c.Get(primary) is { } p ? new AllocationId(p) : r.AllocationId,
                OomDisabled = c.Get(oom) ?? r.OomDisabled,
                Limits = r.Limits! with
                {
                    Memory = c.Get(memory) ?? r.Limits.Memory,
                    Swap = c.Get(swap) ?? r.Limits.Swap,
                    Disk = c.Get(disk) ?? r.Limits.Disk,
                    Io = c.Get(io) ?? r.Limits.Io,
                    Cpu = c.Get(cpu) ?? r.Limits.Cpu,
                    Threads = c.Get(threads) is { } t ? (t.Length == 0 ? null : t) : r.Limits.Threads,
                },
                FeatureLimits = r.FeatureLimits with
                {
                    Databases = c.Get(databases) ?? r.FeatureLimits.Databases,
                    Allocations = c.Get(allocations) ?? r.FeatureLimits.Allocations,
                    Backups = c.Get(backups) ?? r.FeatureLimits.Backups,
                },
                AddAllocations = c.Get(add) is { Length: > 0 } a ? [.. a.Select(x => new AllocationId(x))] : null,
                RemoveAllocations = c.Get(remove) is { Length: > 0 } d ? [.. d.Select(x => new AllocationId(x))] : null,
            }, c.CancellationToken);
            return Saved(c, saved, "Build updated");
        });
        return command;
    }

    private static Command UpdateStartup()
    {
        var server = ServerArgument();
        var startup = new Option<string?>("--startup") { Description = "New startup command template.", HelpName = "command" };
        var image = new Option<string?>("--image") { Description = "New Docker image.", HelpName = "image" };
        var egg = new Option<int?>("--egg") { Description = "New egg id (give every --env of the new egg).", HelpName = "id" };
        var skipScripts = new Option<bool>("--skip-scripts") { Description = "Skip the egg's install script on later reinstalls (the panel cannot show the current value; without this flag it is off)." };
        var env = new Option<string[]>("--env", "-e") { Description = "A variable as NAME=VALUE (repeatable); the other variables keep their values.", HelpName = "name=value", AllowMultipleArgumentsPerToken = false };
        var command = new Command("update-startup", "Change startup command, image, egg or variables; what is not given keeps its value.")
            { server, startup, image, egg, skipScripts, env };
        command.Handle(async c =>
        {
            var changes = new List<KeyValuePair<string, string>>();
            foreach (var item in c.Get(env) ?? [])
            {
                var parts = item.Split('=', 2);
                if (parts.Length != 2 || parts[0].Length == 0)
                    throw new UsageException($"--env wants NAME=VALUE, not '{Term.Clean(item)}'.");
                changes.Add(new(parts[0], parts[1]));
            }
            var id = await ResolveAsync(c, c.Get(server));
            var saved = await c.Client.Application.Servers.UpdateStartupAsync(id, r =>
            {
                var environment = c.Get(egg) is { } e && new EggId(e) != r.EggId
                    ? new Dictionary<string, string?>(StringComparer.Ordinal) // another egg: only the given variables
                    : new Dictionary<string, string?>(r.Environment, StringComparer.Ordinal);
                foreach (var (key, value) in changes)
                    environment[key] = value;
                return r with
                {
                    Startup = c.Get(startup) ?? r.Startup,
                    Image = c.Get(image) ?? r.Image,
                    EggId = c.Get(egg) is { } g ? new EggId(g) : r.EggId,
                    SkipScripts = c.Get(skipScripts),
                    Environment = environment,
                };
            }, c.CancellationToken);
            return Saved(c, saved, "Startup updated");
        });
        return command;
    }

    private static Command Toggle(string name, string description, bool suspend)
    {
        var server = ServerArgument();
        var command = new Command(name, description) { server };
        command.Handle(async c =>
        {
            var id = await ResolveAsync(c, c.Get(server));
            if (suspend)
                await c.Client.Application.Servers.SuspendAsync(id, c.CancellationToken);
            else
                await c.Client.Application.Servers.UnsuspendAsync(id, c.CancellationToken);
            c.Done($"Server {id} {(suspend ? "suspended" : "unsuspended")}.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Reinstall()
    {
        var server = ServerArgument();
        var yes = new Option<bool>("--yes") { Description = "Confirm: the install script runs again and may overwrite files." };
        var command = new Command("reinstall", "Run the egg's install script again (needs --yes).") { server, yes };
        command.Handle(async c =>
        {
            if (!c.Get(yes))
                throw new UsageException("reinstalling may overwrite files; add --yes to confirm.");
            var id = await ResolveAsync(c, c.Get(server));
            await c.Client.Application.Servers.ReinstallAsync(id, c.CancellationToken);
            c.Done($"Reinstall of server {id} started.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Delete()
    {
        var server = ServerArgument();
        var force = new Option<bool>("--force") { Description = "Delete even when the node (Wings) or a database host reports an error." };
        var yes = new Option<bool>("--yes") { Description = "Confirm: the server, its files and databases are deleted for good." };
        var command = new Command("delete", "Delete a server, its files and databases (needs --yes).") { server, force, yes };
        command.Aliases.Add("rm");
        command.Handle(async c =>
        {
            if (!c.Get(yes))
                throw new UsageException("deleting a server removes its files and databases for good; add --yes to confirm.");
            var id = await ResolveAsync(c, c.Get(server));
            await c.Client.Application.Servers.DeleteAsync(id, c.Get(force), c.CancellationToken);
            c.Done($"Server {id} deleted.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static int Saved(CliContext c, ApplicationServer saved, string what)
    {
        if (c.Json)
            c.WriteJson(saved, ApplicationJsonContext.Default.ApplicationServer);
        else
            c.Done($"{what}: server {saved.Id} ({saved.Name}).");
        return ExitCodes.Success;
    }
}
