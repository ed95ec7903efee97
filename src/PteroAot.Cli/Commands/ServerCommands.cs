using System.CommandLine;
using System.Globalization;
using PteroAot.Cli.Infrastructure;
using PteroAot.Cli.Terminal;
using PteroAot.Servers;

namespace PteroAot.Cli.Commands;

/// <summary><c>ptero servers list|show|resources|activity</c></summary>
internal static class ServerCommands
{
    public static Command Build()
    {
        var group = new Command("servers", "Servers the account can open (owned and shared).");
        group.Add(List());
        group.Add(Show());
        group.Add(Resources());
        group.Add(Activity());
        return group;
    }

    private static Command List()
    {
        var search = new Option<string?>("--search") { Description = "Only servers whose name, identifier, UUID, external id or address matches.", HelpName = "text" };
        var limit = Args.Limit();
        var command = new Command("list", "List servers, paging through all of them.") { search, limit };
        command.Aliases.Add("ls");
        command.Handle(async c =>
        {
            var max = c.Get(limit);
            var output = c.List(ServersJsonContext.Default.Server, "IDENTIFIER", "NAME", "NODE", "STATUS", "ADDRESS", "OWNER");
            // The panel's largest page (100) means the fewest round trips; a small --limit needs only one small page.
            await foreach (var s in c.Client.Servers.EnumerateAsync(search: c.Get(search), perPage: max is { } m ? Math.Clamp(m, 1, 100) : 100,
                               cancellationToken: c.CancellationToken))
            {
                if (output.Count >= max)
                    break;
                var address = s.PrimaryAllocation is { } a ? $"{a.IpAlias ?? a.Ip}:{a.Port}" : "-";
                output.Add(s, s.Identifier.Value, s.Name, s.Node, StatusOf(s), address, s.ServerOwner ? "yes" : "no");
            }
            return output.Finish("No servers.");
        });
        return command;
    }

    internal static string StatusOf(Server s)
        => s.IsSuspended ? "suspended" : s.IsTransferring ? "transferring" : s.IsInstalling ? "installing" : s.Status ?? "ok";

    private static Command Show()
    {
        var server = Args.Server();
        var command = new Command("show", "Show one server: limits, allocations, SFTP.") { server };
        command.Handle(async c =>
        {
            var s = (await c.Client.Servers.GetAsync(c.Get(server), ServerInclude.Egg, c.CancellationToken)).Attributes;
            if (c.Json)
            {
                c.WriteJson(s, ServersJsonContext.Default.Server);
                return ExitCodes.Success;
            }
            var d = new Details()
                .Add("Identifier", s.Identifier.Value)
                .Add("UUID", s.Uuid.ToString("D"))
                .Add("Name", s.Name)
                .Add("Description", string.IsNullOrEmpty(s.Description) ? "-" : s.Description)
                .Add("Node", s.Node)
                .Add("Status", StatusOf(s))
                .Add("Owner", s.ServerOwner ? "yes" : "no (subuser)")
                .Add("Egg", s.Egg?.Name ?? "-")
                .Add("Docker image", s.DockerImage)
                .Add("Memory", s.Limits.Memory == 0 ? "unlimited" : $"{s.Limits.Memory} MiB")
                .Add("Disk", s.Limits.Disk == 0 ? "unlimited" : $"{s.Limits.Disk} MiB")
                .Add("CPU", s.Limits.Cpu == 0 ? "unlimited" : $"{s.Limits.Cpu} %")
                .Add("SFTP", $"{s.SftpDetails.Ip}:{s.SftpDetails.Port}")
                .Add("Allocations", s.Allocations.Count == 0 ? "-" : string.Join(", ", s.Allocations.Select(a => $"{a.IpAlias ?? a.Ip}:{a.Port}{(a.IsDefault ? " (primary)" : "")}")))
                .Add("Limits", $"{s.FeatureLimits.Databases?.ToString(CultureInfo.InvariantCulture) ?? "-"} databases, {s.FeatureLimits.Allocations?.ToString(CultureInfo.InvariantCulture) ?? "-"} allocations, {s.FeatureLimits.Backups?.ToString(CultureInfo.InvariantCulture) ?? "-"} backups");
            c.WriteDetails(d);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Resources()
    {
        var server = Args.Server();
        var command = new Command("resources", "Show the server's state and live resource usage.") { server };
        command.Aliases.Add("stats");
        command.Handle(async c =>
        {
            var r = await c.Client.Servers.GetResourcesAsync(c.Get(server), c.CancellationToken);
            if (c.Json)
            {
                c.WriteJson(r, ServersJsonContext.Default.ServerResources);
                return ExitCodes.Success;
            }
            var u = r.Resources;
            c.WriteDetails(new Details()
                .Add("State", r.IsSuspended ? $"{r.CurrentState} (suspended)" : r.CurrentState)
                .Add("CPU", u.CpuAbsolute.ToString("0.##", CultureInfo.InvariantCulture) + " %")
                .Add("Memory", Units.Bytes(u.MemoryBytes))
                .Add("Disk", Units.Bytes(u.DiskBytes))
                .Add("Network", $"rx {Units.Bytes(u.NetworkRxBytes)}, tx {Units.Bytes(u.NetworkTxBytes)}")
                .Add("Uptime", Units.Duration(TimeSpan.FromMilliseconds(u.Uptime))));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Activity()
    {
        var server = Args.Server();
        var limit = Args.Limit();
        var filter = new Option<string?>("--event") { Description = "Only events whose name contains this text.", HelpName = "text" };
        var command = new Command("activity", "The server's activity log, newest first.") { server, filter, limit };
        command.Handle(async c =>
        {
            var max = c.Get(limit);
            var output = c.List(ServersJsonContext.Default.ActivityLogEntry, "WHEN", "EVENT", "ACTOR", "IP", "DESCRIPTION");
            await foreach (var e in c.Client.Servers.EnumerateActivityAsync(c.Get(server), eventFilter: c.Get(filter), sort: "-timestamp", include: "actor", cancellationToken: c.CancellationToken))
            {
                if (output.Count >= max)
                    break;
                output.Add(e, Term.Date(e.Timestamp), e.Event, e.Actor?.Username ?? (e.IsApi ? "api" : "-"), e.Ip ?? "-", e.Description ?? "");
            }
            return output.Finish("No activity.");
        });
        return command;
    }
}
