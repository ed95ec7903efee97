using System.CommandLine;
using PteroAot.Cli.Infrastructure;
using PteroAot.Cli.Terminal;
using PteroAot.Subusers;

namespace PteroAot.Cli.Commands;

/// <summary><c>ptero subusers list|add|update|rm</c></summary>
internal static class SubuserCommands
{
    public static Command Build()
    {
        var group = new Command("subusers", "Other users with access to a server.");
        group.Add(List());
        group.Add(Add());
        group.Add(Update());
        group.Add(Remove());
        return group;
    }

    private static Argument<UserUuid> UserArg() => Args.Id("user", "The subuser's UUID (see 'ptero subusers list').", UserUuid.Parse);

    private static Option<string[]> PermissionsOption() => new("--permission", "-p")
    {
        Description = "A permission such as control.console or file.read (repeatable, or comma-separated).",
        HelpName = "name",
        Required = true,
    };

    private static string[] Permissions(CliContext c, Option<string[]> option)
        => [.. c.Get(option).SelectMany(p => p.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct(StringComparer.Ordinal)];

    private static void Print(CliContext c, Subuser s)
    {
        if (c.Json)
        {
            c.WriteJson(s, SubusersJsonContext.Default.Subuser);
            return;
        }
        c.WriteDetails(new Details()
            .Add("UUID", s.Uuid.ToString())
            .Add("Username", s.Username)
            .Add("Email", s.Email)
            .Add("Permissions", string.Join(", ", s.Permissions)));
    }

    private static Command List()
    {
        var server = Args.Server();
        var command = new Command("list", "List the server's subusers.") { server };
        command.Aliases.Add("ls");
        command.Handle(async c =>
        {
            var list = await c.Client.Subusers.ListAsync(c.Get(server), c.CancellationToken);
            var output = c.List(SubusersJsonContext.Default.Subuser, "UUID", "USERNAME", "EMAIL", "2FA", "PERMISSIONS");
            foreach (var s in list.Items)
                output.Add(s, s.Uuid.ToString(), s.Username, s.Email, s.TwoFactorEnabled ? "yes" : "no", string.Join(",", s.Permissions));
            return output.Finish("No subusers.");
        });
        return command;
    }

    private static Command Add()
    {
        var server = Args.Server();
        var email = new Argument<string>("email") { Description = "The user's email (an account is created if needed)." };
        var permissions = PermissionsOption();
        var command = new Command("add", "Give a user access to the server.") { server, email, permissions };
        command.Handle(async c =>
        {
            Print(c, await c.Client.Subusers.CreateAsync(c.Get(server), c.Get(email), Permissions(c, permissions), c.CancellationToken));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Update()
    {
        var server = Args.Server();
        var user = UserArg();
        var permissions = PermissionsOption();
        var command = new Command("update", "Replace a subuser's permissions.") { server, user, permissions };
        command.Handle(async c =>
        {
            Print(c, await c.Client.Subusers.UpdateAsync(c.Get(server), c.Get(user), Permissions(c, permissions), c.CancellationToken));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Remove()
    {
        var server = Args.Server();
        var user = UserArg();
        var command = new Command("rm", "Remove a subuser's access.") { server, user };
        command.Aliases.Add("delete");
        command.Handle(async c =>
        {
            await c.Client.Subusers.DeleteAsync(c.Get(server), c.Get(user), c.CancellationToken);
            c.Done($"Removed subuser {Term.Clean(c.Get(user).ToString())}.");
            return ExitCodes.Success;
        });
        return command;
    }
}
