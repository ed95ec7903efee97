using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PteroAot.Testing;

// Backups: the server's backups, the creation throttle, simulated completion, and signed download tokens.
public sealed partial class FakeServer
{
    /// <summary>The server's live (not deleted) backups, oldest first.</summary>
    public List<FakeBackup> Backups { get; } = [];

    /// <summary>Every backup ever created, deleted ones included (the creation throttle counts them).</summary>
    internal List<FakeBackup> BackupHistory { get; } = [];

    /// <summary>Unredeemed signed backup download tokens of this server.</summary>
    internal Dictionary<string, (FakeBackup Backup, DateTimeOffset ExpiresAt)> BackupTokens { get; } = new(StringComparer.Ordinal);

    /// <summary>How long after creation a backup completes (seen by the next request after that). Default 100 ms.</summary>
    public TimeSpan BackupCompletionDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary><c>BACKUP_THROTTLE_LIMIT</c>: backups per <see cref="BackupThrottlePeriod"/> (0 disables the throttle). Default 2.</summary>
    public int BackupThrottleLimit { get; set; } = 2;

    /// <summary><c>BACKUP_THROTTLE_PERIOD</c>. Default 600 seconds.</summary>
    public TimeSpan BackupThrottlePeriod { get; set; } = TimeSpan.FromSeconds(600);

    /// <summary>When true, backups created from now on fail instead of completing.</summary>
    public bool FailNewBackups { get; set; }

    /// <summary>How many restores were started, and whether the last one truncated first.</summary>
    public int RestoreCount { get; internal set; }

    /// <summary>The backup the last restore used, or null.</summary>
    public FakeBackup? LastRestoredBackup { get; internal set; }

    /// <summary>Whether the last restore deleted the server's files first.</summary>
    public bool LastRestoreTruncated { get; internal set; }

    /// <summary>Completes (or fails) every running backup whose delay has passed. Call under the state lock.</summary>
    /// <param name="now">The panel's current time.</param>
    internal void SettleBackups(DateTimeOffset now)
    {
        foreach (var backup in BackupHistory)
        {
            if (backup.CompletedAt is null && now >= backup.CreatedAt + BackupCompletionDelay)
            {
                backup.Complete(now);
            }
        }
    }
}

/// <summary>A backup of a <see cref="FakeServer"/>. Its archive is deterministic content made from its UUID and name.</summary>
public sealed class FakeBackup
{
    internal FakeBackup(Guid uuid, string name, IReadOnlyList<string> ignoredFiles, bool isLocked, bool willFail, DateTimeOffset createdAt)
    {
        Uuid = uuid;
        Name = name;
        IgnoredFiles = ignoredFiles;
        IsLocked = isLocked;
        WillFail = willFail;
        CreatedAt = createdAt;
    }

    /// <summary>The backup's UUID.</summary>
    public Guid Uuid { get; }

    /// <summary>The name.</summary>
    public string Name { get; }

    /// <summary>The ignore patterns.</summary>
    public IReadOnlyList<string> IgnoredFiles { get; }

    /// <summary>Whether it is locked.</summary>
    public bool IsLocked { get; set; }

    /// <summary>Whether it completes as failed.</summary>
    public bool WillFail { get; }

    /// <summary>Whether it completed successfully.</summary>
    public bool IsSuccessful { get; private set; }

    /// <summary>The archive's <c>sha1:&lt;hex&gt;</c> checksum once completed.</summary>
    public string? Checksum { get; private set; }

    /// <summary>The archive's size once completed (0 before).</summary>
    public long Bytes { get; private set; }

    /// <summary>When it was created.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>When it completed or failed; null while running.</summary>
    public DateTimeOffset? CompletedAt { get; private set; }

    /// <summary>Whether it was deleted (it still counts for the throttle when it did not fail).</summary>
    public bool Deleted { get; internal set; }

    /// <summary>When true, the daemon serves the archive with one byte changed (for checksum tests).</summary>
    public bool ServeCorrupted { get; set; }

    /// <summary>The archive bytes (empty until completed).</summary>
    internal byte[] Content { get; private set; } = [];

    /// <summary>Running or successful: counts against the limit and the throttle.</summary>
    internal bool IsNotFailed => IsSuccessful || CompletedAt is null;

    internal void Complete(DateTimeOffset now)
    {
        CompletedAt = now;
        if (WillFail)
        {
            return;
        }

        Content = MakeContent(Uuid, Name);
        Bytes = Content.Length;
        Checksum = "sha1:" + Convert.ToHexStringLower(SHA1.HashData(Content));
        IsSuccessful = true;
    }

    // About 200 KB of text lines: several download chunks, same bytes for the same backup.
    private static byte[] MakeContent(Guid uuid, string name)
    {
        var sb = new StringBuilder();
        for (var i = 0; sb.Length < 200_000; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{i:D6} pteroaot fake backup {uuid:D} '{name}'\n");
        }

        return Encoding.UTF8.GetBytes(sb.ToString());
    }
}
