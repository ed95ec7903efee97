using System.CommandLine;
using PteroAot.Backups;
using PteroAot.Cli.Infrastructure;
using PteroAot.Cli.Terminal;

namespace PteroAot.Cli.Commands;

/// <summary><c>ptero backups list|create|download|restore|lock|unlock|rm</c></summary>
internal static class BackupCommands
{
    public static Command Build()
    {
        var group = new Command("backups", "Backups of a server.");
        group.Add(List());
        group.Add(Create());
        group.Add(Download());
        group.Add(Restore());
        group.Add(Lock("lock", "Lock a backup (it cannot be deleted).", true));
        group.Add(Lock("unlock", "Unlock a backup.", false));
        group.Add(Remove());
        return group;
    }

    private static Argument<BackupId> BackupArg() => Args.Id("backup", "The backup's UUID (see 'ptero backups list').", BackupId.Parse);

    private static void Print(CliContext c, Backup b)
    {
        if (c.Json)
        {
            c.WriteJson(b, BackupsJsonContext.Default.Backup);
            return;
        }
        c.WriteDetails(new Details()
            .Add("UUID", b.Uuid.ToString())
            .Add("Name", b.Name)
            .Add("State", b.State.ToString().ToLowerInvariant())
            .Add("Locked", b.IsLocked ? "yes" : "no")
            .Add("Size", Units.Bytes(b.Bytes))
            .Add("Checksum", b.Checksum ?? "-")
            .Add("Created", Term.Date(b.CreatedAt))
            .Add("Completed", Term.Date(b.CompletedAt)));
    }

    private static Command List()
    {
        var server = Args.Server();
        var limit = Args.Limit();
        var command = new Command("list", "List the server's backups.") { server, limit };
        command.Aliases.Add("ls");
        command.Handle(async c =>
        {
            var max = c.Get(limit);
            var output = c.List(BackupsJsonContext.Default.Backup, "UUID", "NAME", "STATE", "LOCKED", "SIZE", "CREATED");
            await foreach (var b in c.Client.Backups.EnumerateAsync(c.Get(server), cancellationToken: c.CancellationToken))
            {
                if (output.Count >= max)
                    break;
                output.Add(b, b.Uuid.ToString(), b.Name, b.State.ToString().ToLowerInvariant(), b.IsLocked ? "yes" : "no", Units.Bytes(b.Bytes), Term.Date(b.CreatedAt));
            }
            return output.Finish("No backups.");
        });
        return command;
    }

    private static Command Create()
    {
        var server = Args.Server();
        var name = new Option<string?>("--name") { Description = "A name (default: the panel's timestamp name).", HelpName = "name" };
        var ignore = new Option<string[]>("--ignore") { Description = "A path pattern to leave out (repeatable).", HelpName = "pattern", AllowMultipleArgumentsPerToken = false };
        var locked = new Option<bool>("--locked") { Description = "Create it locked." };
        var wait = new Option<bool>("--wait") { Description = "Wait until the backup has completed (fails with exit 7 if it fails)." };
        var command = new Command("create", "Start a backup.") { server, name, ignore, locked, wait };
        command.Handle(async c =>
        {
            var id = c.Get(server);
            var backup = await c.Client.Backups.CreateAsync(id, c.Get(name), c.Get(ignore) is { Length: > 0 } i ? i : null, c.Get(locked), c.CancellationToken);
            if (c.Get(wait))
            {
                c.Note($"Waiting for backup {backup.Uuid}...");
                backup = await c.Client.Backups.WaitForCompletionAsync(id, backup.Uuid, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(30), c.CancellationToken);
            }
            Print(c, backup);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Download()
    {
        var server = Args.Server();
        var backup = BackupArg();
        var local = new Argument<string?>("local-file") { Description = "Where to save it (default: <uuid>.tar.gz).", Arity = ArgumentArity.ZeroOrOne };
        var noVerify = new Option<bool>("--no-verify") { Description = "Do not check the SHA-1 checksum." };
        var command = new Command("download", "Download a backup archive, checking its checksum.") { server, backup, local, noVerify };
        command.Handle(async c =>
        {
            var target = c.Get(local) ?? $"{c.Get(backup)}.tar.gz";
            long bytes;
            using (var bar = ProgressBar.Create($"backup {Path.GetFileName(target)}", c.Globals.Quiet))
                bytes = await c.Client.Backups.DownloadToFileAsync(c.Get(server), c.Get(backup), target, bar, !c.Get(noVerify), c.CancellationToken);
            c.Done($"Saved {target} ({Units.Bytes(bytes)}{(c.Get(noVerify) ? ", not verified" : ", checksum verified")}).");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Restore()
    {
        var server = Args.Server();
        var backup = BackupArg();
        var truncate = new Option<bool>("--truncate") { Description = "Delete all files before restoring." };
        var command = new Command("restore", "Restore a backup onto the server.") { server, backup, truncate };
        command.Handle(async c =>
        {
            await c.Client.Backups.RestoreAsync(c.Get(server), c.Get(backup), c.Get(truncate), c.CancellationToken);
            c.Done($"Restoring backup {c.Get(backup)}.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Lock(string name, string description, bool locked)
    {
        var server = Args.Server();
        var backup = BackupArg();
        var command = new Command(name, description) { server, backup };
        command.Handle(async c =>
        {
            var b = await c.Client.Backups.SetLockedAsync(c.Get(server), c.Get(backup), locked, c.CancellationToken);
            if (c.Json)
                c.WriteJson(b, BackupsJsonContext.Default.Backup);
            else
                c.Done($"Backup {b.Uuid} {(locked ? "locked" : "unlocked")}.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Remove()
    {
        var server = Args.Server();
        var backup = BackupArg();
        var command = new Command("rm", "Delete a backup.") { server, backup };
        command.Aliases.Add("delete");
        command.Handle(async c =>
        {
            await c.Client.Backups.DeleteAsync(c.Get(server), c.Get(backup), c.CancellationToken);
            c.Done($"Deleted backup {c.Get(backup)}.");
            return ExitCodes.Success;
        });
        return command;
    }
}
