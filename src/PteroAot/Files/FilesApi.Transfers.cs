using PteroAot.Http;
using PteroAot.Transfers;

namespace PteroAot.Files;

// Streaming transfers through the node's signed URLs: nothing is held in memory whole.
public sealed partial class FilesApi
{
    private static readonly EndpointInfo s_download = new("GET", "/download/file", nameof(DownloadAsync));
    private static readonly EndpointInfo s_upload = new("POST", "/upload/file", nameof(UploadAsync));

    /// <summary>
    /// Downloads a server file into <paramref name="destination"/>, streaming in chunks: gets a signed URL
    /// (<c>file.read-content</c>), then reads it from the node without the panel key.
    /// </summary>
    /// <param name="server">The server's identifier or UUID.</param>
    /// <param name="path">The file's path on the server, e.g. <c>/world.zip</c>.</param>
    /// <param name="destination">Where the bytes go; left open.</param>
    /// <param name="progress">Receives progress after each chunk (the total from <c>Content-Length</c>).</param>
    /// <param name="cancellationToken">Cancels the transfer.</param>
    /// <returns>The number of bytes written.</returns>
    /// <exception cref="PteroTransportException">The connection broke off or the body ended early.</exception>
    public async Task<long> DownloadAsync(ServerIdentifier server, string path, Stream destination, IProgress<TransferProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(destination);
        var url = await GetDownloadUrlAsync(server, path, cancellationToken).ConfigureAwait(false);
        return await SignedDownload.ToStreamAsync(_connection, ToUri(url), destination, s_download, progress, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Downloads a server file to a local file. The bytes go to a temporary file beside the target, renamed over it
    /// only when complete: a failed or cancelled download leaves nothing under <paramref name="localPath"/>.
    /// </summary>
    /// <param name="server">The server's identifier or UUID.</param>
    /// <param name="path">The file's path on the server.</param>
    /// <param name="localPath">The local target file (replaced when it exists).</param>
    /// <param name="progress">Receives progress after each chunk.</param>
    /// <param name="cancellationToken">Cancels the transfer.</param>
    /// <returns>The number of bytes written.</returns>
    public async Task<long> DownloadToFileAsync(ServerIdentifier server, string path, string localPath, IProgress<TransferProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentException.ThrowIfNullOrEmpty(localPath);
        var url = await GetDownloadUrlAsync(server, path, cancellationToken).ConfigureAwait(false);
        return await SignedDownload.ToFileAsync(_connection, ToUri(url), localPath, s_download, progress, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Uploads a stream as one file into a server directory: gets a signed URL (<c>file.create</c>), then POSTs a
    /// streamed <c>multipart/form-data</c> body (part <c>files</c>) to the node without the panel key. The source is
    /// read in chunks, never buffered; <c>Content-Length</c> is sent when the stream can seek.
    /// </summary>
    /// <param name="server">The server's identifier or UUID.</param>
    /// <param name="directory">The target directory on the server, e.g. <c>/plugins</c>.</param>
    /// <param name="source">The content, read from its current position to the end; left open.</param>
    /// <param name="fileName">The file's name on the server.</param>
    /// <param name="progress">Receives progress after each chunk.</param>
    /// <param name="cancellationToken">Cancels the transfer.</param>
    /// <returns>The number of bytes sent.</returns>
    /// <exception cref="PteroApiException">The node refused the file (e.g. 400 over the node's upload size).</exception>
    public async Task<long> UploadAsync(ServerIdentifier server, string directory, Stream source, string fileName,
        IProgress<TransferProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        var url = await GetUploadUrlAsync(server, cancellationToken).ConfigureAwait(false);
        return await SignedUpload.FromStreamAsync(_connection, ToUri(url), directory, source, fileName, s_upload, progress, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>Uploads a local file into a server directory under the same name, streaming it (see <see cref="UploadAsync"/>).</summary>
    /// <param name="server">The server's identifier or UUID.</param>
    /// <param name="directory">The target directory on the server.</param>
    /// <param name="localPath">The local file.</param>
    /// <param name="progress">Receives progress after each chunk.</param>
    /// <param name="cancellationToken">Cancels the transfer.</param>
    /// <returns>The number of bytes sent.</returns>
    public async Task<long> UploadFileAsync(ServerIdentifier server, string directory, string localPath, IProgress<TransferProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(localPath);
        await using var file = new FileStream(localPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
        return await UploadAsync(server, directory, file, Path.GetFileName(localPath), progress, cancellationToken).ConfigureAwait(false);
    }

    private static Uri ToUri(SignedUrl url)
        => Uri.TryCreate(url.Url, UriKind.Absolute, out var uri)
            ? uri
            : throw new PteroResponseException($"the panel sent a signed URL that is not absolute: '{url.Url}'.", "GET", "/api/client/servers/{server}/files");
}
