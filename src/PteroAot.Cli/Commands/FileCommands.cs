using System.CommandLine;
using PteroAot.Cli.Infrastructure;
using PteroAot.Cli.Terminal;
using PteroAot.Files;

namespace PteroAot.Cli.Commands;

/// <summary><c>ptero files ls|cat|write|rm|mv|cp|mkdir|chmod|compress|extract|pull|upload|download</c></summary>
internal static class FileCommands
{
    public static Command Build()
    {
        var group = new Command("files", "Files of a server (paths are from the server's root, e.g. /server.properties).");
        group.Add(Ls());
        group.Add(Cat());
        group.Add(Write());
        group.Add(Rm());
        group.Add(Mv());
        group.Add(Cp());
        group.Add(Mkdir());
        group.Add(Chmod());
        group.Add(Compress());
        group.Add(Extract());
        group.Add(Pull());
        group.Add(Upload());
        group.Add(Download());
        return group;
    }

    private static Argument<string> PathArg(string name = "path", string description = "A path on the server, e.g. /config/app.yml.") => new(name) { Description = description };

    /// <summary>Splits <c>/a/b/c.txt</c> into <c>/a/b</c> and <c>c.txt</c>.</summary>
    internal static (string Dir, string Name) Split(string path)
    {
        var trimmed = "/" + path.Trim().Trim('/');
        int slash = trimmed.LastIndexOf('/');
        var dir = slash <= 0 ? "/" : trimmed[..slash];
        var name = trimmed[(slash + 1)..];
        if (name.Length == 0)
            throw new UsageException($"'{Term.Clean(path)}' names no file.");
        return (dir, name);
    }

    private static Command Ls()
    {
        var server = Args.Server();
        var dir = new Argument<string>("directory") { Description = "Directory (default /).", Arity = ArgumentArity.ZeroOrOne, DefaultValueFactory = _ => "/" };
        var command = new Command("ls", "List a directory.") { server, dir };
        command.Aliases.Add("list");
        command.Handle(async c =>
        {
            var list = await c.Client.Files.ListAsync(c.Get(server), c.Get(dir), c.CancellationToken);
            var output = c.List(FilesJsonContext.Default.FileObject, "MODE", "SIZE", "MODIFIED", "NAME");
            foreach (var f in list.Items.OrderBy(f => f.IsFile).ThenBy(f => f.Name, StringComparer.Ordinal))
                output.Add(f, f.Mode, f.IsFile ? Units.Bytes(f.Size) : "-", Term.Date(f.ModifiedAt), f.IsFile ? f.Name : f.Name + "/");
            return output.Finish("Empty directory.");
        });
        return command;
    }

    private static Command Cat()
    {
        var server = Args.Server();
        var path = PathArg();
        var command = new Command("cat", "Print a text file to stdout.") { server, path };
        command.Handle(async c =>
        {
            var text = await c.Client.Files.GetContentsAsync(c.Get(server), c.Get(path), c.CancellationToken);
            c.Out.Write(text);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Write()
    {
        var server = Args.Server();
        var path = PathArg();
        var content = new Option<string?>("--content") { Description = "The text to write (default: read stdin).", HelpName = "text" };
        var command = new Command("write", "Write a text file (replacing it) from --content or stdin.") { server, path, content };
        command.Handle(async c =>
        {
            var text = c.Get(content);
            if (text is null)
            {
                if (Term.StdinIsTerminal)
                    throw new UsageException("give --content TEXT or pipe the text on stdin.");
                text = await Console.In.ReadToEndAsync(c.CancellationToken);
            }
            await c.Client.Files.WriteAsync(c.Get(server), c.Get(path), text, c.CancellationToken);
            c.Done($"Wrote {c.Get(path)} ({text.Length} characters).");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Rm()
    {
        var server = Args.Server();
        var paths = new Argument<string[]>("path") { Description = "Files or directories to delete.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("rm", "Delete files or directories.") { server, paths };
        command.Aliases.Add("delete");
        command.Handle(async c =>
        {
            foreach (var group in c.Get(paths).Select(Split).GroupBy(p => p.Dir))
                await c.Client.Files.DeleteAsync(c.Get(server), group.Key, group.Select(p => p.Name), c.CancellationToken);
            c.Done($"Deleted {string.Join(", ", c.Get(paths))}.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Mv()
    {
        var server = Args.Server();
        var from = PathArg("from", "The current path.");
        var to = PathArg("to", "The new path.");
        var command = new Command("mv", "Rename or move a file or directory.") { server, from, to };
        command.Aliases.Add("rename");
        command.Handle(async c =>
        {
            await c.Client.Files.RenameAsync(c.Get(server), c.Get(from).TrimStart('/'), c.Get(to).TrimStart('/'), "/", c.CancellationToken);
            c.Done($"Moved {c.Get(from)} to {c.Get(to)}.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Cp()
    {
        var server = Args.Server();
        var path = PathArg();
        var command = new Command("cp", "Copy a file next to itself (the panel names the copy '... copy').") { server, path };
        command.Aliases.Add("copy");
        command.Handle(async c =>
        {
            await c.Client.Files.CopyAsync(c.Get(server), c.Get(path), c.CancellationToken);
            c.Done($"Copied {c.Get(path)}.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Mkdir()
    {
        var server = Args.Server();
        var path = PathArg();
        var command = new Command("mkdir", "Create a directory.") { server, path };
        command.Handle(async c =>
        {
            var (dir, name) = Split(c.Get(path));
            await c.Client.Files.CreateFolderAsync(c.Get(server), name, dir, c.CancellationToken);
            c.Done($"Created {c.Get(path)}.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Chmod()
    {
        var server = Args.Server();
        var mode = new Argument<string>("mode") { Description = "Octal mode, e.g. 644 or 755." };
        var path = PathArg();
        var command = new Command("chmod", "Change a file's mode.") { server, mode, path };
        command.Validators.Add(r =>
        {
            var m = r.GetValue(mode) ?? "";
            if (m.Length is < 3 or > 4 || m.Any(ch => ch is < '0' or > '7'))
                r.AddError($"mode must be octal like 644 or 0755, not '{Term.Clean(m)}'.");
        });
        command.Handle(async c =>
        {
            var (dir, name) = Split(c.Get(path));
            await c.Client.Files.ChmodAsync(c.Get(server), name, c.Get(mode), dir, c.CancellationToken);
            c.Done($"Mode of {c.Get(path)} set to {c.Get(mode)}.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Compress()
    {
        var server = Args.Server();
        var paths = new Argument<string[]>("path") { Description = "Files or directories in one directory to put in the archive.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("compress", "Make a .tar.gz archive of files (in their directory).") { server, paths };
        command.Handle(async c =>
        {
            var split = c.Get(paths).Select(Split).ToList();
            if (split.Select(p => p.Dir).Distinct(StringComparer.Ordinal).Count() > 1)
                throw new UsageException("all paths must be in the same directory.");
            var archive = await c.Client.Files.CompressAsync(c.Get(server), split[0].Dir, split.Select(p => p.Name), c.CancellationToken);
            if (c.Json)
            {
                c.WriteJson(archive, FilesJsonContext.Default.FileObject);
                return ExitCodes.Success;
            }
            c.Done($"Created {(split[0].Dir == "/" ? "" : split[0].Dir)}/{archive.Name} ({Units.Bytes(archive.Size)}).");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Extract()
    {
        var server = Args.Server();
        var path = PathArg("archive", "The archive to unpack (into its directory).");
        var command = new Command("extract", "Unpack an archive into its directory.") { server, path };
        command.Aliases.Add("decompress");
        command.Handle(async c =>
        {
            var (dir, name) = Split(c.Get(path));
            await c.Client.Files.DecompressAsync(c.Get(server), dir, name, c.CancellationToken);
            c.Done($"Extracted {c.Get(path)}.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Pull()
    {
        var server = Args.Server();
        var url = new Argument<string>("url") { Description = "The http(s) URL the node downloads." };
        var dir = new Option<string>("--dir") { Description = "Directory to save into (default /).", HelpName = "directory", DefaultValueFactory = _ => "/" };
        var name = new Option<string?>("--name") { Description = "File name (default: from the URL).", HelpName = "name" };
        var command = new Command("pull", "Have the node download a URL into the server's files.") { server, url, dir, name };
        command.Handle(async c =>
        {
            await c.Client.Files.PullAsync(c.Get(server), c.Get(url), c.Get(dir), c.Get(name), c.CancellationToken);
            c.Done($"The node is downloading {c.Get(url)}.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Upload()
    {
        var server = Args.Server();
        var local = new Argument<string>("local-file") { Description = "The local file to upload." };
        var dir = new Argument<string>("directory") { Description = "Remote directory (default /).", Arity = ArgumentArity.ZeroOrOne, DefaultValueFactory = _ => "/" };
        var command = new Command("upload", "Upload a local file into a directory of the server.") { server, local, dir };
        command.Handle(async c =>
        {
            var path = c.Get(local);
            if (!File.Exists(path))
                throw new UsageException($"no such local file: {Term.Clean(path)}");
            long bytes;
            using (var bar = ProgressBar.Create($"upload {Path.GetFileName(path)}", c.Globals.Quiet))
                bytes = await c.Client.Files.UploadFileAsync(c.Get(server), c.Get(dir), path, bar, c.CancellationToken);
            c.Done($"Uploaded {Path.GetFileName(path)} to {c.Get(dir)} ({Units.Bytes(bytes)}).");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Download()
    {
        var server = Args.Server();
        var remote = PathArg("path", "The file on the server.");
        var local = new Argument<string?>("local-file") { Description = "Where to save it (default: its name in the current directory).", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("download", "Download a file of the server.") { server, remote, local };
        command.Handle(async c =>
        {
            var target = c.Get(local) ?? Split(c.Get(remote)).Name;
            if (Directory.Exists(target))
                target = Path.Combine(target, Split(c.Get(remote)).Name);
            long bytes;
            using (var bar = ProgressBar.Create($"download {Path.GetFileName(target)}", c.Globals.Quiet))
                bytes = await c.Client.Files.DownloadToFileAsync(c.Get(server), c.Get(remote), target, bar, c.CancellationToken);
            c.Done($"Saved {target} ({Units.Bytes(bytes)}).");
            return ExitCodes.Success;
        });
        return command;
    }
}
