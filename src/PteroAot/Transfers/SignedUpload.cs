using System.Net.Http.Headers;
using PteroAot.Http;

namespace PteroAot.Transfers;

/// <summary>
/// Streams a file to a signed upload URL on the node (Wings' <c>/upload/file</c>): one <c>multipart/form-data</c>
/// part named <c>files</c>, copied from the source in chunks with progress; the panel key is never sent.
/// </summary>
public static class SignedUpload
{
    /// <summary>Uploads <paramref name="source"/> as <paramref name="fileName"/> into <paramref name="directory"/>.</summary>
    /// <param name="connection">The connection (its <see cref="HttpClient"/> is used; the panel key is not sent).</param>
    /// <param name="url">The signed URL the panel returned.</param>
    /// <param name="directory">The target directory on the server; added as the <c>directory</c> query parameter.</param>
    /// <param name="source">The content, from its current position; left open.</param>
    /// <param name="fileName">The file's name on the server.</param>
    /// <param name="endpoint">What the upload is, for error messages.</param>
    /// <param name="progress">Receives progress after each chunk.</param>
    /// <param name="cancellationToken">Cancels the transfer.</param>
    /// <returns>The number of bytes sent.</returns>
    public static async Task<long> FromStreamAsync(PteroConnection connection, Uri url, string? directory, Stream source, string fileName,
        EndpointInfo endpoint, IProgress<TransferProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        ArgumentNullException.ThrowIfNull(endpoint);

        var target = WithDirectory(url, string.IsNullOrEmpty(directory) ? "/" : directory);
        var file = new ProgressStreamContent(source, progress, cancellationToken);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var multipart = new MultipartFormDataContent { { file, "files", fileName } };
        using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = multipart };
        try
        {
            using var response = await connection.SendExternalAsync(request, endpoint, HttpCompletionOption.ResponseContentRead, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (IOException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new PteroTransportException($"the upload broke off after {file.BytesSent} bytes.", endpoint.Method, url.AbsolutePath, ex);
        }
        return file.BytesSent;
    }

    private static Uri WithDirectory(Uri url, string directory)
    {
        var builder = new UriBuilder(url);
        var query = builder.Query.TrimStart('?');
        builder.Query = (query.Length > 0 ? query + "&" : "") + "directory=" + Uri.EscapeDataString(directory);
        return builder.Uri;
    }
}
