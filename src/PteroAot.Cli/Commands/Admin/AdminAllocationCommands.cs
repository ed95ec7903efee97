using System.CommandLine;
using System.Globalization;
using PteroAot.Application;
using PteroAot.Cli.Infrastructure;

namespace PteroAot.Cli.Commands.Admin;

/// <summary><c>ptero admin allocations list|create|delete</c></summary>
internal static class AdminAllocationCommands
{
    private static ApplicationJsonContext Json => ApplicationJsonContext.Default;

    public static Command Build()
    {
        var group = new Command("allocations", "Allocations of a node (Application API).");
        group.Add(List());
        group.Add(Create());
        group.Add(Delete());
        return group;
    }

    private static void Add(ListOutput<NodeAllocation> output, NodeAllocation a)
        => output.Add(a, a.Id.ToString(), a.Ip, a.Port.ToString(CultureInfo.InvariantCulture), a.Alias ?? "-",
            a.Server is { } s ? $"{s.Id} ({s.Name})" : a.Assigned ? "yes" : "-", a.Notes ?? "");

    private static Command List()
    {
        var node = AdminNodeCommands.NodeArg();
        var unassigned = new Option<bool>("--unassigned") { Description = "Only allocations no server uses." };
        var ip = new Option<string?>("--ip") { Description = "Only this exact IP.", HelpName = "ip" };
        var limit = Args.Limit();
        var command = new Command("list", "List a node's allocations, paging through all of them.") { node, unassigned, ip, limit };
        command.Aliases.Add("ls");
        command.Handle(async c =>
        {
            var max = c.Get(limit);
            var output = c.List(Json.NodeAllocation, "ID", "IP", "PORT", "ALIAS", "SERVER", "NOTES");
            await foreach (var a in c.Client.Application.Nodes.EnumerateAllocationsAsync(new NodeId(c.Get(node)), ip: c.Get(ip),
                               serverId: c.Get(unassigned) ? "false" : null, include: "server", perPage: max is { } m ? Math.Min(m, 500) : 500,
                               cancellationToken: c.CancellationToken))
            {
                if (output.Count >= max)
                    break;
                Add(output, a);
            }
            return output.Finish("No allocations.");
        });
        return command;
    }

    private static Command Create()
    {
        var node = AdminNodeCommands.NodeArg();
        var ip = new Option<string>("--ip") { Description = "An IPv4 address, a CIDR (/25 to /32) or a host name.", HelpName = "ip", Required = true };
        var ports = new Option<string[]>("--ports")
        {
            Description = "Ports and ranges, comma-separated or repeated: 25565,25570-25580 (1025-65535, up to 1000 per range).",
            HelpName = "ports",
            Required = true,
            AllowMultipleArgumentsPerToken = false,
        };
        var alias = new Option<string?>("--alias") { Description = "A host name shown instead of the IP.", HelpName = "name" };
        var command = new Command("create", "Add allocations to a node and list them (existing ones are kept as they are).") { node, ip, ports, alias };
        command.Handle(async c =>
        {
            var list = c.Get(ports).SelectMany(p => p.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
            if (list.Count == 0)
                throw new UsageException("--ports needs at least one port or range.");
            var created = await c.Client.Application.Nodes.CreateAllocationsAndListAsync(new NodeId(c.Get(node)),
                new CreateNodeAllocationsRequest { Ip = c.Get(ip), Ports = list, Alias = c.Get(alias) }, c.CancellationToken);
            var output = c.List(Json.NodeAllocation, "ID", "IP", "PORT", "ALIAS", "SERVER", "NOTES");
            foreach (var a in created)
                Add(output, a);
            return output.Finish("No allocations match.");
        });
        return command;
    }

    private static Command Delete()
    {
        var node = AdminNodeCommands.NodeArg();
        var allocation = Args.Number("allocation", "The allocation's id (see 'ptero admin allocations list').");
        var yes = new Option<bool>("--yes") { Description = "Confirm the deletion." };
        var command = new Command("delete", "Delete an unassigned allocation (needs --yes).") { node, allocation, yes };
        command.Aliases.Add("rm");
        command.Handle(async c =>
        {
            if (!c.Get(yes))
                throw new UsageException($"deleting allocation {c.Get(allocation)} cannot be undone; add --yes to confirm.");
            await c.Client.Application.Nodes.DeleteAllocationAsync(new NodeId(c.Get(node)), new AllocationId(c.Get(allocation)), c.CancellationToken);
            c.Done($"Deleted allocation {c.Get(allocation)} of node {c.Get(node)}.");
            return ExitCodes.Success;
        });
        return command;
    }
}
