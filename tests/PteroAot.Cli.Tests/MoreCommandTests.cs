using System.Text.Json;
using PteroAot.Cli.Tests.Support;
using PteroAot.Testing;

namespace PteroAot.Cli.Tests;

/// <summary>files cp/mkdir/chmod/compress/extract, backups restore, startup, settings rename, servers activity, power --fail-fast, through the native binary.</summary>
public sealed class MoreCommandTests
{
    private static FakeServer Named(FakePanel panel, string name) => panel.State.Servers.First(s => s.Name == name);

    private static JsonElement Entry(JsonDocument listing, string name)
        => listing.RootElement.EnumerateArray().First(e => e.GetProperty("name").GetString() == name);

    [Test]
    public async Task Files_cp_mkdir_chmod_compress_extract_round_trip()
    {
        await using var panel = await FakePanel.StartAsync();
        using var sandbox = new Sandbox(panel);
        var s = Named(panel, "Survival").Identifier;

        (await sandbox.RunAsync("files", "mkdir", s, "/work")).Expect(0);
        (await sandbox.RunWithStdinAsync("#!/bin/sh\necho hi\n", "files", "write", s, "/work/run.sh")).Expect(0);
        (await sandbox.RunAsync("files", "cp", s, "/work/run.sh")).Expect(0);
        (await sandbox.RunAsync("files", "chmod", s, "755", "/work/run.sh")).Expect(0);
        (await sandbox.RunAsync("files", "chmod", s, "9x9", "/work/run.sh")).Expect(2);

        var ls = (await sandbox.RunAsync("files", "ls", s, "/work", "-o", "json")).Expect(0);
        using (var doc = JsonDocument.Parse(ls.Stdout))
        {
            await Assert.That(Entry(doc, "run.sh").GetProperty("mode_bits").GetString()).IsEqualTo("755");
            await Assert.That(Entry(doc, "run copy.sh").GetProperty("mode_bits").GetString()).IsEqualTo("644");
        }

        var compressed = (await sandbox.RunAsync("files", "compress", s, "/work/run.sh", "/work/run copy.sh", "-o", "json")).Expect(0);
        string archive;
        using (var doc = JsonDocument.Parse(compressed.Stdout))
            archive = doc.RootElement.GetProperty("name").GetString()!;
        await Assert.That(archive).EndsWith(".tar.gz");
        (await sandbox.RunAsync("files", "compress", s, "/work/run.sh", "/other/x")).Expect(2);

        (await sandbox.RunAsync("files", "rm", s, "/work/run.sh")).Expect(0);
        (await sandbox.RunAsync("files", "rm", s, "/work/run copy.sh")).Expect(0);
        (await sandbox.RunAsync("files", "extract", s, "/work/" + archive)).Expect(0);
        var cat = (await sandbox.RunAsync("files", "cat", s, "/work/run.sh")).Expect(0);
        await Assert.That(cat.Stdout).IsEqualTo("#!/bin/sh\necho hi\n");
        var copy = (await sandbox.RunAsync("files", "cat", s, "/work/run copy.sh")).Expect(0);
        await Assert.That(copy.Stdout).IsEqualTo("#!/bin/sh\necho hi\n");

        (await sandbox.RunAsync("files", "extract", s, "/work/missing.tar.gz")).Expect(4);
    }

    [Test]
    public async Task Backups_restore_with_and_without_truncate()
    {
        await using var panel = await FakePanel.StartAsync();
        using var sandbox = new Sandbox(panel);
        var server = Named(panel, "Survival");
        var created = (await sandbox.RunAsync("backups", "create", server.Identifier, "--name", "before", "--wait", "-o", "json")).Expect(0);
        string uuid;
        using (var doc = JsonDocument.Parse(created.Stdout))
            uuid = doc.RootElement.GetProperty("uuid").GetString()!;

        (await sandbox.RunAsync("backups", "restore", server.Identifier, uuid)).Expect(0);
        await Assert.That(server.RestoreCount).IsEqualTo(1);
        await Assert.That(server.LastRestoreTruncated).IsFalse();
        (await sandbox.RunAsync("backups", "restore", server.Identifier, uuid, "--truncate")).Expect(0);
        await Assert.That(server.RestoreCount).IsEqualTo(2);
        await Assert.That(server.LastRestoreTruncated).IsTrue();
        await Assert.That(server.LastRestoredBackup!.Uuid.ToString()).IsEqualTo(uuid);

        (await sandbox.RunAsync("backups", "restore", server.Identifier, Guid.NewGuid().ToString())).Expect(4);
    }

    [Test]
    public async Task Startup_list_and_set()
    {
        await using var panel = await FakePanel.StartAsync();
        using var sandbox = new Sandbox(panel);
        var server = Named(panel, "Survival");
        var s = server.Identifier;

        var list = (await sandbox.RunAsync("startup", "list", s)).Expect(0);
        await Assert.That(list.Stdout).Contains("SERVER_JARFILE");
        await Assert.That(list.Stdout).Contains("MINECRAFT_VERSION");

        (await sandbox.RunAsync("startup", "set", s, "MINECRAFT_VERSION", "1.21.1")).Expect(0);
        await Assert.That(server.Variables.First(v => v.EnvVariable == "MINECRAFT_VERSION").ServerValue).IsEqualTo("1.21.1");
        var json = (await sandbox.RunAsync("startup", "list", s, "-o", "json")).Expect(0);
        await Assert.That(json.Stdout).Contains("1.21.1");
        JsonDocument.Parse(json.Stdout).Dispose();

        // The rules are checked by the panel (422 → exit 5); a variable users may not edit is refused too.
        (await sandbox.RunAsync("startup", "set", s, "SERVER_JARFILE", "not a jar")).Expect(5);
        var locked = await sandbox.RunAsync("startup", "set", s, "BUILD_NUMBER", "42");
        await Assert.That(locked.ExitCode).IsNotEqualTo(0);
        await Assert.That(server.Variables.First(v => v.EnvVariable == "BUILD_NUMBER").ServerValue).IsNotEqualTo("42");
    }

    [Test]
    public async Task Settings_rename_then_activity_shows_it()
    {
        await using var panel = await FakePanel.StartAsync();
        using var sandbox = new Sandbox(panel);
        var server = Named(panel, "Survival");

        (await sandbox.RunAsync("settings", "rename", server.Identifier, "Hardcore", "--description", "no respawn")).Expect(0);
        await Assert.That(server.Name).IsEqualTo("Hardcore");
        await Assert.That(server.Description).IsEqualTo("no respawn");

        var activity = (await sandbox.RunAsync("servers", "activity", server.Identifier)).Expect(0);
        await Assert.That(activity.Stdout).Contains("server:settings.rename");
        var jsonl = (await sandbox.RunAsync("servers", "activity", server.Identifier, "-o", "jsonl", "--limit", "1")).Expect(0);
        var lines = jsonl.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        await Assert.That(lines.Length).IsEqualTo(1);
        using var doc = JsonDocument.Parse(lines[0]);
        await Assert.That(doc.RootElement.GetProperty("event").GetString()).IsEqualTo("server:settings.rename");
    }

    [Test]
    public async Task Power_restart_fail_fast_skips_the_servers_after_a_failure()
    {
        await using var panel = await FakePanel.StartAsync();
        using var sandbox = new Sandbox(panel);
        var creative = Named(panel, "Creative");
        var survival = Named(panel, "Survival");
        creative.Status = "suspended";

        var r = (await sandbox.RunAsync("power", "restart", creative.Identifier, survival.Identifier, "--fail-fast", "--max-concurrency", "1")).Expect(8);
        await Assert.That(r.Stdout).Contains($"FAIL  {creative.Identifier}");
        await Assert.That(r.Stdout).Contains("0 succeeded, 1 failed, 1 skipped (--fail-fast)");
        await Assert.That(r.Stdout).DoesNotContain($"ok    {survival.Identifier}");
        await Assert.That(panel.Requests.Any(q => q.Method == "POST" && q.PathAndQuery.Contains(survival.Identifier, StringComparison.Ordinal))).IsFalse();

        (await sandbox.RunAsync("power", "restart", creative.Identifier, survival.Identifier, "--fail-fast", "--continue-on-error")).Expect(2);
    }
}
