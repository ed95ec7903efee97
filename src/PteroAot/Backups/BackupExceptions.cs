namespace PteroAot.Backups;

/// <summary>Base of the errors the backup helpers raise on their own (not an HTTP error status).</summary>
public abstract class PteroBackupException : PteroException
{
    private protected PteroBackupException(string message, string method, string path, BackupId backup, Exception? inner = null)
        : base(message, method, path, inner)
        => Backup = backup;

    /// <summary>The backup concerned.</summary>
    public BackupId Backup { get; }
}

/// <summary>The backup finished without success (it is in the <see cref="BackupState.Failed"/> state).</summary>
public sealed class PteroBackupFailedException : PteroBackupException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="backup">The failed backup as last read.</param>
    /// <param name="path">The request path that reported it.</param>
    public PteroBackupFailedException(Backup backup, string path)
        : base($"GET {path}: backup {backup.Uuid} ('{backup.Name}') failed at {backup.CompletedAt:O}.", "GET", path, backup.Uuid)
        => LastState = backup;

    /// <summary>The backup as last read.</summary>
    public Backup LastState { get; }
}

/// <summary>The backup was still running when the wait's timeout ran out.</summary>
public sealed class PteroBackupTimeoutException : PteroBackupException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="backup">The backup as last read.</param>
    /// <param name="timeout">How long was waited.</param>
    /// <param name="path">The polled request path.</param>
    public PteroBackupTimeoutException(Backup backup, TimeSpan timeout, string path)
        : base($"GET {path}: backup {backup.Uuid} did not complete within {timeout}.", "GET", path, backup.Uuid)
    {
        LastState = backup;
        Timeout = timeout;
    }

    /// <summary>The backup as last read (still running).</summary>
    public Backup LastState { get; }

    /// <summary>How long was waited.</summary>
    public TimeSpan Timeout { get; }
}

/// <summary>
/// A downloaded backup archive does not match the checksum the panel reports for it; the download was discarded
/// (no file is left under the target name).
/// </summary>
public sealed class PteroBackupChecksumException : PteroBackupException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="backup">The backup.</param>
    /// <param name="expected">The panel's checksum (<c>sha1:&lt;hex&gt;</c>).</param>
    /// <param name="actual">The checksum of the downloaded bytes (<c>sha1:&lt;hex&gt;</c>).</param>
    /// <param name="path">The download path.</param>
    public PteroBackupChecksumException(BackupId backup, string expected, string actual, string path)
        : base($"GET {path}: backup {backup} downloaded with checksum {actual}, but the panel reports {expected}; the file was discarded.",
            "GET", path, backup)
    {
        Expected = expected;
        Actual = actual;
    }

    /// <summary>The checksum the panel reports.</summary>
    public string Expected { get; }

    /// <summary>The checksum of the downloaded bytes.</summary>
    public string Actual { get; }
}
