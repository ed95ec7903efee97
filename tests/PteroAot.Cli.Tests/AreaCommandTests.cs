using System.Text.Json;
using PteroAot.Cli.Tests.Support;
using PteroAot.Testing;

namespace PteroAot.Cli.Tests;

/// <summary>files, backups, schedules, allocations, subusers, databases happy paths through the native binary.</summary>
public sealed class AreaCommandTests
{
    private static string Survival(FakePanel panel) => panel.State.Servers.First(s => s.Name == "Survival").Identifier;

    [Test]
    public async Task Files_write_cat_ls_mv_rm_round_trip()
    {
        await using var panel = await FakePanel.StartAsync();
        using var sandbox = new Sandbox(panel);
        var s = Survival(panel);

        (await sandbox.RunWithStdinAsync("motd=hello\n", "files", "write", s, "/config/app.txt")).Expect(0);
        var cat = (await sandbox.RunAsync("files", "cat", s, "/config/app.txt")).Expect(0);
        await Assert.That(cat.Stdout).IsEqualTo("motd=hello\n");
        (await sandbox.RunAsync("files", "mv", s, "/config/app.txt", "/config/renamed.txt")).Expect(0);
        var ls = (await sandbox.RunAsync("files", "ls", s, "/config")).Expect(0);
        await Assert.That(ls.Stdout).Contains("renamed.txt");
        await Assert.That(ls.Stdout).DoesNotContain("app.txt");
        var json = (await sandbox.RunAsync("files", "ls", s, "/config", "-o", "json")).Expect(0);
        using (var doc = JsonDocument.Parse(json.Stdout))
            await Assert.That(doc.RootElement.GetArrayLength()).IsEqualTo(1);
        (await sandbox.RunAsync("files", "rm", s, "/config/renamed.txt")).Expect(0);
        (await sandbox.RunAsync("files", "cat", s, "/config/renamed.txt")).Expect(4);
    }

    [Test]
    public async Task Upload_then_download_is_byte_identical()
    {
        await using var panel = await FakePanel.StartAsync();
        using var sandbox = new Sandbox(panel);
        var s = Survival(panel);
        var bytes = new byte[50_000];
        new Random(7).NextBytes(bytes);
        var local = Path.Combine(sandbox.Dir, "blob.bin");
        await File.WriteAllBytesAsync(local, bytes);

        var up = (await sandbox.RunAsync("files", "upload", s, local, "/")).Expect(0);
        await Assert.That(up.Stderr).DoesNotContain("\r");
        var back = Path.Combine(sandbox.Dir, "back.bin");
        (await sandbox.RunAsync("files", "download", s, "/blob.bin", back)).Expect(0);
        await Assert.That((await File.ReadAllBytesAsync(back)).SequenceEqual(bytes)).IsTrue();
    }

    [Test]
    public async Task Backup_create_wait_and_verified_download()
    {
        await using var panel = await FakePanel.StartAsync();
        using var sandbox = new Sandbox(panel);
        var s = Survival(panel);

        var created = (await sandbox.RunAsync("backups", "create", s, "--name", "nightly", "--wait", "-o", "json")).Expect(0);
        using var doc = JsonDocument.Parse(created.Stdout);
        await Assert.That(doc.RootElement.GetProperty("is_successful").GetBoolean()).IsTrue();
        var uuid = doc.RootElement.GetProperty("uuid").GetString()!;

        var list = (await sandbox.RunAsync("backups", "list", s)).Expect(0);
        await Assert.That(list.Stdout).Contains("nightly");
        var target = Path.Combine(sandbox.Dir, "b.tar.gz");
        var dl = (await sandbox.RunAsync("backups", "download", s, uuid, target)).Expect(0);
        await Assert.That(dl.Stdout).Contains("checksum verified");
        await Assert.That(new FileInfo(target).Length).IsGreaterThan(0);
        (await sandbox.RunAsync("backups", "lock", s, uuid)).Expect(0);
        (await sandbox.RunAsync("backups", "unlock", s, uuid)).Expect(0);
        (await sandbox.RunAsync("backups", "rm", s, uuid)).Expect(0);
    }

    [Test]
    public async Task Schedules_create_task_run_delete()
    {
        await using var panel = await FakePanel.StartAsync();
        using var sandbox = new Sandbox(panel);
        var s = Survival(panel);

        var created = (await sandbox.RunAsync("schedules", "create", s, "Nightly", "--cron", "0 4 * * *", "-o", "json")).Expect(0);
        using var doc = JsonDocument.Parse(created.Stdout);
        var id = doc.RootElement.GetProperty("id").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture);
        (await sandbox.RunAsync("schedules", "tasks", "add", s, id, "command", "say backup soon")).Expect(0);
        var show = (await sandbox.RunAsync("schedules", "show", s, id)).Expect(0);
        await Assert.That(show.Stdout).Contains("say backup soon");
        var list = (await sandbox.RunAsync("schedules", "list", s)).Expect(0);
        await Assert.That(list.Stdout).Contains("Nightly");
        (await sandbox.RunAsync("schedules", "run", s, id)).Expect(0);
        (await sandbox.RunAsync("schedules", "delete", s, id)).Expect(0);
        (await sandbox.RunAsync("schedules", "show", s, id)).Expect(4);
    }

    [Test]
    public async Task Allocations_list_add_notes_primary_rm()
    {
        await using var panel = await FakePanel.StartAsync();
        panel.State.EnableClientAllocations(25570, 25580);
        using var sandbox = new Sandbox(panel);
        var s = Survival(panel);

        var added = (await sandbox.RunAsync("allocations", "add", s, "-o", "json")).Expect(0);
        using var doc = JsonDocument.Parse(added.Stdout);
        var id = doc.RootElement.GetProperty("id").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture);
        (await sandbox.RunAsync("allocations", "notes", s, id, "voice chat")).Expect(0);
        var list = (await sandbox.RunAsync("allocations", "list", s)).Expect(0);
        await Assert.That(list.Stdout).Contains("voice chat");
        (await sandbox.RunAsync("allocations", "primary", s, id)).Expect(0);
        var old = panel.State.Servers.First(x => x.Identifier == s);
        var lines = (await sandbox.RunAsync("allocations", "list", s, "-o", "jsonl")).Expect(0).Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var other = lines.Select(l => JsonDocument.Parse(l).RootElement).First(e => !e.GetProperty("is_default").GetBoolean());
        (await sandbox.RunAsync("allocations", "rm", s, other.GetProperty("id").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture))).Expect(0);
    }

    [Test]
    public async Task Subusers_add_update_list_rm()
    {
        await using var panel = await FakePanel.StartAsync();
        using var sandbox = new Sandbox(panel);
        var s = Survival(panel);

        var added = (await sandbox.RunAsync("subusers", "add", s, "friend@example.com", "-p", "control.console,file.read", "-o", "json")).Expect(0);
        using var doc = JsonDocument.Parse(added.Stdout);
        var uuid = doc.RootElement.GetProperty("uuid").GetString()!;
        (await sandbox.RunAsync("subusers", "update", s, uuid, "-p", "control.start")).Expect(0);
        var list = (await sandbox.RunAsync("subusers", "list", s)).Expect(0);
        await Assert.That(list.Stdout).Contains("friend@example.com");
        await Assert.That(list.Stdout).Contains("control.start");
        (await sandbox.RunAsync("subusers", "rm", s, uuid)).Expect(0);
    }

    [Test]
    public async Task Databases_create_rotate_list_delete()
    {
        await using var panel = await FakePanel.StartAsync();
        using var sandbox = new Sandbox(panel);
        var s = Survival(panel);

        var created = (await sandbox.RunAsync("databases", "create", s, "stats", "-o", "json")).Expect(0);
        using var doc = JsonDocument.Parse(created.Stdout);
        var id = doc.RootElement.GetProperty("id").GetString()!;
        var rotated = (await sandbox.RunAsync("databases", "rotate-password", s, id)).Expect(0);
        await Assert.That(rotated.Stdout).Contains("Password:");
        var list = (await sandbox.RunAsync("databases", "list", s)).Expect(0);
        await Assert.That(list.Stdout).Contains("stats");
        (await sandbox.RunAsync("databases", "delete", s, id)).Expect(0);
    }
}
