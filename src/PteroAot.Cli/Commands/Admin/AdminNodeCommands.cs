using System.CommandLine;
using System.Globalization;
using PteroAot.Application;
using PteroAot.Cli.Infrastructure;
using PteroAot.Cli.Terminal;

namespace PteroAot.Cli.Commands.Admin;

/// <summary><c>ptero admin nodes list|show|create|update|delete|config|deployable</c></summary>
internal static class AdminNodeCommands
{
    private static ApplicationJsonContext Json => ApplicationJsonContext.Default;

    public static Command Build()
    {
        var group = new Command("nodes", "Nodes and their configuration (Application API).");
        group.Add(List());
        group.Add(Show());
        group.Add(Create());
        group.Add(Update());
        group.Add(Delete());
        group.Add(Config());
        group.Add(Deployable());
        return group;
    }

    /// <summary>The <c>&lt;node&gt;</c> argument: a node's numeric id.</summary>
    internal static Argument<int> NodeArg() => Args.Number("node", "The node's numeric id (see 'ptero admin nodes list').");

    private static string Mib(long value) => value.ToString(CultureInfo.InvariantCulture) + " MiB";

    private static string Over(int percent) => percent.ToString(CultureInfo.InvariantCulture) + " %";

    private static Command List()
    {
        var name = new Option<string?>("--name") { Description = "Only nodes whose name contains this text.", HelpName = "text" };
        var fqdn = new Option<string?>("--fqdn") { Description = "Only nodes whose FQDN contains this text.", HelpName = "text" };
        var sort = new Option<string?>("--sort") { Description = "id, uuid, memory or disk; prefix - for descending.", HelpName = "field" };
        var limit = Args.Limit();
        var command = new Command("list", "List nodes, paging through all of them.") { name, fqdn, sort, limit };
        command.Aliases.Add("ls");
        command.Handle(async c =>
        {
            var max = c.Get(limit);
            var output = c.List(Json.Node, "ID", "NAME", "LOCATION", "FQDN", "MEMORY", "DISK", "PUBLIC", "MAINTENANCE");
            await foreach (var n in c.Client.Application.Nodes.EnumerateAsync(name: c.Get(name), fqdn: c.Get(fqdn), sort: c.Get(sort),
                               perPage: max is { } m ? Math.Min(m, 100) : 100, cancellationToken: c.CancellationToken))
            {
                if (output.Count >= max)
                    break;
                output.Add(n, n.Id.ToString(), n.Name, n.LocationId.ToString(), $"{n.Scheme}://{n.Fqdn}:{n.DaemonListen}",
                    $"{n.AllocatedResources.Memory}/{Mib(n.Memory)}", $"{n.AllocatedResources.Disk}/{Mib(n.Disk)}",
                    n.Public ? "yes" : "no", n.MaintenanceMode ? "yes" : "no");
            }
            return output.Finish("No nodes.");
        });
        return command;
    }

    private static void Print(CliContext c, Node n)
    {
        if (c.Json)
        {
            c.WriteJson(n, Json.Node);
            return;
        }
        var details = new Details()
            .Add("Id", n.Id.ToString())
            .Add("UUID", n.Uuid.ToString())
            .Add("Name", n.Name)
            .Add("Description", n.Description ?? "-")
            .Add("Location", n.Location is { } l ? $"{n.LocationId} ({l.Short})" : n.LocationId.ToString())
            .Add("Address", $"{n.Scheme}://{n.Fqdn}:{n.DaemonListen}{(n.BehindProxy ? " (behind a proxy)" : "")}")
            .Add("SFTP port", n.DaemonSftp.ToString(CultureInfo.InvariantCulture))
            .Add("Memory", $"{Mib(n.AllocatedResources.Memory)} of {Mib(n.Memory)} (over-allocation {Over(n.MemoryOverallocate)})")
            .Add("Disk", $"{Mib(n.AllocatedResources.Disk)} of {Mib(n.Disk)} (over-allocation {Over(n.DiskOverallocate)})")
            .Add("Upload size", Mib(n.UploadSize))
            .Add("Volumes", n.DaemonBase)
            .Add("Public", n.Public ? "yes" : "no")
            .Add("Maintenance", n.MaintenanceMode ? "yes" : "no");
        if (n.Servers is { } servers)
            details.Add("Servers", servers.Count.ToString(CultureInfo.InvariantCulture));
        if (n.Allocations is { } allocations)
            details.Add("Allocations", $"{allocations.Count} ({allocations.Count(a => !a.Assigned)} free)");
        c.WriteDetails(details);
    }

    private static Command Show()
    {
        var node = NodeArg();
        var command = new Command("show", "Show one node with its location, server and allocation counts.") { node };
        command.Handle(async c =>
        {
            Print(c, await c.Client.Application.Nodes.GetAsync(new NodeId(c.Get(node)), NodeInclude.Location | NodeInclude.Servers | NodeInclude.Allocations,
                c.CancellationToken));
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The node settings as options; required ones are checked by <see cref="Create"/> only (update keeps what is not given).</summary>
    private sealed class NodeOptions
    {
        public Option<string?> Name { get; } = new("--name") { Description = "Name (letters, digits, space, _ . -; up to 100).", HelpName = "name" };
        public Option<int?> Location { get; } = new("--location") { Description = "The location's id.", HelpName = "id" };
        public Option<string?> Fqdn { get; } = new("--fqdn") { Description = "Host name (or IP) Wings listens on.", HelpName = "host" };
        public Option<string?> Scheme { get; } = new("--scheme") { Description = "http or https.", HelpName = "scheme" };
        public Option<int?> Memory { get; } = new("--memory") { Description = "Memory in MiB.", HelpName = "mib" };
        public Option<int?> MemoryOver { get; } = new("--memory-overallocate") { Description = "Percent allowed above --memory (-1 and up).", HelpName = "percent" };
        public Option<int?> Disk { get; } = new("--disk") { Description = "Disk in MiB.", HelpName = "mib" };
        public Option<int?> DiskOver { get; } = new("--disk-overallocate") { Description = "Percent allowed above --disk (-1 and up).", HelpName = "percent" };
        public Option<int?> Listen { get; } = new("--daemon-listen") { Description = "Wings HTTP port.", HelpName = "port" };
        public Option<int?> Sftp { get; } = new("--daemon-sftp") { Description = "Wings SFTP port.", HelpName = "port" };
        public Option<string?> Base { get; } = new("--daemon-base") { Description = "Directory for server volumes.", HelpName = "path" };
        public Option<int?> Upload { get; } = new("--upload-size") { Description = "Upload limit in MiB (1-1024).", HelpName = "mib" };
        public Option<bool?> Public { get; } = new("--public") { Description = "Whether automatic deployment may use the node (true/false).", HelpName = "bool" };
        public Option<bool?> Proxy { get; } = new("--behind-proxy") { Description = "Whether Wings is behind a TLS-terminating proxy (true/false).", HelpName = "bool" };
        public Option<bool?> Maintenance { get; } = new("--maintenance") { Description = "Maintenance mode (true/false).", HelpName = "bool" };

        public void AddTo(Command command)
        {
            foreach (Option option in new Option[] { Name, Location, Fqdn, Scheme, Memory, MemoryOver, Disk, DiskOver, Listen, Sftp, Base, Upload, Public, Proxy, Maintenance })
                command.Add(option);
        }
    }

    private static Command Create()
    {
        var o = new NodeOptions();
        var command = new Command("create", "Create a node (name, location, fqdn and memory/disk are required; ports default to 8080/2022).");
        o.AddTo(command);
        command.Handle(async c =>
        {
            T Need<T>(Option<T?> option) where T : struct
                => c.Get(option) ?? throw new UsageException($"{option.Name} is required to create a node.");
            string NeedText(Option<string?> option)
                => c.Get(option) ?? throw new UsageException($"{option.Name} is required to create a node.");
            var request = new CreateNodeRequest
            {
                Name = NeedText(o.Name),
                LocationId = new LocationId(Need(o.Location)),
                Fqdn = NeedText(o.Fqdn),
                Scheme = c.Get(o.Scheme) ?? "https",
                Memory = Need(o.Memory),
                MemoryOverallocate = c.Get(o.MemoryOver) ?? 0,
                Disk = Need(o.Disk),
                DiskOverallocate = c.Get(o.DiskOver) ?? 0,
                DaemonListen = c.Get(o.Listen) ?? 8080,
                DaemonSftp = c.Get(o.Sftp) ?? 2022,
                DaemonBase = c.Get(o.Base),
                UploadSize = c.Get(o.Upload),
                Public = c.Get(o.Public),
                BehindProxy = c.Get(o.Proxy),
                MaintenanceMode = c.Get(o.Maintenance),
            };
            var node = await c.Client.Application.Nodes.CreateAsync(request, c.CancellationToken);
            if (!c.Json)
                c.Done($"Created node {node.Id} ({node.Name}).");
            Print(c, node);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Update()
    {
        var node = NodeArg();
        var o = new NodeOptions();
        var reset = new Option<bool>("--reset-token") { Description = "Generate a new daemon token (Wings must then get the new configuration)." };
        var command = new Command("update", "Change a node's settings; what you do not give keeps its current value (the node is read first).") { node, reset };
        o.AddTo(command);
        command.Handle(async c =>
        {
            var updated = await c.Client.Application.Nodes.UpdateAsync(new NodeId(c.Get(node)), r => r with
            {
                Name = c.Get(o.Name) ?? r.Name,
                LocationId = c.Get(o.Location) is { } l ? new LocationId(l) : r.LocationId,
                Fqdn = c.Get(o.Fqdn) ?? r.Fqdn,
                Scheme = c.Get(o.Scheme) ?? r.Scheme,
                Memory = c.Get(o.Memory) ?? r.Memory,
                MemoryOverallocate = c.Get(o.MemoryOver) ?? r.MemoryOverallocate,
                Disk = c.Get(o.Disk) ?? r.Disk,
                DiskOverallocate = c.Get(o.DiskOver) ?? r.DiskOverallocate,
                DaemonListen = c.Get(o.Listen) ?? r.DaemonListen,
                DaemonSftp = c.Get(o.Sftp) ?? r.DaemonSftp,
                DaemonBase = c.Get(o.Base) ?? r.DaemonBase,
                UploadSize = c.Get(o.Upload) ?? r.UploadSize,
                Public = c.Get(o.Public) ?? r.Public,
                BehindProxy = c.Get(o.Proxy) ?? r.BehindProxy,
                MaintenanceMode = c.Get(o.Maintenance) ?? r.MaintenanceMode,
                ResetSecret = c.Get(reset) ? true : null,
            }, c.CancellationToken);
            if (!c.Json)
                c.Done($"Updated node {updated.Id}.{(c.Get(reset) ? " New daemon token generated: see 'ptero admin nodes config --show-token'." : "")}");
            Print(c, updated);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Delete()
    {
        var node = NodeArg();
        var yes = new Option<bool>("--yes") { Description = "Confirm the deletion." };
        var command = new Command("delete", "Delete a node without servers (needs --yes).") { node, yes };
        command.Aliases.Add("rm");
        command.Handle(async c =>
        {
            if (!c.Get(yes))
                throw new UsageException($"deleting node {c.Get(node)} cannot be undone; add --yes to confirm.");
            await c.Client.Application.Nodes.DeleteAsync(new NodeId(c.Get(node)), c.CancellationToken);
            c.Done($"Deleted node {c.Get(node)}.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Config()
    {
        var node = NodeArg();
        var showToken = new Option<bool>("--show-token") { Description = "Print the daemon token (a secret) instead of masking it." };
        var command = new Command("config", "Show the node's Wings configuration; the daemon token is masked unless --show-token.") { node, showToken };
        command.Handle(async c =>
        {
            var config = await c.Client.Application.Nodes.GetConfigurationAsync(new NodeId(c.Get(node)), c.CancellationToken);
            var show = c.Get(showToken);
            if (!show)
                config = config with { Token = "***" };
            if (c.Json)
            {
                c.WriteJson(config, Json.NodeConfiguration);
                return ExitCodes.Success;
            }
            c.WriteDetails(new Details()
                .Add("UUID", config.Uuid.ToString())
                .Add("Token id", config.TokenId)
                .Add("Token", config.Token)
                .Add("API", $"{config.Api.Host}:{config.Api.Port} (TLS {(config.Api.Ssl.Enabled ? "on" : "off")})")
                .Add("Certificate", config.Api.Ssl.Enabled ? config.Api.Ssl.Cert : "-")
                .Add("Upload limit", Mib(config.Api.UploadLimit))
                .Add("Volumes", config.System.Data)
                .Add("SFTP port", config.System.Sftp.BindPort.ToString(CultureInfo.InvariantCulture))
                .Add("Panel", config.Remote));
            if (!show)
                c.Note("The daemon token is masked; add --show-token to print it.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Deployable()
    {
        var memory = new Option<int>("--memory") { Description = "MiB of memory the server needs.", HelpName = "mib", Required = true };
        var disk = new Option<int>("--disk") { Description = "MiB of disk the server needs.", HelpName = "mib", Required = true };
        var location = new Option<int[]>("--location") { Description = "Only nodes of this location id (repeatable).", HelpName = "id", AllowMultipleArgumentsPerToken = false };
        var command = new Command("deployable", "List the public nodes with room for a server of this size.") { memory, disk, location };
        command.Handle(async c =>
        {
            var nodes = await c.Client.Application.Nodes.FindDeployableAsync(new DeployableNodesQuery
            {
                Memory = c.Get(memory),
                Disk = c.Get(disk),
                LocationIds = [.. (c.Get(location) ?? []).Select(id => new LocationId(id))],
            }, cancellationToken: c.CancellationToken);
            var output = c.List(Json.Node, "ID", "NAME", "LOCATION", "MEMORY FREE", "DISK FREE");
            foreach (var n in nodes)
            {
                output.Add(n, n.Id.ToString(), n.Name, n.LocationId.ToString(),
                    Mib((long)(n.Memory * (1 + n.MemoryOverallocate / 100.0)) - (n.SumMemory ?? n.AllocatedResources.Memory)),
                    Mib((long)(n.Disk * (1 + n.DiskOverallocate / 100.0)) - (n.SumDisk ?? n.AllocatedResources.Disk)));
            }
            return output.Finish("No node has room for that.");
        });
        return command;
    }
}
