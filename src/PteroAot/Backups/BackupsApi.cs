using PteroAot.Endpoints;
using PteroAot.Files;

namespace PteroAot.Backups;

/// <summary>
/// A server's backups (<c>/api/client/servers/{server}/backups</c>), addressed by <see cref="BackupId"/>; a backup of
/// another server is a 404. List every page, create, wait for completion, download as a stream (checksum verified),
/// lock, restore, delete. Needs the subuser permissions <c>backup.read</c>, <c>backup.create</c>, <c>backup.download</c>,
/// <c>backup.restore</c> and <c>backup.delete</c> (also for locking).
/// </summary>
[PteroApi(typeof(BackupsJsonContext))]
public sealed partial class BackupsApi
{
    private const string Base = "/api/client/servers/{server}/backups";

    /// <summary>
    /// Gets one page of the server's backups with <c>meta.backup_count</c> (running or successful backups). Prefer
    /// <see cref="EnumerateAsync"/> to get all of them.
    /// </summary>
    /// <param name="server">The server's identifier or UUID.</param>
    /// <param name="page">Page number from 1.</param>
    /// <param name="perPage">Page size (default 20, at most 50).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="PteroPermissionException">403 without <c>backup.read</c>.</exception>
    [Get(Base)]
    public partial Task<ResourceList<Backup, BackupListMeta>> ListAsync(ServerIdentifier server, [Query("page")] int? page = null,
        [Query("per_page")] int? perPage = null, CancellationToken cancellationToken = default);

    /// <summary>Walks every page of the server's backups lazily (one request per page).</summary>
    /// <param name="server">The server's identifier or UUID.</param>
    /// <param name="perPage">Page size (default 20, at most 50).</param>
    /// <param name="cancellationToken">Cancels the walk.</param>
    [Get(Base)]
    public partial IAsyncEnumerable<Backup> EnumerateAsync(ServerIdentifier server, [Query("per_page")] int? perPage = null,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Starts a backup (the panel answers 200 at once with a running backup: not successful, no completion time);
    /// see <see cref="WaitForCompletionAsync"/>. Prefer <see cref="CreateAsync(ServerIdentifier, string?, IEnumerable{string}?, bool, CancellationToken)"/>.
    /// </summary>
    /// <param name="server">The server's identifier or UUID.</param>
    /// <param name="request">Name, ignore list and lock flag (all optional).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new, running backup.</returns>
    /// <exception cref="PteroApiException">400 <c>TooManyBackupsException</c> when the server is at its backup limit.</exception>
    /// <exception cref="PteroRateLimitException">
    /// 429 <c>TooManyRequestsHttpException</c> when the server made too many backups recently (2 per 600 s by default);
    /// <see cref="PteroRateLimitException.RetryAfter"/> says how long to wait.
    /// </exception>
    [Post(Base)]
    public partial Task<Backup> CreateAsync(ServerIdentifier server, [Body] CreateBackupRequest request, CancellationToken cancellationToken = default);

    /// <summary>Gets one backup.</summary>
    /// <param name="server">The server's identifier or UUID.</param>
    /// <param name="backup">The backup's UUID.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="PteroNotFoundException">404 when the server has no such backup.</exception>
    [Get(Base + "/{backup}")]
    public partial Task<Backup> GetAsync(ServerIdentifier server, BackupId backup, CancellationToken cancellationToken = default);

    /// <summary>
    /// Gets a signed, single-use URL on the node that serves the backup archive (no API key needed). Prefer
    /// <see cref="DownloadAsync"/> or <see cref="DownloadToFileAsync"/>.
    /// </summary>
    /// <param name="server">The server's identifier or UUID.</param>
    /// <param name="backup">The backup's UUID.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="PteroPermissionException">403 without <c>backup.download</c>.</exception>
    [Get(Base + "/{backup}/download")]
    public partial Task<SignedUrl> GetDownloadUrlAsync(ServerIdentifier server, BackupId backup, CancellationToken cancellationToken = default);

    /// <summary>Toggles a backup's lock (no body); read <see cref="Backup.IsLocked"/> in the answer. Needs <c>backup.delete</c>.</summary>
    /// <param name="server">The server's identifier or UUID.</param>
    /// <param name="backup">The backup's UUID.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The backup with its new lock state.</returns>
    [Post(Base + "/{backup}/lock")]
    public partial Task<Backup> ToggleLockAsync(ServerIdentifier server, BackupId backup, CancellationToken cancellationToken = default);

    /// <summary>
    /// Restores a completed backup onto the server (204); the server is in <c>restoring_backup</c> until the node
    /// reports completion. Prefer <see cref="RestoreAsync(ServerIdentifier, BackupId, bool, CancellationToken)"/>.
    /// </summary>
    /// <param name="server">The server's identifier or UUID.</param>
    /// <param name="backup">The backup's UUID.</param>
    /// <param name="request">Whether to delete the server's files first.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="PteroApiException">400 when the backup is not completed or the server is in a state that does not allow it.</exception>
    [Post(Base + "/{backup}/restore")]
    public partial Task RestoreAsync(ServerIdentifier server, BackupId backup, [Body] RestoreBackupRequest request, CancellationToken cancellationToken = default);

    /// <summary>Deletes a backup (204).</summary>
    /// <param name="server">The server's identifier or UUID.</param>
    /// <param name="backup">The backup's UUID.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="PteroApiException">400 <c>BackupLockedException</c> when the backup is locked.</exception>
    [Delete(Base + "/{backup}")]
    public partial Task DeleteAsync(ServerIdentifier server, BackupId backup, CancellationToken cancellationToken = default);
}
