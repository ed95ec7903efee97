using System.Formats.Tar;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using PteroAot.Testing.Http;

namespace PteroAot.Testing.Routes;

/// <summary><c>/servers/{server}/files/*</c>: Wings' file operations on a per-server directory on disk.</summary>
internal static class FileRoutes
{
    private const string Base = "/api/client/servers/{server}/files";
    private const string NotFound = "The requested resources was not found on the system.";

    public static void Map(Router router)
    {
        router.Map("GET", Base + "/list", ApiArea.Client, List);
        router.Map("GET", Base + "/contents", ApiArea.Client, Contents);
        router.Map("GET", Base + "/download", ApiArea.Client, Download);
        router.Map("PUT", Base + "/rename", ApiArea.Client, Rename);
        router.Map("POST", Base + "/copy", ApiArea.Client, Copy);
        router.Map("POST", Base + "/write", ApiArea.Client, Write);
        router.Map("POST", Base + "/compress", ApiArea.Client, Compress);
        router.Map("POST", Base + "/decompress", ApiArea.Client, Decompress);
        router.Map("POST", Base + "/delete", ApiArea.Client, Delete);
        router.Map("POST", Base + "/create-folder", ApiArea.Client, CreateFolder);
        router.Map("POST", Base + "/chmod", ApiArea.Client, Chmod);
        router.Map("POST", Base + "/pull", ApiArea.Client, Pull);
        router.Map("GET", Base + "/upload", ApiArea.Client, Upload);
    }

    private static (FakeServer Server, FileStore Store, string Root) Open(ApiRequest r, string permission)
    {
        var server = ServerAccess.Resolve(r, permission);
        var store = FileStore.Of(r.Panel, r.Context);
        return (server, store, store.RootOf(server));
    }

    private static string? Query(ApiRequest r, string name)
    {
        var value = r.Context.Request.Query[name].ToString();
        return RequestInput.Clean(name, value);
    }

    private static string RequiredQuery(ApiRequest r, string name)
    {
        var value = Query(r, name);
        if (value is null)
        {
            var v = new Validation();
            v.Required(name);
            v.ThrowIfFailed();
        }

        return value!;
    }

    private static Task List(ApiRequest r)
    {
        var (server, _, root) = Open(r, "file.read");
        var (full, relative) = FileStore.Resolve(root, Query(r, "directory") ?? "/");
        if (!Directory.Exists(full))
        {
            throw FileStore.Wings(404, File.Exists(full) ? "Cannot perform that action: file is not a directory" : "The requested directory does not exist");
        }

        var entries = new DirectoryInfo(full).EnumerateFileSystemInfos()
            .Where(e => !e.Name.StartsWith(".upload-", StringComparison.Ordinal))
            .OrderBy(e => e is FileInfo).ThenBy(e => e.Name, StringComparer.Ordinal).ToList();
        return r.Json(200, w => ClientTransformers.List(w, entries,
            (w2, e) => FileStore.FileObject(w2, server, e, relative.Length == 0 ? e.Name : relative + "/" + e.Name)));
    }

    private static async Task Contents(ApiRequest r)
    {
        var (server, _, root) = Open(r, "file.read-content");
        var (full, _) = FileStore.Resolve(root, RequiredQuery(r, "file"));
        if (Directory.Exists(full))
        {
            throw FileStore.Wings(400, "Cannot perform that action: file is a directory");
        }

        if (!File.Exists(full))
        {
            throw FileStore.Wings(404, NotFound);
        }

        var length = new FileInfo(full).Length;
        if (length > server.MaxEditSizeBytes)
        {
            throw new PanelException(400, "FileSizeTooLargeException", "The file you are attempting to open is too large to view in the file editor.");
        }

        r.Activity("server:file.read", new() { ["file"] = RequiredQuery(r, "file") });
        var response = r.Context.Response;
        response.StatusCode = 200;
        response.ContentType = "text/plain";
        response.ContentLength = length;
        await using var file = File.OpenRead(full);
        await file.CopyToAsync(response.Body, r.Context.RequestAborted).ConfigureAwait(false);
    }

    private static Task Download(ApiRequest r)
    {
        var (server, store, root) = Open(r, "file.read-content");
        var file = RequiredQuery(r, "file");
        var (full, relative) = FileStore.Resolve(root, file);
        if (!File.Exists(full))
        {
            throw FileStore.Wings(404, NotFound);
        }

        var url = store.IssueToken(r.Panel, server, "download", relative);
        r.Activity("server:file.download", new() { ["file"] = file });
        return r.Json(200, w => ClientTransformers.SignedUrl(w, url));
    }

    private static Task Upload(ApiRequest r)
    {
        var (server, store, _) = Open(r, "file.create");
        var url = store.IssueToken(r.Panel, server, "upload", null);
        return r.Json(200, w => ClientTransformers.SignedUrl(w, url));
    }

    private static Task Rename(ApiRequest r)
    {
        var (server, _, root) = Open(r, "file.update");
        var v = new Validation();
        var rootPath = RequiredNullableRoot(r, v);
        var files = ObjectArray(r, v, "files", ["from", "to"]);
        v.ThrowIfFailed();
        foreach (var item in files)
        {
            var (from, fromRel) = FileStore.Resolve(root, FileStore.Join(rootPath, item["from"]));
            var (to, toRel) = FileStore.Resolve(root, FileStore.Join(rootPath, item["to"]));
            if (!File.Exists(from) && !Directory.Exists(from))
            {
                throw FileStore.Wings(404, NotFound);
            }

            if (File.Exists(to) || Directory.Exists(to))
            {
                throw FileStore.Wings(400, "Cannot move or rename file, destination already exists");
            }

            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            if (Directory.Exists(from))
            {
                Directory.Move(from, to);
            }
            else
            {
                File.Move(from, to);
            }

            lock (server.FilesGate)
            {
                if (server.FileModes.Remove(fromRel, out var mode))
                {
                    server.FileModes[toRel] = mode;
                }
            }
        }

        r.Activity("server:file.rename", new() { ["directory"] = rootPath ?? "/" });
        return r.NoContent();
    }

    private static Task Copy(ApiRequest r)
    {
        var (_, _, root) = Open(r, "file.create");
        var v = new Validation();
        var location = v.RequiredString(r.Input, "location");
        v.ThrowIfFailed();
        var (full, _) = FileStore.Resolve(root, location);
        if (!File.Exists(full))
        {
            throw FileStore.Wings(404, NotFound);
        }

        var dir = Path.GetDirectoryName(full)!;
        var ext = Path.GetExtension(full);
        var stem = Path.GetFileNameWithoutExtension(full);
        var target = Path.Combine(dir, stem + " copy" + ext);
        for (int i = 1; File.Exists(target) || Directory.Exists(target); i++)
        {
            if (i > 50)
            {
                throw FileStore.Wings(400, "Too many copies of this file already exist");
            }

            target = Path.Combine(dir, stem + " copy " + i.ToString(CultureInfo.InvariantCulture) + ext);
        }

        File.Copy(full, target);
        r.Activity("server:file.copy", new() { ["file"] = location! });
        return r.NoContent();
    }

    private static async Task Write(ApiRequest r)
    {
        var (_, _, root) = Open(r, "file.create");
        var file = RequiredQuery(r, "file");
        var (full, relative) = FileStore.Resolve(root, file);
        if (relative.Length == 0 || Directory.Exists(full))
        {
            throw FileStore.Wings(400, "Cannot perform that action: file is a directory");
        }

        var body = r.Context.Items["RawBody"] as string ?? "";
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        await File.WriteAllTextAsync(full, body, new UTF8Encoding(false), r.Context.RequestAborted).ConfigureAwait(false);
        r.Activity("server:file.write", new() { ["file"] = file });
        await r.NoContent().ConfigureAwait(false);
    }

    private static async Task Compress(ApiRequest r)
    {
        var (server, _, root) = Open(r, "file.archive");
        var v = new Validation();
        var rootPath = OptionalRoot(r, v);
        var files = StringArray(r, v, "files", required: true);
        v.ThrowIfFailed();
        var (dir, dirRel) = FileStore.Resolve(root, rootPath);
        if (!Directory.Exists(dir))
        {
            throw FileStore.Wings(404, NotFound);
        }

        var stamp = r.Now.UtcDateTime.ToString("yyyy-MM-dd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var name = "archive-" + stamp + ".tar.gz";
        for (int i = 1; File.Exists(Path.Combine(dir, name)); i++)
        {
            name = "archive-" + stamp + "-" + i.ToString(CultureInfo.InvariantCulture) + ".tar.gz";
        }

        var archive = Path.Combine(dir, name);
        var sources = files.Select(f => FileStore.Resolve(root, FileStore.Join(rootPath, f))).ToList();
        if (sources.Any(s => !File.Exists(s.Full) && !Directory.Exists(s.Full)))
        {
            throw FileStore.Wings(404, NotFound);
        }

        await using (var output = new FileStream(archive, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        await using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        await using (var tar = new TarWriter(gzip, TarEntryFormat.Pax, leaveOpen: false))
        {
            foreach (var (full, _) in sources)
            {
                await AddToTarAsync(tar, full, Path.GetFileName(full), r.Context.RequestAborted).ConfigureAwait(false);
            }
        }

        r.Activity("server:file.compress", new() { ["directory"] = rootPath ?? "/" });
        var rel = dirRel.Length == 0 ? name : dirRel + "/" + name;
        await r.Json(200, w => FileStore.FileObject(w, server, new FileInfo(archive), rel)).ConfigureAwait(false);
    }

    private static async Task AddToTarAsync(TarWriter tar, string full, string entryName, CancellationToken ct)
    {
        if (Directory.Exists(full))
        {
            await tar.WriteEntryAsync(full, entryName + "/", ct).ConfigureAwait(false);
            foreach (var child in Directory.EnumerateFileSystemEntries(full).Order(StringComparer.Ordinal))
            {
                await AddToTarAsync(tar, child, entryName + "/" + Path.GetFileName(child), ct).ConfigureAwait(false);
            }
        }
        else
        {
            await tar.WriteEntryAsync(full, entryName, ct).ConfigureAwait(false);
        }
    }

    private static async Task Decompress(ApiRequest r)
    {
        var (_, _, root) = Open(r, "file.create");
        var v = new Validation();
        var rootPath = OptionalRoot(r, v);
        var file = v.RequiredString(r.Input, "file");
        v.ThrowIfFailed();
        var (archive, _) = FileStore.Resolve(root, FileStore.Join(rootPath, file!));
        if (!File.Exists(archive))
        {
            throw FileStore.Wings(404, NotFound);
        }

        var (dir, _) = FileStore.Resolve(root, rootPath);
        var lower = archive.ToLowerInvariant();
        try
        {
            if (lower.EndsWith(".zip", StringComparison.Ordinal))
            {
                await ZipFile.ExtractToDirectoryAsync(archive, dir, overwriteFiles: true, r.Context.RequestAborted).ConfigureAwait(false);
            }
            else if (lower.EndsWith(".tar.gz", StringComparison.Ordinal) || lower.EndsWith(".tgz", StringComparison.Ordinal))
            {
                await using var input = File.OpenRead(archive);
                await using var gzip = new GZipStream(input, CompressionMode.Decompress);
                await TarFile.ExtractToDirectoryAsync(gzip, dir, overwriteFiles: true, r.Context.RequestAborted).ConfigureAwait(false);
            }
            else if (lower.EndsWith(".tar", StringComparison.Ordinal))
            {
                await using var input = File.OpenRead(archive);
                await TarFile.ExtractToDirectoryAsync(input, dir, overwriteFiles: true, r.Context.RequestAborted).ConfigureAwait(false);
            }
            else
            {
                throw FileStore.Wings(400, "Cannot perform that action: the archive format is not supported");
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or FormatException)
        {
            throw FileStore.Wings(400, "Cannot perform that action: the archive is damaged");
        }

        r.Activity("server:file.decompress", new() { ["directory"] = rootPath ?? "/", ["file"] = file! });
        await r.NoContent().ConfigureAwait(false);
    }

    private static Task Delete(ApiRequest r)
    {
        var (server, _, root) = Open(r, "file.delete");
        var v = new Validation();
        var rootPath = RequiredNullableRoot(r, v);
        var files = StringArray(r, v, "files", required: true);
        v.ThrowIfFailed();
        foreach (var name in files)
        {
            var (full, relative) = FileStore.Resolve(root, FileStore.Join(rootPath, name));
            if (relative.Length == 0)
            {
                throw FileStore.Wings(400, "Cannot delete the root directory");
            }

            if (Directory.Exists(full))
            {
                Directory.Delete(full, recursive: true);
            }
            else if (File.Exists(full))
            {
                File.Delete(full);
            }

            lock (server.FilesGate)
            {
                server.FileModes.Remove(relative);
            }
        }

        r.Activity("server:file.delete", new() { ["directory"] = rootPath ?? "/" });
        return r.NoContent();
    }

    private static Task CreateFolder(ApiRequest r)
    {
        var (_, _, root) = Open(r, "file.create");
        var v = new Validation();
        var rootPath = OptionalRoot(r, v);
        var name = v.RequiredString(r.Input, "name");
        v.ThrowIfFailed();
        var (full, _) = FileStore.Resolve(root, FileStore.Join(rootPath, name!));
        if (File.Exists(full))
        {
            throw FileStore.Wings(400, "Cannot perform that action: a file with that name already exists");
        }

        Directory.CreateDirectory(full);
        r.Activity("server:file.create-directory", new() { ["directory"] = rootPath ?? "/", ["name"] = name! });
        return r.NoContent();
    }

    private static Task Chmod(ApiRequest r)
    {
        var (server, _, root) = Open(r, "file.update");
        var v = new Validation();
        var rootPath = RequiredNullableRoot(r, v);
        var files = ObjectArray(r, v, "files", ["file", "mode"], numeric: "mode");
        v.ThrowIfFailed();
        var changes = new List<(string Relative, int Bits)>();
        foreach (var item in files)
        {
            // Wings decodes mode as a string and parses it in base 8.
            if (!item.TryGetValue("mode:string", out var text) || text.Length == 0 || text.Any(c => c is < '0' or > '7') || text.Length > 4)
            {
                throw FileStore.Wings(400, "Cannot perform that action: invalid file mode");
            }

            var (full, relative) = FileStore.Resolve(root, FileStore.Join(rootPath, item["file"]));
            if (!File.Exists(full) && !Directory.Exists(full))
            {
                throw FileStore.Wings(404, NotFound);
            }

            changes.Add((relative, Convert.ToInt32(text, 8) & 0x1FF));
        }

        lock (server.FilesGate)
        {
            foreach (var (relative, bits) in changes)
            {
                server.FileModes[relative] = bits;
            }
        }

        return r.NoContent();
    }

    private static Task Pull(ApiRequest r)
    {
        // Route middleware order: server binding/access (404, 409), throttle:10,5 (429), then the form request (403, 422).
        ServerAccess.Resolve(r);
        var store = FileStore.Of(r.Panel, r.Context);
        store.HitPull(r);
        var (_, _, root) = Open(r, "file.create");
        var v = new Validation();
        var url = v.RequiredString(r.Input, "url");
        if (url is not null && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)))
        {
            v.Add("url", "url", "The url format is invalid.");
        }

        var directory = r.Input.GetString("directory") ?? "/";
        var filename = r.Input.GetString("filename");
        v.ThrowIfFailed();
        var (dir, _) = FileStore.Resolve(root, directory);
        Directory.CreateDirectory(dir);
        var name = filename ?? Path.GetFileName(new Uri(url!).AbsolutePath);
        if (string.IsNullOrEmpty(name))
        {
            name = "download";
        }

        // The fake does not reach out to the internet: the "downloaded" file holds where it came from.
        var (target, _) = FileStore.Resolve(root, FileStore.Join(directory, name));
        File.WriteAllText(target, "pulled from " + url + "\n");
        r.Activity("server:file.pull", new() { ["url"] = url!, ["directory"] = directory });
        return r.NoContent();
    }

    // "root" declared required|nullable: the key must be present (null allowed, meaning "/").
    private static string? RequiredNullableRoot(ApiRequest r, Validation v)
    {
        var element = r.Input.GetElement("root");
        if (element is null)
        {
            v.Required("root");
            return null;
        }

        return OptionalRoot(r, v);
    }

    private static string? OptionalRoot(ApiRequest r, Validation v)
    {
        var element = r.Input.GetElement("root");
        if (element is { ValueKind: not JsonValueKind.Null and not JsonValueKind.String })
        {
            v.MustBeString("root");
            return null;
        }

        return r.Input.GetString("root") ?? "/";
    }

    private static List<string> StringArray(ApiRequest r, Validation v, string field, bool required)
    {
        var result = new List<string>();
        if (r.Input.IsMissing(field))
        {
            if (required)
            {
                v.Required(field);
            }

            return result;
        }

        if (r.Input.GetElement(field) is not { ValueKind: JsonValueKind.Array } array)
        {
            v.Add(field, "array", $"The {Validation.Attribute(field)} must be an array.");
            return result;
        }

        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String && RequestInput.Clean(field, item.GetString()) is { } s)
            {
                result.Add(s);
            }
        }

        return result;
    }

    private static List<Dictionary<string, string>> ObjectArray(ApiRequest r, Validation v, string field, string[] keys, string? numeric = null)
    {
        var result = new List<Dictionary<string, string>>();
        if (r.Input.IsMissing(field))
        {
            v.Required(field);
            return result;
        }

        if (r.Input.GetElement(field) is not { ValueKind: JsonValueKind.Array } array)
        {
            v.Add(field, "array", $"The {Validation.Attribute(field)} must be an array.");
            return result;
        }

        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var entry = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var key in keys)
            {
                var name = field + "." + index.ToString(CultureInfo.InvariantCulture) + "." + key;
                var value = item.ValueKind == JsonValueKind.Object && item.TryGetProperty(key, out var p) ? p : default;
                if (key == numeric)
                {
                    // required|numeric: a JSON number passes the panel; Wings then wants a string.
                    var text = value.ValueKind switch
                    {
                        JsonValueKind.String => RequestInput.Clean(name, value.GetString()),
                        JsonValueKind.Number => value.GetRawText(),
                        _ => null,
                    };
                    if (text is null)
                    {
                        v.Add(name, "required", $"The {name} field is required.");
                    }
                    else if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                    {
                        v.Add(name, "numeric", $"The {name} must be a number.");
                    }
                    else
                    {
                        entry[key] = text;
                        if (value.ValueKind == JsonValueKind.String)
                        {
                            entry[key + ":string"] = text;
                        }
                    }

                    continue;
                }

                var s = value.ValueKind == JsonValueKind.String ? RequestInput.Clean(name, value.GetString()) : null;
                if (s is null)
                {
                    v.Add(name, "required", $"The {name} field is required.");
                }
                else
                {
                    entry[key] = s;
                }
            }

            result.Add(entry);
            index++;
        }

        return result;
    }
}
