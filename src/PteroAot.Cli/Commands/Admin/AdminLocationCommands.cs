using System.CommandLine;
using System.Globalization;
using PteroAot.Application;
using PteroAot.Cli.Infrastructure;
using PteroAot.Cli.Terminal;

namespace PteroAot.Cli.Commands.Admin;

/// <summary><c>ptero admin locations list|show|create|update|delete</c></summary>
internal static class AdminLocationCommands
{
    public static Command Build()
    {
        var group = new Command("locations", "Locations (Application API).");
        group.Add(List());
        group.Add(Show());
        group.Add(Create());
        group.Add(Update());
        group.Add(Delete());
        return group;
    }

    private static Argument<int> LocationArg() => Args.Number("location", "The location's numeric id (see 'ptero admin locations list').");

    private static void Print(CliContext c, Location l)
    {
        if (c.Json)
        {
            c.WriteJson(l, ApplicationJsonContext.Default.Location);
            return;
        }
        var d = new Details()
            .Add("Id", l.Id.ToString())
            .Add("Short", l.Short)
            .Add("Description", l.Long ?? "-")
            .Add("Created", l.CreatedAt.ToString("u", CultureInfo.InvariantCulture));
        if (l.Nodes is { } nodes)
            d.Add("Nodes", nodes.Count == 0 ? "-" : string.Join(", ", nodes.Select(n => $"{n.Name} ({n.Id})")));
        if (l.Servers is { } servers)
            d.Add("Servers", servers.Count.ToString(CultureInfo.InvariantCulture));
        c.WriteDetails(d);
    }

    private static Command List()
    {
        var shortCode = new Option<string?>("--short") { Description = "Only locations whose short code contains this text.", HelpName = "text" };
        var description = new Option<string?>("--description") { Description = "Only locations whose description contains this text.", HelpName = "text" };
        var limit = Args.Limit();
        var command = new Command("list", "List locations with their node count, paging through all of them.") { shortCode, description, limit };
        command.Aliases.Add("ls");
        command.Handle(async c =>
        {
            var max = c.Get(limit);
            var output = c.List(ApplicationJsonContext.Default.Location, "ID", "SHORT", "DESCRIPTION", "NODES");
            await foreach (var l in c.Client.Application.Locations.EnumerateAsync(shortCode: c.Get(shortCode), longName: c.Get(description),
                               include: IncludeQuery.Format(LocationInclude.Nodes), perPage: max is { } m ? Math.Clamp(m, 1, 100) : 100,
                               cancellationToken: c.CancellationToken))
            {
                if (output.Count >= max)
                    break;
                output.Add(l, l.Id.ToString(), l.Short, l.Long ?? "-", l.Nodes?.Count.ToString(CultureInfo.InvariantCulture) ?? "-");
            }
            return output.Finish("No locations.");
        });
        return command;
    }

    private static Command Show()
    {
        var location = LocationArg();
        var command = new Command("show", "Show one location with its nodes.") { location };
        command.Handle(async c =>
        {
            Print(c, await c.Client.Application.Locations.GetAsync(new LocationId(c.Get(location)), LocationInclude.Nodes | LocationInclude.Servers,
                c.CancellationToken));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Create()
    {
        var shortCode = new Argument<string>("short") { Description = "The short code (unique, up to 60 characters), e.g. eu.fra." };
        var description = new Option<string?>("--description") { Description = "A longer description.", HelpName = "text" };
        var command = new Command("create", "Create a location.") { shortCode, description };
        command.Handle(async c =>
        {
            Print(c, await c.Client.Application.Locations.CreateAsync(c.Get(shortCode), c.Get(description), c.CancellationToken));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Update()
    {
        var location = LocationArg();
        var shortCode = new Option<string?>("--short") { Description = "New short code.", HelpName = "code" };
        var description = new Option<string?>("--description") { Description = "New description.", HelpName = "text" };
        var command = new Command("update", "Change a location's short code or description; the other stays as it is.") { location, shortCode, description };
        command.Handle(async c =>
        {
            if (c.Get(shortCode) is null && c.Get(description) is null)
                throw new UsageException("nothing to change; give --short, --description or both.");
            // The panel's PATCH needs the short code every time: the SDK reads the location and fills it in.
            var updated = await c.Client.Application.Locations.UpdateAsync(new LocationId(c.Get(location)),
                r => r with { Short = c.Get(shortCode) ?? r.Short, Long = c.Get(description) ?? r.Long }, c.CancellationToken);
            Print(c, updated);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Delete()
    {
        var location = LocationArg();
        var yes = new Option<bool>("--yes") { Description = "Confirm the deletion." };
        var command = new Command("delete", "Delete a location (the panel refuses while nodes are in it; needs --yes).") { location, yes };
        command.Aliases.Add("rm");
        command.Handle(async c =>
        {
            if (!c.Get(yes))
                throw new UsageException("deleting a location cannot be undone; add --yes to confirm.");
            await c.Client.Application.Locations.DeleteAsync(new LocationId(c.Get(location)), c.CancellationToken);
            c.Done($"Deleted location {c.Get(location)}.");
            return ExitCodes.Success;
        });
        return command;
    }
}
