using System.CommandLine;
using PteroAot.Cli.Infrastructure;
using PteroAot.Cli.Terminal;
using PteroAot.Databases;

namespace PteroAot.Cli.Commands;

/// <summary><c>ptero databases list|create|rotate-password|delete</c></summary>
internal static class DatabaseCommands
{
    public static Command Build()
    {
        var group = new Command("databases", "Databases of a server.");
        group.Add(List());
        group.Add(Create());
        group.Add(Rotate());
        group.Add(Delete());
        return group;
    }

    private static Argument<DatabaseId> DatabaseArg() => Args.Id("database", "The database id (see 'ptero databases list').", DatabaseId.Parse);

    private static void Print(CliContext c, ServerDatabase d)
    {
        if (c.Json)
        {
            c.WriteJson(d, DatabasesJsonContext.Default.ServerDatabase);
            return;
        }
        c.WriteDetails(new Details()
            .Add("Id", d.Id.ToString())
            .Add("Name", d.Name)
            .Add("Host", $"{d.Host.Address}:{d.Host.Port}")
            .Add("Username", d.Username)
            .Add("Password", d.Password ?? "-")
            .Add("Connections from", d.ConnectionsFrom));
    }

    private static Command List()
    {
        var server = Args.Server();
        var command = new Command("list", "List the server's databases (without passwords).") { server };
        command.Aliases.Add("ls");
        command.Handle(async c =>
        {
            var list = await c.Client.Databases.ListAsync(c.Get(server), cancellationToken: c.CancellationToken);
            var output = c.List(DatabasesJsonContext.Default.ServerDatabase, "ID", "NAME", "HOST", "USERNAME", "FROM");
            foreach (var d in list.Items)
                output.Add(d, d.Id.ToString(), d.Name, $"{d.Host.Address}:{d.Host.Port}", d.Username, d.ConnectionsFrom);
            return output.Finish("No databases.");
        });
        return command;
    }

    private static Command Create()
    {
        var server = Args.Server();
        var name = new Argument<string>("name") { Description = "Database name (the panel prefixes it)." };
        var remote = new Option<string>("--remote") { Description = "Hosts allowed to connect (default %: anywhere).", HelpName = "host", DefaultValueFactory = _ => "%" };
        var command = new Command("create", "Create a database; prints its password once.") { server, name, remote };
        command.Handle(async c =>
        {
            Print(c, await c.Client.Databases.CreateAsync(c.Get(server), c.Get(name), c.Get(remote), c.CancellationToken));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Rotate()
    {
        var server = Args.Server();
        var database = DatabaseArg();
        var command = new Command("rotate-password", "Set a new random password and print it.") { server, database };
        command.Handle(async c =>
        {
            Print(c, await c.Client.Databases.RotatePasswordAsync(c.Get(server), c.Get(database), c.CancellationToken));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Delete()
    {
        var server = Args.Server();
        var database = DatabaseArg();
        var command = new Command("delete", "Delete a database.") { server, database };
        command.Aliases.Add("rm");
        command.Handle(async c =>
        {
            await c.Client.Databases.DeleteAsync(c.Get(server), c.Get(database), c.CancellationToken);
            c.Done($"Deleted database {c.Get(database)}.");
            return ExitCodes.Success;
        });
        return command;
    }
}
