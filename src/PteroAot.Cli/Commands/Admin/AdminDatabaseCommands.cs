using System.CommandLine;
using PteroAot.Application;
using PteroAot.Cli.Infrastructure;
using PteroAot.Cli.Terminal;

namespace PteroAot.Cli.Commands.Admin;

/// <summary><c>ptero admin databases list|show|create|reset-password|delete</c></summary>
internal static class AdminDatabaseCommands
{
    private static ApplicationJsonContext Json => ApplicationJsonContext.Default;

    public static Command Build()
    {
        var group = new Command("databases", "Databases of a server (Application API).");
        group.Add(List());
        group.Add(Show());
        group.Add(Create());
        group.Add(ResetPassword());
        group.Add(Delete());
        return group;
    }

    private static Argument<int> ServerArg() => Args.Number("server-id", "The server's numeric id (not its identifier; see 'ptero admin servers list').");

    private static Argument<int> DatabaseArg() => Args.Number("database", "The database's numeric id (see 'ptero admin databases list').");

    private static Option<bool> ShowPassword() => new("--show-password") { Description = "Print the database password (a secret)." };

    private static string HostText(ApplicationDatabase d) => d.Host is { } h ? $"{h.Host}:{h.Port} ({h.Name})" : d.HostId.ToString();

    // Without --show-password the password is dropped before printing, in JSON as in tables.
    private static void Print(CliContext c, ApplicationDatabase d, bool showPassword)
    {
        if (!showPassword && d.Relationships is { Password: not null } r)
            d = d with { Relationships = r with { Password = null } };
        if (c.Json)
        {
            c.WriteJson(d, Json.ApplicationDatabase);
            return;
        }
        var details = new Details()
            .Add("Id", d.Id.ToString())
            .Add("Database", d.Database)
            .Add("Username", d.Username)
            .Add("Host", HostText(d))
            .Add("Connections from", d.Remote)
            .Add("Max connections", d.MaxConnections is > 0 ? d.MaxConnections.ToString() : "unlimited");
        if (showPassword)
            details.Add("Password", d.Password ?? "-");
        c.WriteDetails(details);
    }

    private static Command List()
    {
        var server = ServerArg();
        var command = new Command("list", "List the server's databases (without passwords).") { server };
        command.Aliases.Add("ls");
        command.Handle(async c =>
        {
            var list = await c.Client.Application.Databases.ListAsync(new ServerId(c.Get(server)), ApplicationDatabaseInclude.Host, c.CancellationToken);
            var output = c.List(Json.ApplicationDatabase, "ID", "DATABASE", "USERNAME", "HOST", "FROM");
            foreach (var d in list.Items)
                output.Add(d, d.Id.ToString(), d.Database, d.Username, HostText(d), d.Remote);
            return output.Finish("No databases.");
        });
        return command;
    }

    private static Command Show()
    {
        var server = ServerArg();
        var database = DatabaseArg();
        var show = ShowPassword();
        var command = new Command("show", "Show one database; its password only with --show-password.") { server, database, show };
        command.Handle(async c =>
        {
            var include = ApplicationDatabaseInclude.Host | (c.Get(show) ? ApplicationDatabaseInclude.Password : ApplicationDatabaseInclude.None);
            Print(c, await c.Client.Application.Databases.GetAsync(new ServerId(c.Get(server)), new ServerDatabaseId(c.Get(database)), include,
                c.CancellationToken), c.Get(show));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Create()
    {
        var server = ServerArg();
        var name = new Argument<string>("name") { Description = "Database name without the s<server>_ prefix the panel adds." };
        var host = new Option<int>("--host") { Description = "The database host's id.", HelpName = "id", Required = true };
        var remote = new Option<string>("--remote") { Description = "Where connections may come from (default %: anywhere).", HelpName = "pattern", DefaultValueFactory = _ => "%" };
        var show = ShowPassword();
        var command = new Command("create", "Create a database on a database host.") { server, name, host, remote, show };
        command.Handle(async c =>
        {
            var serverId = new ServerId(c.Get(server));
            var created = await c.Client.Application.Databases.CreateAsync(serverId, c.Get(name), new DatabaseHostId(c.Get(host)), c.Get(remote),
                c.CancellationToken);
            // The create answer has no password; read it back only when asked to print it.
            var shown = c.Get(show)
                ? await c.Client.Application.Databases.GetAsync(serverId, created.Id, ApplicationDatabaseInclude.Password | ApplicationDatabaseInclude.Host,
                    c.CancellationToken)
                : created;
            if (!c.Json)
                c.Done($"Created database {created.Database} (id {created.Id}).");
            Print(c, shown, c.Get(show));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command ResetPassword()
    {
        var server = ServerArg();
        var database = DatabaseArg();
        var show = ShowPassword();
        var command = new Command("reset-password", "Set a new random password (printed only with --show-password).") { server, database, show };
        command.Handle(async c =>
        {
            var serverId = new ServerId(c.Get(server));
            var databaseId = new ServerDatabaseId(c.Get(database));
            if (c.Get(show))
            {
                var d = await c.Client.Application.Databases.ResetPasswordAndGetAsync(serverId, databaseId, c.CancellationToken);
                Print(c, d, showPassword: true);
                return ExitCodes.Success;
            }
            await c.Client.Application.Databases.ResetPasswordAsync(serverId, databaseId, c.CancellationToken);
            c.Done($"Reset the password of database {databaseId}; see it with 'ptero admin databases show {serverId} {databaseId} --show-password'.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Delete()
    {
        var server = ServerArg();
        var database = DatabaseArg();
        var yes = new Option<bool>("--yes") { Description = "Confirm the deletion." };
        var command = new Command("delete", "Delete a database and its data (needs --yes).") { server, database, yes };
        command.Aliases.Add("rm");
        command.Handle(async c =>
        {
            if (!c.Get(yes))
                throw new UsageException($"deleting database {c.Get(database)} destroys its data; add --yes to confirm.");
            await c.Client.Application.Databases.DeleteAsync(new ServerId(c.Get(server)), new ServerDatabaseId(c.Get(database)), c.CancellationToken);
            c.Done($"Deleted database {c.Get(database)} of server {c.Get(server)}.");
            return ExitCodes.Success;
        });
        return command;
    }
}
