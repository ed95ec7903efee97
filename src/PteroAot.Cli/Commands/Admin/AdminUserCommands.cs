using System.CommandLine;
using System.Globalization;
using PteroAot.Application;
using PteroAot.Cli.Infrastructure;
using PteroAot.Cli.Terminal;

namespace PteroAot.Cli.Commands.Admin;

/// <summary><c>ptero admin users list|show|create|update|delete</c></summary>
internal static class AdminUserCommands
{
    public static Command Build()
    {
        var group = new Command("users", "Panel users (Application API).");
        group.Add(List());
        group.Add(Show());
        group.Add(Create());
        group.Add(Update());
        group.Add(Delete());
        return group;
    }

    private static Argument<int> UserArg() => Args.Number("user", "The user's numeric id (see 'ptero admin users list').");

    private static Option<bool> PasswordStdin(string description) => new("--password-stdin") { Description = description };

    private static string Yes(bool value) => value ? "yes" : "no";

    private static void Print(CliContext c, ApplicationUser u)
    {
        if (c.Json)
        {
            c.WriteJson(u, ApplicationJsonContext.Default.ApplicationUser);
            return;
        }
        var d = new Details()
            .Add("Id", u.Id.ToString())
            .Add("UUID", u.Uuid.ToString("D"))
            .Add("Username", u.Username)
            .Add("Email", u.Email)
            .Add("Name", $"{u.FirstName} {u.LastName}")
            .Add("External id", u.ExternalId ?? "-")
            .Add("Language", u.Language)
            .Add("Root admin", Yes(u.RootAdmin))
            .Add("Two-factor", Yes(u.TwoFactor))
            .Add("Created", u.CreatedAt.ToString("u", CultureInfo.InvariantCulture));
        if (u.Servers is { } servers)
            d.Add("Servers", servers.Count == 0 ? "-" : string.Join(", ", servers.Select(s => $"{s.Name} ({s.Id})")));
        c.WriteDetails(d);
    }

    private static Command List()
    {
        var email = new Option<string?>("--email") { Description = "Only users whose e-mail contains this text.", HelpName = "text" };
        var username = new Option<string?>("--username") { Description = "Only users whose username contains this text.", HelpName = "text" };
        var externalId = new Option<string?>("--external-id") { Description = "Only users whose external id contains this text.", HelpName = "text" };
        var limit = Args.Limit();
        var command = new Command("list", "List users, paging through all of them.") { email, username, externalId, limit };
        command.Aliases.Add("ls");
        command.Handle(async c =>
        {
            var max = c.Get(limit);
            var output = c.List(ApplicationJsonContext.Default.ApplicationUser, "ID", "USERNAME", "EMAIL", "NAME", "ADMIN", "2FA", "EXTERNAL ID");
            // Application lists have no page cap; 100 keeps each response small while needing few round trips.
            await foreach (var u in c.Client.Application.Users.EnumerateAsync(email: c.Get(email), username: c.Get(username),
                               externalId: c.Get(externalId), perPage: max is { } m ? Math.Clamp(m, 1, 100) : 100, cancellationToken: c.CancellationToken))
            {
                if (output.Count >= max)
                    break;
                output.Add(u, u.Id.ToString(), u.Username, u.Email, $"{u.FirstName} {u.LastName}", Yes(u.RootAdmin), Yes(u.TwoFactor), u.ExternalId ?? "-");
            }
            return output.Finish("No users.");
        });
        return command;
    }

    private static Command Show()
    {
        var user = new Argument<string>("user") { Description = "The user's numeric id, or with --external the integrator's external id." };
        var external = new Option<bool>("--external") { Description = "Look the user up by external id instead of numeric id." };
        var command = new Command("show", "Show one user and the servers they own.") { user, external };
        command.Handle(async c =>
        {
            var text = c.Get(user);
            var users = c.Client.Application.Users;
            ApplicationUser u;
            if (c.Get(external))
            {
                if (string.IsNullOrWhiteSpace(text))
                    throw new UsageException("the external id must not be empty.");
                u = await users.GetByExternalIdAsync(text, ApplicationUserInclude.Servers, c.CancellationToken);
            }
            else
            {
                u = await users.GetAsync(ParseId(text), ApplicationUserInclude.Servers, c.CancellationToken);
            }
            Print(c, u);
            return ExitCodes.Success;
        });
        return command;
    }

    private static UserId ParseId(string text)
        => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
            ? new UserId(id)
            : throw new UsageException($"user must be a positive whole number, not '{Term.Clean(text)}' (use --external for an external id).");

    private static Command Create()
    {
        var email = new Option<string>("--email") { Description = "E-mail address (unique).", Required = true, HelpName = "address" };
        var username = new Option<string>("--username") { Description = "Login name (unique; stored lower-case).", Required = true, HelpName = "name" };
        var firstName = new Option<string>("--first-name") { Description = "First name.", Required = true, HelpName = "name" };
        var lastName = new Option<string>("--last-name") { Description = "Last name.", Required = true, HelpName = "name" };
        var externalId = new Option<string?>("--external-id") { Description = "The integrator's id (unique).", HelpName = "id" };
        var language = new Option<string?>("--language") { Description = "Interface language, e.g. en.", HelpName = "code" };
        var admin = new Option<bool>("--admin") { Description = "Make the user a root administrator." };
        var stdin = PasswordStdin("Read the password from the first line of stdin (without it the panel e-mails a setup link).");
        var command = new Command("create", "Create a user.") { email, username, firstName, lastName, externalId, language, admin, stdin };
        command.Handle(async c =>
        {
            string? password = c.Get(stdin) ? c.Input.Read(true, "--password-stdin", "Password: ", c.CancellationToken) : null;
            var created = await c.Client.Application.Users.CreateAsync(new CreateUserRequest
            {
                Email = c.Get(email),
                Username = c.Get(username),
                FirstName = c.Get(firstName),
                LastName = c.Get(lastName),
                ExternalId = c.Get(externalId),
                Language = c.Get(language),
                RootAdmin = c.Get(admin) ? true : null,
                Password = password,
            }, c.CancellationToken);
            Print(c, created);
            if (password is null)
                c.Note("No password set: the panel e-mails the user a link to choose one.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Update()
    {
        var user = UserArg();
        var email = new Option<string?>("--email") { Description = "New e-mail address.", HelpName = "address" };
        var username = new Option<string?>("--username") { Description = "New login name.", HelpName = "name" };
        var firstName = new Option<string?>("--first-name") { Description = "New first name.", HelpName = "name" };
        var lastName = new Option<string?>("--last-name") { Description = "New last name.", HelpName = "name" };
        var externalId = new Option<string?>("--external-id") { Description = "New external id.", HelpName = "id" };
        var clearExternalId = new Option<bool>("--clear-external-id") { Description = "Remove the external id." };
        var language = new Option<string?>("--language") { Description = "New interface language.", HelpName = "code" };
        var admin = new Option<bool?>("--admin") { Description = "true or false: root administrator or not.", HelpName = "true|false" };
        var stdin = PasswordStdin("Read a new password from the first line of stdin.");
        var command = new Command("update", "Change some of a user's details; everything not given stays as it is.")
        {
            user, email, username, firstName, lastName, externalId, clearExternalId, language, admin, stdin,
        };
        command.Handle(async c =>
        {
            var newExternalId = c.Get(externalId);
            var clear = c.Get(clearExternalId);
            if (newExternalId is not null && clear)
                throw new UsageException("give --external-id or --clear-external-id, not both.");
            bool changesPassword = c.Get(stdin);
            if (c.Get(email) is null && c.Get(username) is null && c.Get(firstName) is null && c.Get(lastName) is null
                && newExternalId is null && !clear && c.Get(language) is null && c.Get(admin) is null && !changesPassword)
                throw new UsageException("nothing to change; give at least one option (see --help).");
            string? password = changesPassword ? c.Input.Read(true, "--password-stdin", "Password: ", c.CancellationToken) : null;

            // The panel's PATCH replaces every field: the SDK reads the user and sends the rest unchanged.
            var updated = await c.Client.Application.Users.UpdateAsync(new UserId(c.Get(user)), r => r with
            {
                Email = c.Get(email) ?? r.Email,
                Username = c.Get(username) ?? r.Username,
                FirstName = c.Get(firstName) ?? r.FirstName,
                LastName = c.Get(lastName) ?? r.LastName,
                ExternalId = clear ? null : newExternalId ?? r.ExternalId,
                Language = c.Get(language) ?? r.Language,
                RootAdmin = c.Get(admin) ?? r.RootAdmin,
                Password = password,
            }, c.CancellationToken);
            Print(c, updated);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Delete()
    {
        var user = UserArg();
        var yes = new Option<bool>("--yes") { Description = "Confirm: the account, its API keys and its subuser access are removed." };
        var command = new Command("delete", "Delete a user (the panel refuses while they own servers; needs --yes).") { user, yes };
        command.Aliases.Add("rm");
        command.Handle(async c =>
        {
            if (!c.Get(yes))
                throw new UsageException("deleting a user cannot be undone; add --yes to confirm.");
            await c.Client.Application.Users.DeleteAsync(new UserId(c.Get(user)), c.CancellationToken);
            c.Done($"Deleted user {c.Get(user)}.");
            return ExitCodes.Success;
        });
        return command;
    }
}
