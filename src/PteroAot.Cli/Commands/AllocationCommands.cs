using System.CommandLine;
using PteroAot.Cli.Infrastructure;
using PteroAot.Network;

namespace PteroAot.Cli.Commands;

/// <summary><c>ptero allocations list|add|notes|primary|rm</c></summary>
internal static class AllocationCommands
{
    public static Command Build()
    {
        var group = new Command("allocations", "Network allocations (IP:port) of a server.");
        group.Add(List());
        group.Add(Add());
        group.Add(Notes());
        group.Add(Primary());
        group.Add(Remove());
        return group;
    }

    private static Argument<int> AllocationArg() => Args.Number("allocation", "The allocation id (see 'ptero allocations list').");

    private static void Print(CliContext c, NetworkAllocation a, string message)
    {
        if (c.Json)
            c.WriteJson(a, NetworkJsonContext.Default.NetworkAllocation);
        else
            c.Done(message);
    }

    private static Command List()
    {
        var server = Args.Server();
        var command = new Command("list", "List the server's allocations.") { server };
        command.Aliases.Add("ls");
        command.Handle(async c =>
        {
            var list = await c.Client.Network.ListAsync(c.Get(server), c.CancellationToken);
            var output = c.List(NetworkJsonContext.Default.NetworkAllocation, "ID", "ADDRESS", "PRIMARY", "NOTES");
            foreach (var a in list.Items)
                output.Add(a, a.Id.ToString(), a.Address, a.IsDefault ? "yes" : "", a.Notes ?? "");
            return output.Finish("No allocations.");
        });
        return command;
    }

    private static Command Add()
    {
        var server = Args.Server();
        var command = new Command("add", "Assign a new allocation (when the panel allows it).") { server };
        command.Handle(async c =>
        {
            var a = await c.Client.Network.AssignAsync(c.Get(server), c.CancellationToken);
            Print(c, a, $"Assigned allocation {a.Id} ({a.Address}).");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Notes()
    {
        var server = Args.Server();
        var allocation = AllocationArg();
        var notes = new Argument<string?>("notes") { Description = "The notes (omit to clear).", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("notes", "Set or clear an allocation's notes.") { server, allocation, notes };
        command.Handle(async c =>
        {
            var a = await c.Client.Network.SetNotesAsync(c.Get(server), AllocationId.From(c.Get(allocation)), c.Get(notes), c.CancellationToken);
            Print(c, a, $"Notes of {a.Address} {(string.IsNullOrEmpty(a.Notes) ? "cleared" : "set")}.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Primary()
    {
        var server = Args.Server();
        var allocation = AllocationArg();
        var command = new Command("primary", "Make an allocation the primary one.") { server, allocation };
        command.Handle(async c =>
        {
            var a = await c.Client.Network.SetPrimaryAsync(c.Get(server), AllocationId.From(c.Get(allocation)), c.CancellationToken);
            Print(c, a, $"{a.Address} is now the primary allocation.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Remove()
    {
        var server = Args.Server();
        var allocation = AllocationArg();
        var command = new Command("rm", "Remove an allocation (not the primary).") { server, allocation };
        command.Aliases.Add("delete");
        command.Handle(async c =>
        {
            await c.Client.Network.DeleteAsync(c.Get(server), AllocationId.From(c.Get(allocation)), c.CancellationToken);
            c.Done($"Removed allocation {c.Get(allocation)}.");
            return ExitCodes.Success;
        });
        return command;
    }
}
