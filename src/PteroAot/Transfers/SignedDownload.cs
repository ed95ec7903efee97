using System.Buffers;
using PteroAot.Http;

namespace PteroAot.Transfers;

/// <summary>
/// Streams what a signed URL (file or backup download on the node) serves into a stream or a file, in fixed-size
/// chunks: nothing is held in memory whole, progress is reported, and cancellation is honoured.
/// </summary>
public static class SignedDownload
{
    private const int ChunkSize = 81920;

    /// <summary>Copies the download into <paramref name="destination"/>.</summary>
    /// <param name="connection">The connection (its <see cref="HttpClient"/> is used; the panel key is not sent).</param>
    /// <param name="url">The signed URL the panel returned.</param>
    /// <param name="destination">Where the bytes go; left open.</param>
    /// <param name="endpoint">What the download is, for error messages.</param>
    /// <param name="progress">Receives progress after each chunk.</param>
    /// <param name="cancellationToken">Cancels the transfer.</param>
    /// <returns>The number of bytes written.</returns>
    public static async Task<long> ToStreamAsync(PteroConnection connection, Uri url, Stream destination, EndpointInfo endpoint,
        IProgress<TransferProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(destination);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        using var response = await connection.SendExternalAsync(request, endpoint, HttpCompletionOption.ResponseHeadersRead, cancellationToken)
            .ConfigureAwait(false);
        long? total = response.Content.Headers.ContentLength;
        long written = 0;
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            await using var source = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            while (true)
            {
                int read;
                try
                {
                    read = await source.ReadAsync(buffer.AsMemory(0, ChunkSize), cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
                {
                    throw new PteroTransportException($"the download broke off after {written} bytes.", endpoint.Method, url.AbsolutePath, ex);
                }
                if (read == 0)
                    break;
                await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                written += read;
                progress?.Report(new TransferProgress(written, total));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        if (total is { } expected && written != expected)
            throw new PteroTransportException($"the download ended after {written} of {expected} bytes.", endpoint.Method, url.AbsolutePath);
        return written;
    }

    /// <summary>
    /// Downloads into a file. The bytes go to a temporary file beside the target, which is renamed over the target
    /// only when the download is complete: a failed or cancelled download leaves no partial file under that name.
    /// </summary>
    /// <param name="connection">The connection.</param>
    /// <param name="url">The signed URL.</param>
    /// <param name="path">The target file.</param>
    /// <param name="endpoint">What the download is, for error messages.</param>
    /// <param name="progress">Receives progress after each chunk.</param>
    /// <param name="cancellationToken">Cancels the transfer.</param>
    /// <returns>The number of bytes written.</returns>
    public static async Task<long> ToFileAsync(PteroConnection connection, Uri url, string path, EndpointInfo endpoint,
        IProgress<TransferProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.GetFullPath(path);
        var temp = Path.Combine(Path.GetDirectoryName(full)!, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N")[..8] + ".partial");
        try
        {
            long written;
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, ChunkSize, FileOptions.Asynchronous))
                written = await ToStreamAsync(connection, url, file, endpoint, progress, cancellationToken).ConfigureAwait(false);
            File.Move(temp, full, overwrite: true);
            return written;
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }
}
