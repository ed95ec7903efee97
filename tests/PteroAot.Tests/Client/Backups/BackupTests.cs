using System.Security.Cryptography;
using System.Text.Json;
using PteroAot.Backups;
using PteroAot.Tests.Support;
using PteroAot.Transfers;

namespace PteroAot.Tests.Client.Backups;

public class BackupTests
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Test]
    public async Task Create_wait_list_download_verify_lock_restore_and_delete()
    {
        await using var t = await TestPanel.StartAsync();
        var fake = t.Server("Survival");
        var server = fake.Id();

        var created = await t.Client.Backups.CreateAsync(server, "Before update", ["logs/*", "cache/"]);
        await Assert.That(created.Name).IsEqualTo("Before update");
        await Assert.That(created.State).IsEqualTo(BackupState.Running);
        await Assert.That(created.IsSuccessful).IsFalse();
        await Assert.That(created.CompletedAt).IsNull();
        await Assert.That(created.Checksum).IsNull();
        await Assert.That(created.Bytes).IsEqualTo(0);
        await Assert.That(created.IgnoredFiles).IsEquivalentTo(["logs/*", "cache/"]);
        await Assert.That(created.IsLocked).IsFalse();

        var done = await t.Client.Backups.WaitForCompletionAsync(server, created.Uuid, Poll, Patience);
        await Assert.That(done.State).IsEqualTo(BackupState.Completed);
        await Assert.That(done.CompletedAt).IsNotNull();
        await Assert.That(done.Checksum).StartsWith("sha1:");
        await Assert.That(done.Bytes).IsGreaterThan(81920);

        var list = await t.Client.Backups.ListAsync(server);
        await Assert.That(list.Meta!.BackupCount).IsEqualTo(1);
        await Assert.That(list.Pagination!.Total).IsEqualTo(1);
        await Assert.That(list.Pagination.PerPage).IsEqualTo(20);
        await Assert.That(list.Items.Single().Uuid).IsEqualTo(created.Uuid);

        var url = await t.Client.Backups.GetDownloadUrlAsync(server, created.Uuid);
        await Assert.That(url.Url).StartsWith(t.Panel.Url + "daemon/download/backup?token=");

        var dir = Directory.CreateTempSubdirectory("pteroaot-backup-test-");
        try
        {
            var target = Path.Combine(dir.FullName, "backup.tar.gz");
            var reports = new List<TransferProgress>();
            var written = await t.Client.Backups.DownloadToFileAsync(server, created.Uuid, target, new SyncProgress(reports));
            await Assert.That(written).IsEqualTo(done.Bytes);
            await Assert.That(new FileInfo(target).Length).IsEqualTo(done.Bytes);
            await Assert.That("sha1:" + Convert.ToHexStringLower(SHA1.HashData(await File.ReadAllBytesAsync(target)))).IsEqualTo(done.Checksum);
            await Assert.That(reports.Count).IsGreaterThan(1);
            await Assert.That(reports[^1].BytesTransferred).IsEqualTo(done.Bytes);

            using var memory = new MemoryStream();
            await Assert.That(await t.Client.Backups.DownloadAsync(server, created.Uuid, memory)).IsEqualTo(done.Bytes);
            await Assert.That("sha1:" + Convert.ToHexStringLower(SHA1.HashData(memory.ToArray()))).IsEqualTo(done.Checksum);

            // A corrupted download: typed error, nothing under the target name, no temporary file left behind.
            fake.Backups.Single().ServeCorrupted = true;
            var corrupt = Path.Combine(dir.FullName, "corrupt.tar.gz");
            var ex = await Assert.ThrowsAsync<PteroBackupChecksumException>(() => t.Client.Backups.DownloadToFileAsync(server, created.Uuid, corrupt));
            await Assert.That(ex!.Expected).IsEqualTo(done.Checksum);
            await Assert.That(ex.Actual).IsNotEqualTo(done.Checksum);
            await Assert.That(ex.Backup).IsEqualTo(created.Uuid);
            await Assert.That(File.Exists(corrupt)).IsFalse();
            await Assert.That(Directory.GetFiles(dir.FullName).Select(f => Path.GetFileName(f)!)).IsEquivalentTo(["backup.tar.gz"]);

            // Without verification the same bytes are kept.
            await t.Client.Backups.DownloadToFileAsync(server, created.Uuid, corrupt, verifyChecksum: false);
            await Assert.That(File.Exists(corrupt)).IsTrue();
            fake.Backups.Single().ServeCorrupted = false;
        }
        finally
        {
            dir.Delete(recursive: true);
        }

        var locked = await t.Client.Backups.SetLockedAsync(server, created.Uuid, true);
        await Assert.That(locked.IsLocked).IsTrue();
        var lockedEx = await Assert.ThrowsAsync<PteroApiException>(() => t.Client.Backups.DeleteAsync(server, created.Uuid));
        await Assert.That((int)lockedEx!.StatusCode).IsEqualTo(400);
        await Assert.That(lockedEx.Errors[0].Code).IsEqualTo("BackupLockedException");
        await Assert.That(lockedEx.Errors[0].Detail).IsEqualTo("Cannot delete a backup that is marked as locked.");
        var unlocked = await t.Client.Backups.ToggleLockAsync(server, created.Uuid);
        await Assert.That(unlocked.IsLocked).IsFalse();

        await t.Client.Backups.RestoreAsync(server, created.Uuid, truncate: true);
        await Assert.That(fake.RestoreCount).IsEqualTo(1);
        await Assert.That(fake.LastRestoreTruncated).IsTrue();
        await Assert.That(fake.LastRestoredBackup!.Uuid.ToString()).IsEqualTo(created.Uuid.Value);

        await t.Client.Backups.DeleteAsync(server, created.Uuid);
        await Assert.ThrowsAsync<PteroNotFoundException>(() => t.Client.Backups.GetAsync(server, created.Uuid));
        var after = await t.Client.Backups.ListAsync(server);
        await Assert.That(after.Items).IsEmpty();
        await Assert.That(after.Meta!.BackupCount).IsEqualTo(0);
    }

    [Test]
    public async Task A_running_backup_cannot_be_restored()
    {
        await using var t = await TestPanel.StartAsync();
        var fake = t.Server("Survival");
        fake.BackupCompletionDelay = TimeSpan.FromHours(1);
        var created = await t.Client.Backups.CreateAsync(fake.Id(), name: null);
        await Assert.That(created.Name).StartsWith("Backup at ");
        var ex = await Assert.ThrowsAsync<PteroApiException>(() => t.Client.Backups.RestoreAsync(fake.Id(), created.Uuid, truncate: false));
        await Assert.That((int)ex!.StatusCode).IsEqualTo(400);
    }

    [Test]
    public async Task Over_the_backup_limit_is_a_400()
    {
        await using var t = await TestPanel.StartAsync();
        var fake = t.Server("Survival");
        fake.BackupLimit = 1;
        await t.Client.Backups.CreateAsync(fake.Id(), "one");

        var ex = await Assert.ThrowsAsync<PteroApiException>(() => t.Client.Backups.CreateAsync(fake.Id(), "two"));
        await Assert.That((int)ex!.StatusCode).IsEqualTo(400);
        await Assert.That(ex.Errors[0].Code).IsEqualTo("TooManyBackupsException");
        await Assert.That(ex.Errors[0].Detail).IsEqualTo("Cannot create a new backup, this server has reached its limit of 1 backups.");
    }

    [Test]
    public async Task The_third_backup_in_600_seconds_is_throttled_with_retry_after()
    {
        await using var t = await TestPanel.StartAsync(clientOptions: new PteroClientOptions { MaxRateLimitRetries = 0 });
        var server = t.Server("Survival").Id();
        await t.Client.Backups.CreateAsync(server, "one");
        await t.Client.Backups.CreateAsync(server, "two");

        var ex = await Assert.ThrowsAsync<PteroRateLimitException>(() => t.Client.Backups.CreateAsync(server, "three"));
        using var fixture = JsonDocument.Parse(await File.ReadAllBytesAsync(RepoPaths.Spec("fixtures", "errors", "429-backup-throttle.json")));
        var expected = fixture.RootElement.GetProperty("errors")[0];
        await Assert.That(ex!.Errors[0].Code).IsEqualTo(expected.GetProperty("code").GetString());
        await Assert.That(ex.Errors[0].Detail).IsEqualTo(expected.GetProperty("detail").GetString());
        await Assert.That(ex.RetryAfter).IsNotNull();
        await Assert.That(ex.RetryAfter!.Value).IsGreaterThan(TimeSpan.FromSeconds(590));
        await Assert.That(ex.RetryAfter!.Value).IsLessThanOrEqualTo(TimeSpan.FromSeconds(600));

        // Deleting does not free the throttle (deleted backups still count).
        var first = (await t.Client.Backups.ListAsync(server)).Items[0];
        await t.Client.Backups.DeleteAsync(server, first.Uuid);
        await Assert.ThrowsAsync<PteroRateLimitException>(() => t.Client.Backups.CreateAsync(server, "four"));
    }

    [Test]
    public async Task The_throttle_response_carries_only_retry_after()
    {
        await using var t = await TestPanel.StartAsync();
        var server = t.Server("Survival");
        for (var i = 0; i < 2; i++)
            await t.Client.Backups.CreateAsync(server.Id(), "b" + i);
        using var response = await AreaSupport.SendRawAsync(t, HttpMethod.Post, $"/api/client/servers/{server.Identifier}/backups", "{}");
        await Assert.That((int)response.StatusCode).IsEqualTo(429);
        await Assert.That(response.Headers.Contains("Retry-After")).IsTrue();
        await Assert.That(response.Headers.Contains("X-RateLimit-Reset")).IsFalse();
    }

    [Test]
    public async Task Another_servers_backup_is_a_404()
    {
        await using var t = await TestPanel.StartAsync();
        var created = await t.Client.Backups.CreateAsync(t.Server("Survival").Id(), "mine");
        var creative = t.Server("Creative").Id();
        await Assert.ThrowsAsync<PteroNotFoundException>(() => t.Client.Backups.GetAsync(creative, created.Uuid));
        await Assert.ThrowsAsync<PteroNotFoundException>(() => t.Client.Backups.DeleteAsync(creative, created.Uuid));
        await Assert.ThrowsAsync<PteroNotFoundException>(() => t.Client.Backups.GetDownloadUrlAsync(creative, created.Uuid));
        await Assert.ThrowsAsync<PteroNotFoundException>(() => t.Client.Backups.GetAsync(creative, BackupId.Parse(Guid.NewGuid().ToString())));
    }

    [Test]
    public async Task Every_page_is_walked_with_a_small_page_size()
    {
        await using var t = await TestPanel.StartAsync();
        var fake = t.Server("Survival");
        fake.BackupLimit = 10;
        fake.BackupThrottleLimit = 0;
        var made = new List<BackupId>();
        for (var i = 0; i < 7; i++)
            made.Add((await t.Client.Backups.CreateAsync(fake.Id(), "b" + i)).Uuid);

        var walked = new List<BackupId>();
        await foreach (var backup in t.Client.Backups.EnumerateAsync(fake.Id(), perPage: 3))
            walked.Add(backup.Uuid);
        await Assert.That(walked).IsEquivalentTo(made);

        var page = await t.Client.Backups.ListAsync(fake.Id(), page: 3, perPage: 3);
        await Assert.That(page.Items.Count).IsEqualTo(1);
        await Assert.That(page.Pagination!.TotalPages).IsEqualTo(3);
        await Assert.That(page.Meta!.BackupCount).IsEqualTo(7);
        await Assert.That((await t.Client.Backups.ListAsync(fake.Id(), perPage: 500)).Pagination!.PerPage).IsEqualTo(50);
    }

    [Test]
    public async Task Waiting_reports_failure_and_timeout_as_typed_errors()
    {
        await using var t = await TestPanel.StartAsync();
        var fake = t.Server("Survival");
        fake.FailNewBackups = true;
        var failing = await t.Client.Backups.CreateAsync(fake.Id(), "doomed");
        var failed = await Assert.ThrowsAsync<PteroBackupFailedException>(
            () => t.Client.Backups.WaitForCompletionAsync(fake.Id(), failing.Uuid, Poll, Patience));
        await Assert.That(failed!.LastState.State).IsEqualTo(BackupState.Failed);
        await Assert.That((await t.Client.Backups.ListAsync(fake.Id())).Meta!.BackupCount).IsEqualTo(0); // failed ones do not count

        fake.FailNewBackups = false;
        fake.BackupCompletionDelay = TimeSpan.FromHours(1);
        var slow = await t.Client.Backups.CreateAsync(fake.Id(), "slow");
        var timedOut = await Assert.ThrowsAsync<PteroBackupTimeoutException>(
            () => t.Client.Backups.WaitForCompletionAsync(fake.Id(), slow.Uuid, Poll, TimeSpan.FromMilliseconds(150)));
        await Assert.That(timedOut!.LastState.State).IsEqualTo(BackupState.Running);
        await Assert.That(timedOut.Backup).IsEqualTo(slow.Uuid);
    }

    [Test]
    public async Task Without_backup_read_the_list_is_a_403()
    {
        await using var t = await TestPanel.StartAsync();
        await Assert.ThrowsAsync<PteroPermissionException>(() => t.Client.Backups.ListAsync(t.Server("Shared Lobby").Id()));
    }

    [Test]
    public async Task The_list_fixture_parses_with_states_and_meta()
    {
        using var client = AreaSupport.Canned(RepoPaths.Spec("fixtures", "client", "backups-list.json"));
        var list = await client.Backups.ListAsync(ServerIdentifier.Parse("1a7ce997"));
        await Assert.That(list.Meta!.BackupCount).IsEqualTo(3);
        await Assert.That(list.Pagination!.Total).IsEqualTo(3);
        await Assert.That(list.Items.Select(b => b.State)).IsEquivalentTo([BackupState.Completed, BackupState.Completed, BackupState.Running]);
        await Assert.That(list.Items[0].Bytes).IsEqualTo(1288490188L);
        await Assert.That(list.Items[1].IgnoredFiles).IsEquivalentTo(["logs/*", "cache/"]);
    }

    private sealed class SyncProgress(List<TransferProgress> reports) : IProgress<TransferProgress>
    {
        public void Report(TransferProgress value) => reports.Add(value);
    }
}
