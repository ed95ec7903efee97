using System.Security.Cryptography;
using PteroAot.Files;
using PteroAot.Http;
using PteroAot.Transfers;

namespace PteroAot.Backups;

// Hand-written conveniences over the generated endpoints: create, wait, lock state, restore, and streamed downloads.
public sealed partial class BackupsApi
{
    private const string ItemRoute = "/api/client/servers/{server}/backups/{backup}";
    private static readonly EndpointInfo s_download = new("GET", "/download/backup", nameof(DownloadAsync));

    /// <summary>Starts a backup.</summary>
    /// <param name="server">The server's identifier or UUID.</param>
    /// <param name="name">The name, or null for the panel's <c>Backup at &lt;date&gt;</c>.</param>
    /// <param name="ignored">Patterns to leave out (<c>.pteroignore</c> syntax), or null.</param>
    /// <param name="locked">Whether to lock it at once (honoured only with <c>backup.delete</c>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new, running backup.</returns>
    public Task<Backup> CreateAsync(ServerIdentifier server, string? name = null, IEnumerable<string>? ignored = null, bool locked = false,
        CancellationToken cancellationToken = default)
        => CreateAsync(server, new CreateBackupRequest
        {
            Name = name,
            Ignored = ignored is null ? null : string.Join('\n', ignored),
            IsLocked = locked ? true : null,
        }, cancellationToken);

    /// <summary>Restores a completed backup onto the server.</summary>
    /// <param name="server">The server's identifier or UUID.</param>
    /// <param name="backup">The backup's UUID.</param>
    /// <param name="truncate">Whether to delete every server file first.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task RestoreAsync(ServerIdentifier server, BackupId backup, bool truncate, CancellationToken cancellationToken = default)
        => RestoreAsync(server, backup, new RestoreBackupRequest { Truncate = truncate }, cancellationToken);

    /// <summary>Locks or unlocks a backup: reads it and toggles only when needed (one or two requests).</summary>
    /// <param name="server">The server's identifier or UUID.</param>
    /// <param name="backup">The backup's UUID.</param>
    /// <param name="locked">The wanted lock state.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The backup in the wanted lock state.</returns>
    public async Task<Backup> SetLockedAsync(ServerIdentifier server, BackupId backup, bool locked, CancellationToken cancellationToken = default)
    {
        var current = await GetAsync(server, backup, cancellationToken).ConfigureAwait(false);
        return current.IsLocked == locked ? current : await ToggleLockAsync(server, backup, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Polls a backup until it leaves the <see cref="BackupState.Running"/> state.</summary>
    /// <param name="server">The server's identifier or UUID.</param>
    /// <param name="backup">The backup's UUID.</param>
    /// <param name="pollInterval">Time between polls (default 2 seconds).</param>
    /// <param name="timeout">How long to wait at most (default 30 minutes; <see cref="Timeout.InfiniteTimeSpan"/> waits forever).</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The completed backup (with its checksum and size).</returns>
    /// <exception cref="PteroBackupFailedException">The backup finished without success.</exception>
    /// <exception cref="PteroBackupTimeoutException">It was still running when <paramref name="timeout"/> ran out.</exception>
    public async Task<Backup> WaitForCompletionAsync(ServerIdentifier server, BackupId backup, TimeSpan? pollInterval = null, TimeSpan? timeout = null,
        CancellationToken cancellationToken = default)
    {
        var interval = pollInterval ?? TimeSpan.FromSeconds(2);
        var limit = timeout ?? TimeSpan.FromMinutes(30);
        ArgumentOutOfRangeException.ThrowIfLessThan(interval, TimeSpan.Zero, nameof(pollInterval));
        if (limit != Timeout.InfiniteTimeSpan)
            ArgumentOutOfRangeException.ThrowIfLessThan(limit, TimeSpan.Zero, nameof(timeout));
        var time = _connection.Options.TimeProvider;
        var started = time.GetTimestamp();
        while (true)
        {
            var current = await GetAsync(server, backup, cancellationToken).ConfigureAwait(false);
            switch (current.State)
            {
                case BackupState.Completed:
                    return current;
                case BackupState.Failed:
                    throw new PteroBackupFailedException(current, ItemRoute);
            }

            var elapsed = time.GetElapsedTime(started);
            if (limit != Timeout.InfiniteTimeSpan && elapsed >= limit)
                throw new PteroBackupTimeoutException(current, limit, ItemRoute);
            var wait = limit == Timeout.InfiniteTimeSpan ? interval : TimeSpan.FromTicks(Math.Min(interval.Ticks, (limit - elapsed).Ticks));
            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Downloads a backup archive into <paramref name="destination"/>, streaming in chunks: gets a signed URL
    /// (<c>backup.download</c>), then reads it from the node without the panel key.
    /// </summary>
    /// <param name="server">The server's identifier or UUID.</param>
    /// <param name="backup">The backup's UUID.</param>
    /// <param name="destination">Where the bytes go; left open.</param>
    /// <param name="progress">Receives progress after each chunk (the total from <c>Content-Length</c>).</param>
    /// <param name="cancellationToken">Cancels the transfer.</param>
    /// <returns>The number of bytes written.</returns>
    /// <exception cref="PteroTransportException">The connection broke off or the body ended early.</exception>
    public async Task<long> DownloadAsync(ServerIdentifier server, BackupId backup, Stream destination, IProgress<TransferProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var url = await GetDownloadUrlAsync(server, backup, cancellationToken).ConfigureAwait(false);
        return await SignedDownload.ToStreamAsync(_connection, ToUri(url), destination, s_download, progress, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Downloads a backup archive to a local file, computing its SHA-1 while streaming. The bytes go to a temporary
    /// file beside the target, renamed over it only when complete and (with <paramref name="verifyChecksum"/>) matching
    /// the panel's <see cref="Backup.Checksum"/>: a failed, cancelled or mismatching download leaves nothing under
    /// <paramref name="localPath"/>.
    /// </summary>
    /// <param name="server">The server's identifier or UUID.</param>
    /// <param name="backup">The backup's UUID.</param>
    /// <param name="localPath">The local target file (replaced when it exists).</param>
    /// <param name="progress">Receives progress after each chunk.</param>
    /// <param name="verifyChecksum">Whether to compare the SHA-1 with the panel's checksum (reads the backup first; default true).</param>
    /// <param name="cancellationToken">Cancels the transfer.</param>
    /// <returns>The number of bytes written.</returns>
    /// <exception cref="PteroBackupChecksumException">The bytes do not match the panel's checksum (nothing is kept).</exception>
    /// <exception cref="PteroTransportException">The connection broke off or the body ended early.</exception>
    public async Task<long> DownloadToFileAsync(ServerIdentifier server, BackupId backup, string localPath, IProgress<TransferProgress>? progress = null,
        bool verifyChecksum = true, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(localPath);
        string? expected = null;
        if (verifyChecksum)
        {
            var info = await GetAsync(server, backup, cancellationToken).ConfigureAwait(false);
            expected = info.Checksum;
        }

        var url = await GetDownloadUrlAsync(server, backup, cancellationToken).ConfigureAwait(false);
        var uri = ToUri(url);
        var full = Path.GetFullPath(localPath);
        var temp = Path.Combine(Path.GetDirectoryName(full)!, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N")[..8] + ".partial");
        try
        {
            long written;
            string actual;
            using (var sha1 = IncrementalHash.CreateHash(HashAlgorithmName.SHA1))
            {
                await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
                await using (var hashing = new HashingWriteStream(file, sha1))
                    written = await SignedDownload.ToStreamAsync(_connection, uri, hashing, s_download, progress, cancellationToken).ConfigureAwait(false);
                actual = "sha1:" + Convert.ToHexStringLower(sha1.GetHashAndReset());
            }

            if (expected is not null && !string.Equals(expected, actual, StringComparison.OrdinalIgnoreCase))
                throw new PteroBackupChecksumException(backup, expected, actual, uri.AbsolutePath);
            File.Move(temp, full, overwrite: true);
            return written;
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    private static Uri ToUri(SignedUrl url)
        => Uri.TryCreate(url.Url, UriKind.Absolute, out var uri)
            ? uri
            : throw new PteroResponseException($"the panel sent a signed URL that is not absolute: '{url.Url}'.", "GET", ItemRoute + "/download");

    /// <summary>A write-only pass-through that feeds every byte written into a hash.</summary>
    private sealed class HashingWriteStream(Stream inner, IncrementalHash hash) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count)
        {
            hash.AppendData(buffer, offset, count);
            inner.Write(buffer, offset, count);
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            hash.AppendData(buffer.Span);
            return inner.WriteAsync(buffer, cancellationToken);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
            => WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }
}
