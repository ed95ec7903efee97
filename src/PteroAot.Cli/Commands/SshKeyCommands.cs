using System.CommandLine;
using PteroAot.Cli.Infrastructure;
using PteroAot.Cli.Terminal;

namespace PteroAot.Cli.Commands;

/// <summary><c>ptero account ssh-keys list|add|remove</c></summary>
internal static class SshKeyCommands
{
    public static Command Build()
    {
        var group = new Command("ssh-keys", "SSH public keys of the account (for SFTP).");
        group.Add(List());
        group.Add(Add());
        group.Add(Remove());
        return group;
    }

    private static Command List()
    {
        var command = new Command("list", "List the account's SSH keys.");
        command.Aliases.Add("ls");
        command.Handle(async c =>
        {
            var keys = await c.Client.Account.ListSshKeysAsync(c.CancellationToken);
            if (c.Json)
            {
                c.WriteJsonArray(keys.Items, CliContext.SdkJson.SshKey);
                return ExitCodes.Success;
            }
            var table = new Table("NAME", "FINGERPRINT", "CREATED");
            foreach (var k in keys.Items)
                table.Add(k.Name, k.Fingerprint, Term.Date(k.CreatedAt));
            if (table.Count == 0)
                c.Note("No SSH keys.");
            else
                c.WriteTable(table);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Add()
    {
        var name = new Option<string>("--name") { Description = "A name for the key.", Required = true, HelpName = "name" };
        var file = new Option<string?>("--public-key-file") { Description = "Read the OpenSSH public key from this file (e.g. ~/.ssh/id_ed25519.pub).", HelpName = "path" };
        var key = new Option<string?>("--public-key") { Description = "The OpenSSH public key itself: \"ssh-ed25519 AAAA... comment\".", HelpName = "key" };
        var command = new Command("add", "Add an SSH public key (give exactly one of --public-key-file and --public-key).") { name, file, key };
        command.Validators.Add(r =>
        {
            bool hasFile = r.GetResult(file) is { Implicit: false };
            bool hasKey = r.GetResult(key) is { Implicit: false };
            if (hasFile == hasKey)
                r.AddError("give exactly one of --public-key-file PATH and --public-key \"ssh-ed25519 ...\".");
        });
        command.Handle(async c =>
        {
            string publicKey;
            if (c.Get(file) is { } path)
            {
                if (path.StartsWith("~/", StringComparison.Ordinal))
                    path = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), path[2..]);
                if (path.EndsWith("id_rsa", StringComparison.Ordinal) || path.EndsWith("id_ed25519", StringComparison.Ordinal) || path.EndsWith("id_ecdsa", StringComparison.Ordinal))
                    throw new UsageException($"{path} looks like a PRIVATE key; give the .pub file.");
                try
                {
                    publicKey = (await File.ReadAllTextAsync(path, c.CancellationToken)).Trim();
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    throw new UsageException($"cannot read {path}: {ex.Message}");
                }
                if (publicKey.Contains("PRIVATE KEY", StringComparison.Ordinal))
                    throw new UsageException($"{path} holds a PRIVATE key; give the .pub file.");
            }
            else
            {
                publicKey = c.Get(key)!.Trim();
            }
            var added = await c.Client.Account.CreateSshKeyAsync(c.Get(name), publicKey, c.CancellationToken);
            if (c.Json)
            {
                c.WriteJson(added, CliContext.SdkJson.SshKey);
                return ExitCodes.Success;
            }
            c.WriteDetails(new Details().Add("Name", added.Name).Add("Fingerprint", added.Fingerprint).Add("Created", Term.Date(added.CreatedAt)));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Remove()
    {
        var fingerprint = new Argument<string>("fingerprint") { Description = "The key's fingerprint (SHA256:...), as listed." };
        var command = new Command("remove", "Remove an SSH key by fingerprint.") { fingerprint };
        command.Aliases.Add("rm");
        command.Handle(async c =>
        {
            var fp = c.Get(fingerprint).Trim();
            var client = c.Client;
            // The panel answers 204 even when nothing matched; look first so a typo is reported.
            var keys = await client.Account.ListSshKeysAsync(c.CancellationToken);
            if (!keys.Items.Any(k => string.Equals(k.Fingerprint, fp, StringComparison.Ordinal)))
                throw new CliException($"no SSH key with fingerprint {Term.Clean(fp)} (see 'ptero account ssh-keys list').", ExitCodes.NotFound);
            await client.Account.DeleteSshKeyAsync(fp, c.CancellationToken);
            c.Done($"Removed SSH key {fp}.");
            return ExitCodes.Success;
        });
        return command;
    }
}
