using System.Text.Json.Serialization;

namespace PteroAot.Backups;

/// <summary>A backup of a server (object <c>backup</c>).</summary>
public sealed record Backup
{
    /// <summary>The backup's UUID.</summary>
    public BackupId Uuid { get; set; }

    /// <summary>Whether the backup completed successfully.</summary>
    public bool IsSuccessful { get; set; }

    /// <summary>Whether the backup is locked (a locked backup cannot be deleted).</summary>
    public bool IsLocked { get; set; }

    /// <summary>The backup's name.</summary>
    public string Name { get; set; } = "";

    /// <summary>The ignore patterns it was made with (<c>.pteroignore</c> syntax).</summary>
    public IReadOnlyList<string> IgnoredFiles { get; set; } = [];

    /// <summary>The archive's checksum as <c>sha1:&lt;hex&gt;</c>; null until it completed.</summary>
    public string? Checksum { get; set; }

    /// <summary>The archive's size in bytes (0 until it completed).</summary>
    public long Bytes { get; set; }

    /// <summary>When it was started.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When it finished (successfully or not); null while it is running.</summary>
    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>
    /// The backup's state derived as the panel does: completed when <see cref="IsSuccessful"/>, failed when not
    /// successful but <see cref="CompletedAt"/> is set, running otherwise.
    /// </summary>
    [JsonIgnore]
    public BackupState State => IsSuccessful ? BackupState.Completed : CompletedAt is null ? BackupState.Running : BackupState.Failed;
}

/// <summary>The state of a <see cref="Backup"/>.</summary>
public enum BackupState
{
    /// <summary>Still being made: not successful and no completion time.</summary>
    Running,

    /// <summary>Finished without success: not successful but with a completion time.</summary>
    Failed,

    /// <summary>Finished successfully; the checksum and size are known.</summary>
    Completed,
}

/// <summary>The <c>meta</c> of the backup list besides pagination.</summary>
public sealed record BackupListMeta
{
    /// <summary>The server's backups that count against its limit: running or successful (not failed).</summary>
    public int BackupCount { get; set; }
}

/// <summary>Body of <c>POST .../backups</c>.</summary>
public sealed class CreateBackupRequest
{
    /// <summary>The name (at most 191 characters); null lets the panel use <c>Backup at &lt;date&gt;</c>.</summary>
    public string? Name { get; init; }

    /// <summary>Newline-separated ignore patterns (<c>.pteroignore</c> syntax), or null.</summary>
    public string? Ignored { get; init; }

    /// <summary>Whether to lock it at once (honoured only with <c>backup.delete</c>), or null.</summary>
    public bool? IsLocked { get; init; }
}

/// <summary>Body of <c>POST .../backups/{backup}/restore</c>.</summary>
public sealed class RestoreBackupRequest
{
    /// <summary>Whether to delete every server file before restoring.</summary>
    public bool Truncate { get; init; }
}
