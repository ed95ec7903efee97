using System.Net;
using PteroAot.Files;
using PteroAot.Tests.Support;

namespace PteroAot.Tests.Client.Files;

public class FileOperationTests
{
    [Test]
    public async Task List_returns_wings_file_objects_for_the_seeded_root()
    {
        await using var t = await TestPanel.StartAsync();
        var server = TestServers.Id(TestServers.Survival(t.Panel));

        var list = await t.Client.Files.ListAsync(server);

        await Assert.That(list.Pagination).IsNull();
        var props = list.Items.Single(f => f.Name == "server.properties");
        await Assert.That(props.IsFile).IsTrue();
        await Assert.That(props.Mode).IsEqualTo("-rw-r--r--");
        await Assert.That(props.ModeBits).IsEqualTo("644");
        await Assert.That(props.Mimetype).IsEqualTo("text/plain; charset=utf-8");
        await Assert.That(props.Size).IsGreaterThan(0);
        await Assert.That(props.ModifiedAt).IsGreaterThan(DateTimeOffset.UtcNow.AddHours(-1));
        var logs = list.Items.Single(f => f.Name == "logs");
        await Assert.That(logs.IsDirectory).IsTrue();
        await Assert.That(logs.Mode).IsEqualTo("drwxr-xr-x");
        await Assert.That(logs.Mimetype).IsEqualTo("inode/directory");

        var sub = await t.Client.Files.ListAsync(server, "/logs");
        await Assert.That(sub.Items.Select(f => f.Name)).IsEquivalentTo(["latest.log"]);
    }

    [Test]
    public async Task Listing_a_missing_directory_is_a_404_from_the_node()
    {
        await using var t = await TestPanel.StartAsync();
        var ex = await Assert.ThrowsAsync<PteroNotFoundException>(() => t.Client.Files.ListAsync(TestServers.Id(TestServers.Survival(t.Panel)), "/nope"));
        await Assert.That(ex!.Errors[0].Code).IsEqualTo("DaemonConnectionException");
        await Assert.That(ex.Errors[0].Detail).StartsWith("An error occurred on the remote host:");
    }

    [Test]
    public async Task Write_sends_a_raw_text_body_and_contents_reads_it_back()
    {
        await using var t = await TestPanel.StartAsync();
        var server = TestServers.Id(TestServers.Survival(t.Panel));
        const string text = "{ not json at all\nline 2 ünïcode\n";

        await t.Client.Files.WriteAsync(server, "/config/new.yml", text);

        var request = t.Panel.Requests.Single(r => r.Path.EndsWith("/files/write", StringComparison.Ordinal));
        await Assert.That(request.Header("Content-Type")).StartsWith("text/plain");
        await Assert.That(request.PathAndQuery).Contains("file=%2Fconfig%2Fnew.yml");
        await Assert.That(await t.Client.Files.GetContentsAsync(server, "/config/new.yml")).IsEqualTo(text);
    }

    [Test]
    public async Task Contents_of_a_directory_is_400_and_of_an_oversized_file_is_FileSizeTooLarge()
    {
        await using var t = await TestPanel.StartAsync();
        var fake = TestServers.Survival(t.Panel);
        var server = TestServers.Id(fake);

        var dir = await Assert.ThrowsAsync<PteroApiException>(() => t.Client.Files.GetContentsAsync(server, "/logs"));
        await Assert.That(dir!.StatusCode).IsEqualTo(HttpStatusCode.BadRequest);

        fake.MaxEditSizeBytes = 10;
        var big = await Assert.ThrowsAsync<PteroApiException>(() => t.Client.Files.GetContentsAsync(server, "/server.properties"));
        await Assert.That(big!.Errors[0].Code).IsEqualTo("FileSizeTooLargeException");
    }

    [Test]
    public async Task Rename_moves_into_a_subdirectory_and_copy_makes_a_copy_name()
    {
        await using var t = await TestPanel.StartAsync();
        var server = TestServers.Id(TestServers.Survival(t.Panel));

        await t.Client.Files.RenameAsync(server, "eula.txt", "old/eula.txt");
        await t.Client.Files.CopyAsync(server, "/old/eula.txt");
        await t.Client.Files.CopyAsync(server, "/old/eula.txt");

        var root = await t.Client.Files.ListAsync(server);
        await Assert.That(root.Items.Any(f => f.Name == "eula.txt")).IsFalse();
        var old = await t.Client.Files.ListAsync(server, "/old");
        await Assert.That(old.Items.Select(f => f.Name)).IsEquivalentTo(["eula.txt", "eula copy.txt", "eula copy 1.txt"]);
        var body = t.Panel.Requests.Single(r => r.Path.EndsWith("/files/rename", StringComparison.Ordinal)).Body;
        await Assert.That(body).IsEqualTo("{\"root\":\"/\",\"files\":[{\"from\":\"eula.txt\",\"to\":\"old/eula.txt\"}]}");
    }

    [Test]
    public async Task Renaming_a_missing_file_is_404()
    {
        await using var t = await TestPanel.StartAsync();
        await Assert.ThrowsAsync<PteroNotFoundException>(() => t.Client.Files.RenameAsync(TestServers.Id(TestServers.Survival(t.Panel)), "ghost.txt", "x.txt"));
    }

    [Test]
    public async Task Create_folder_delete_and_chmod_with_a_string_mode()
    {
        await using var t = await TestPanel.StartAsync();
        var server = TestServers.Id(TestServers.Survival(t.Panel));

        await t.Client.Files.CreateFolderAsync(server, "backups/old");
        await t.Client.Files.WriteAsync(server, "/start.sh", "#!/bin/sh\n");
        await t.Client.Files.ChmodAsync(server, "start.sh", "755");
        await t.Client.Files.DeleteAsync(server, "/", ["logs", "eula.txt"]);

        var root = await t.Client.Files.ListAsync(server);
        var names = root.Items.Select(f => f.Name).ToList();
        await Assert.That(names).Contains("backups");
        await Assert.That(names).DoesNotContain("logs");
        await Assert.That(names).DoesNotContain("eula.txt");
        var script = root.Items.Single(f => f.Name == "start.sh");
        await Assert.That(script.ModeBits).IsEqualTo("755");
        await Assert.That(script.Mode).IsEqualTo("-rwxr-xr-x");
        await Assert.That((await t.Client.Files.ListAsync(server, "/backups")).Items.Single().Name).IsEqualTo("old");
        var chmod = t.Panel.Requests.Single(r => r.Path.EndsWith("/files/chmod", StringComparison.Ordinal)).Body;
        await Assert.That(chmod).Contains("\"mode\":\"755\"");
    }

    [Test]
    public async Task Compress_returns_the_archive_and_decompress_restores_the_files()
    {
        await using var t = await TestPanel.StartAsync();
        var server = TestServers.Id(TestServers.Survival(t.Panel));
        await t.Client.Files.WriteAsync(server, "/data/a.txt", "alpha");
        await t.Client.Files.WriteAsync(server, "/data/sub/b.txt", "beta");

        var archive = await t.Client.Files.CompressAsync(server, "/data", ["a.txt", "sub"]);

        await Assert.That(archive.Name).StartsWith("archive-");
        await Assert.That(archive.Name).EndsWith(".tar.gz");
        await Assert.That(archive.Mimetype).IsEqualTo("application/gzip");
        await Assert.That(archive.Size).IsGreaterThan(0);

        await t.Client.Files.CreateFolderAsync(server, "restore");
        await t.Client.Files.RenameAsync(server, "data/" + archive.Name, "restore/" + archive.Name);
        await t.Client.Files.DecompressAsync(server, "/restore", archive.Name);

        await Assert.That(await t.Client.Files.GetContentsAsync(server, "/restore/a.txt")).IsEqualTo("alpha");
        await Assert.That(await t.Client.Files.GetContentsAsync(server, "/restore/sub/b.txt")).IsEqualTo("beta");
    }

    [Test]
    public async Task Pull_is_accepted_and_validated()
    {
        await using var t = await TestPanel.StartAsync();
        var server = TestServers.Id(TestServers.Survival(t.Panel));

        await t.Client.Files.PullAsync(server, new PullFileRequest { Url = "https://example.com/plugin.jar", Directory = "/plugins", UseHeader = true, Foreground = false });

        var plugins = await t.Client.Files.ListAsync(server, "/plugins");
        await Assert.That(plugins.Items.Select(f => f.Name)).Contains("plugin.jar");
        var body = t.Panel.Requests.Single(r => r.Path.EndsWith("/files/pull", StringComparison.Ordinal)).Body;
        await Assert.That(body).Contains("\"use_header\":true");
        var bad = await Assert.ThrowsAsync<PteroValidationException>(() => t.Client.Files.PullAsync(server, "not a url"));
        await Assert.That(bad!.FieldErrors.ContainsKey("url")).IsTrue();
    }

    [Test]
    public async Task The_eleventh_pull_in_five_minutes_is_429_with_retry_after()
    {
        await using var t = await TestPanel.StartAsync(clientOptions: new PteroClientOptions { MaxRateLimitRetries = 0 });
        var server = TestServers.Id(TestServers.Survival(t.Panel));
        for (int i = 0; i < 10; i++)
            await t.Client.Files.PullAsync(server, $"https://example.com/f{i}.jar");

        var ex = await Assert.ThrowsAsync<PteroRateLimitException>(() => t.Client.Files.PullAsync(server, "https://example.com/f10.jar"));

        await Assert.That(ex!.RetryAfter).IsNotNull();
        await Assert.That(ex.RetryAfter!.Value).IsGreaterThan(TimeSpan.FromMinutes(4));
        await Assert.That(ex.RetryAfter!.Value).IsLessThanOrEqualTo(TimeSpan.FromMinutes(5));
        await Assert.That(ex.Errors[0].Code).IsEqualTo("ThrottleRequestsException");
    }

    [Test]
    public async Task Another_users_server_is_404_for_every_file_route()
    {
        await using var t = await TestPanel.StartAsync();
        var foreign = TestServers.Foreign(t.Panel);

        await Assert.ThrowsAsync<PteroNotFoundException>(() => t.Client.Files.ListAsync(foreign));
        await Assert.ThrowsAsync<PteroNotFoundException>(() => t.Client.Files.GetContentsAsync(foreign, "/server.properties"));
        await Assert.ThrowsAsync<PteroNotFoundException>(() => t.Client.Files.WriteAsync(foreign, "/x.txt", "x"));
        await Assert.ThrowsAsync<PteroNotFoundException>(() => t.Client.Files.GetUploadUrlAsync(foreign));
        await Assert.ThrowsAsync<PteroNotFoundException>(() => t.Client.Files.DownloadAsync(foreign, "/server.properties", Stream.Null));
    }

    [Test]
    public async Task A_subuser_with_read_permissions_reads_but_cannot_write()
    {
        await using var t = await TestPanel.StartAsync();
        var lobby = TestServers.Id(TestServers.SharedLobby(t.Panel));

        await Assert.That((await t.Client.Files.ListAsync(lobby)).Items.Count).IsGreaterThan(0);
        await Assert.That(await t.Client.Files.GetContentsAsync(lobby, "/eula.txt")).Contains("eula=true");
        using (var sink = new MemoryStream())
            await Assert.That(await t.Client.Files.DownloadAsync(lobby, "/eula.txt", sink)).IsGreaterThan(0);

        await Assert.ThrowsAsync<PteroPermissionException>(() => t.Client.Files.WriteAsync(lobby, "/x.txt", "x"));
        await Assert.ThrowsAsync<PteroPermissionException>(() => t.Client.Files.DeleteAsync(lobby, "/", ["eula.txt"]));
        await Assert.ThrowsAsync<PteroPermissionException>(() => t.Client.Files.RenameAsync(lobby, "eula.txt", "b.txt"));
        await Assert.ThrowsAsync<PteroPermissionException>(() => t.Client.Files.ChmodAsync(lobby, "eula.txt", "600"));
        await Assert.ThrowsAsync<PteroPermissionException>(() => t.Client.Files.CompressAsync(lobby, "/", ["eula.txt"]));
        await Assert.ThrowsAsync<PteroPermissionException>(() => t.Client.Files.CreateFolderAsync(lobby, "x"));
        await Assert.ThrowsAsync<PteroPermissionException>(() => t.Client.Files.PullAsync(lobby, "https://example.com/a.jar"));
        await Assert.ThrowsAsync<PteroPermissionException>(() => t.Client.Files.UploadAsync(lobby, "/", new MemoryStream([1, 2, 3]), "a.bin"));
    }

    [Test]
    public async Task Paths_cannot_escape_the_server_root()
    {
        await using var t = await TestPanel.StartAsync();
        await Assert.ThrowsAsync<PteroNotFoundException>(() => t.Client.Files.GetContentsAsync(TestServers.Id(TestServers.Survival(t.Panel)), "/../../etc/passwd"));
    }
}
