using System.CommandLine;
using PteroAot.Account;
using PteroAot.Cli.Infrastructure;
using PteroAot.Cli.Terminal;

namespace PteroAot.Cli.Commands;

/// <summary><c>ptero account ...</c></summary>
internal static class AccountCommands
{
    public static Command Build()
    {
        var account = new Command("account", "Your panel account: details, e-mail, password, activity, API keys, two-factor, SSH keys.");
        account.Add(Show());
        account.Add(Email());
        account.Add(Password());
        account.Add(Activity());
        account.Add(ApiKeyCommands.Build());
        account.Add(TwoFactorCommands.Build());
        account.Add(SshKeyCommands.Build());
        return account;
    }

    private static Command Show()
    {
        var command = new Command("show", "Show the account behind the API key.");
        command.Handle(async c =>
        {
            var me = await c.Client.Account.GetAsync(c.CancellationToken);
            if (c.Json)
            {
                c.WriteJson(me, CliContext.SdkJson.AccountDetails);
                return ExitCodes.Success;
            }
            var name = string.Join(' ', new[] { me.FirstName, me.LastName }.Where(s => !string.IsNullOrWhiteSpace(s)));
            c.WriteDetails(new Details()
                .Add("ID", me.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Add("Username", me.Username)
                .Add("Email", me.Email)
                .Add("Name", name.Length == 0 ? "-" : name)
                .Add("Admin", me.Admin ? "yes" : "no")
                .Add("Language", me.Language ?? "-"));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Email()
    {
        var email = new Argument<string>("new-email") { Description = "The new e-mail address." };
        var stdin = new Option<bool>("--password-stdin") { Description = "Read the current password from the first line of stdin." };
        var command = new Command("email", "Change the account's e-mail address (asks for the current password).") { email, stdin };
        command.Handle(async c =>
        {
            bool fromStdin = c.Get(stdin);
            SecretInput.RequireSource(fromStdin, "--password-stdin", "the current password");
            var client = c.Client;
            var password = c.Input.Read(fromStdin, "--password-stdin", "Current password: ", c.CancellationToken);
            await client.Account.UpdateEmailAsync(c.Get(email), password, c.CancellationToken);
            c.Done($"E-mail changed to {c.Get(email)}.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Password()
    {
        var stdin = new Option<bool>("--password-stdin") { Description = "Read the current password (line 1) and the new one (line 2) from stdin." };
        var command = new Command("password", "Change the account's password (current one, then the new one twice when prompted).") { stdin };
        command.Handle(async c =>
        {
            bool fromStdin = c.Get(stdin);
            SecretInput.RequireSource(fromStdin, "--password-stdin", "the current and new password");
            var client = c.Client;
            var current = c.Input.Read(fromStdin, "--password-stdin", "Current password: ", c.CancellationToken);
            var next = c.Input.Read(fromStdin, "--password-stdin", "New password: ", c.CancellationToken);
            if (!(fromStdin && Console.IsInputRedirected))
            {
                var again = c.Input.Read(false, "--password-stdin", "New password again: ", c.CancellationToken);
                if (!string.Equals(next, again, StringComparison.Ordinal))
                    throw new UsageException("the two new passwords differ; nothing was changed.");
            }
            await client.Account.UpdatePasswordAsync(current, next, c.CancellationToken);
            c.Done("Password changed.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Activity()
    {
        var limit = new Option<int?>("--limit", "-n") { Description = "Show at most this many entries (default: all).", HelpName = "N" };
        var eventFilter = new Option<string?>("--event") { Description = "Only events whose name contains this text, e.g. api-key.", HelpName = "text" };
        var page = new Option<int?>("--page") { Description = "Fetch only this page (from 1) instead of walking every page.", HelpName = "N" };
        var perPage = new Option<int?>("--per-page") { Description = "Entries per request (1-100, panel default 25).", HelpName = "N" };
        Range(limit, 1, int.MaxValue, "--limit must be 1 or more.");
        Range(page, 1, int.MaxValue, "--page must be 1 or more.");
        Range(perPage, 1, 100, "--per-page must be between 1 and 100.");
        var command = new Command("activity", "List the account's activity log, newest first (all pages unless --page or --limit).")
        {
            limit, eventFilter, page, perPage,
        };
        command.Handle(async c =>
        {
            var client = c.Client;
            int max = c.Get(limit) ?? int.MaxValue;
            var entries = new List<ActivityLogEntry>();
            if (c.Get(page) is { } pageNumber)
            {
                var list = await client.Account.ListActivityAsync(pageNumber, c.Get(perPage), c.Get(eventFilter), include: "actor",
                    cancellationToken: c.CancellationToken);
                entries.AddRange(list.Items.Take(max));
                if (!c.Json && list.Pagination is { } p)
                    c.Note($"Page {p.CurrentPage} of {p.TotalPages} ({p.Total} entries).");
            }
            else
            {
                int? size = c.Get(perPage) ?? (max < 100 ? Math.Max(max, 1) : 100);
                await foreach (var entry in client.Account.EnumerateActivityAsync(size, c.Get(eventFilter), include: "actor",
                    cancellationToken: c.CancellationToken))
                {
                    entries.Add(entry);
                    if (entries.Count >= max)
                        break;
                }
            }

            if (c.Json)
            {
                c.WriteJsonArray(entries, CliContext.SdkJson.ActivityLogEntry);
                return ExitCodes.Success;
            }
            var table = new Table("TIME", "EVENT", "ACTOR", "IP", "VIA", "PROPERTIES");
            foreach (var e in entries)
            {
                table.Add(Term.Date(e.Timestamp), e.Event, e.Actor?.Username ?? "system", e.Ip ?? "-", e.IsApi ? "api" : "web",
                    Properties(e));
            }
            if (table.Count == 0)
                c.Note("No activity.");
            else
                c.WriteTable(table);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>A range check that leaves unparsable text to the parser's own error.</summary>
    private static void Range(Option<int?> option, int min, int max, string message)
        => option.Validators.Add(r =>
        {
            if (r.Tokens.Count == 1 && int.TryParse(r.Tokens[0].Value, System.Globalization.NumberStyles.Integer,
                    System.Globalization.CultureInfo.InvariantCulture, out var value) && (value < min || value > max))
                r.AddError(message);
        });

    private static string Properties(ActivityLogEntry entry)
    {
        if (entry.Properties is not { ValueKind: System.Text.Json.JsonValueKind.Object } properties)
            return "";
        var parts = new List<string>();
        foreach (var p in properties.EnumerateObject())
        {
            var value = p.Value.ValueKind switch
            {
                System.Text.Json.JsonValueKind.String => p.Value.GetString(),
                System.Text.Json.JsonValueKind.Null => "null",
                _ => p.Value.GetRawText(),
            };
            parts.Add($"{p.Name}={value}");
        }
        return string.Join(' ', parts);
    }
}
