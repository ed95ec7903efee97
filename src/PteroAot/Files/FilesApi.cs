using PteroAot.Endpoints;

namespace PteroAot.Files;

/// <summary>
/// A server's files (<c>/api/client/servers/{server}/files</c>): listing, contents, streaming download and upload
/// through signed URLs, and file operations. Every call takes the server's <see cref="ServerIdentifier"/> (8-character
/// identifier or UUID, never the numeric application id); paths are relative to the server root (<c>/</c>).
/// </summary>
[PteroApi(typeof(FilesJsonContext))]
public sealed partial class FilesApi
{
    /// <summary>Lists one directory (not paginated; the order is not guaranteed). Needs <c>file.read</c>.</summary>
    /// <param name="server">The server's identifier or UUID.</param>
    /// <param name="directory">The directory, e.g. <c>/plugins</c>; null for the root.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="PteroNotFoundException">The directory does not exist, or the server is not visible to the key.</exception>
    [Get("/api/client/servers/{server}/files/list")]
    public partial Task<ResourceList<FileObject>> ListAsync(ServerIdentifier server, [Query("directory")] string? directory = null,
        CancellationToken cancellationToken = default);

    /// <summary>Reads a file as text (the panel sends the raw bytes as <c>text/plain</c>; at most 4 MiB by default, else 400). Needs <c>file.read-content</c>.</summary>
    /// <param name="server">The server's identifier or UUID.</param>
    /// <param name="file">The file's path, e.g. <c>/server.properties</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [Get("/api/client/servers/{server}/files/contents")]
    public partial Task<string> GetContentsAsync(ServerIdentifier server, [Query("file")] string file, CancellationToken cancellationToken = default);

    /// <summary>
    /// Gets a signed, single-use download URL on the node (valid 15 minutes). Prefer
    /// <see cref="DownloadAsync(ServerIdentifier, string, Stream, IProgress{Transfers.TransferProgress}?, CancellationToken)"/>, which streams it. Needs <c>file.read-content</c>.
    /// </summary>
    /// <param name="server">The server's identifier or UUID.</param>
    /// <param name="file">The file's path.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [Get("/api/client/servers/{server}/files/download")]
    public partial Task<SignedUrl> GetDownloadUrlAsync(ServerIdentifier server, [Query("file")] string file, CancellationToken cancellationToken = default);

    /// <summary>Renames or moves files (<c>to</c> may name another directory). Needs <c>file.update</c>.</summary>
    /// <param name="server">The server's identifier or UUID.</param>
    /// <param name="request">The root and the renames relative to it.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [Put("/api/client/servers/{server}/files/rename")]
    public partial Task RenameAsync(ServerIdentifier server, [Body] RenameFilesRequest request, CancellationToken cancellationToken = default);

    /// <summary>Duplicates a regular file next to itself (<c>name copy.ext</c>, then <c>name copy 1.ext</c>, ...). Needs <c>file.create</c>.</summary>
    /// <param name="server">The server's identifier or UUID.</param>
    /// <param name="request">The full path of the file to copy.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [Post("/api/client/servers/{server}/files/copy")]
    public partial Task CopyAsync(ServerIdentifier server, [Body] CopyFileRequest request, CancellationToken cancellationToken = default);

    /// <summary>Creates or overwrites a file with text (sent raw as <c>text/plain</c>, not JSON). Needs <c>file.create</c>.</summary>
    /// <param name="server">The server's identifier or UUID.</param>
    /// <param name="file">The target path; missing parent directories are created.</param>
    /// <param name="content">The whole new content.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [Post("/api/client/servers/{server}/files/write")]
    public partial Task WriteAsync(ServerIdentifier server, [Query("file")] string file, [Body(ContentType = "text/plain")] string content,
        CancellationToken cancellationToken = default);

    /// <summary>Packs files into a new <c>.tar.gz</c> in the root and returns it. Waits until done. Needs <c>file.archive</c>.</summary>
    /// <param name="server">The server's identifier or UUID.</param>
    /// <param name="request">The root and the names relative to it.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [Post("/api/client/servers/{server}/files/compress")]
    public partial Task<FileObject> CompressAsync(ServerIdentifier server, [Body] CompressFilesRequest request, CancellationToken cancellationToken = default);

    /// <summary>Unpacks an archive into its directory. Waits until done. Needs <c>file.create</c> (not <c>file.archive</c>).</summary>
    /// <param name="server">The server's identifier or UUID.</param>
    /// <param name="request">The root and the archive's name relative to it.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [Post("/api/client/servers/{server}/files/decompress")]
    public partial Task DecompressAsync(ServerIdentifier server, [Body] DecompressFileRequest request, CancellationToken cancellationToken = default);

    /// <summary>Deletes files and directories (recursively). A POST, not a DELETE. Needs <c>file.delete</c>.</summary>
    /// <param name="server">The server's identifier or UUID.</param>
    /// <param name="request">The root and the names relative to it.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [Post("/api/client/servers/{server}/files/delete")]
    public partial Task DeleteAsync(ServerIdentifier server, [Body] DeleteFilesRequest request, CancellationToken cancellationToken = default);

    /// <summary>Creates a directory (the name may hold nested parts, e.g. <c>backups/old</c>). Needs <c>file.create</c>.</summary>
    /// <param name="server">The server's identifier or UUID.</param>
    /// <param name="request">The root and the folder name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [Post("/api/client/servers/{server}/files/create-folder")]
    public partial Task CreateFolderAsync(ServerIdentifier server, [Body] CreateFolderRequest request, CancellationToken cancellationToken = default);

    /// <summary>Changes file modes (octal digits sent as a JSON string, e.g. <c>"755"</c>). Needs <c>file.update</c>.</summary>
    /// <param name="server">The server's identifier or UUID.</param>
    /// <param name="request">The root and the files with their modes.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [Post("/api/client/servers/{server}/files/chmod")]
    public partial Task ChmodAsync(ServerIdentifier server, [Body] ChmodFilesRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Makes the node download a file from a URL. Limited to 10 calls per 5 minutes per user (429 with
    /// <c>Retry-After</c>, see <see cref="PteroRateLimitException"/>). Needs <c>file.create</c>.
    /// </summary>
    /// <param name="server">The server's identifier or UUID.</param>
    /// <param name="request">The URL and where to put the file.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [Post("/api/client/servers/{server}/files/pull")]
    public partial Task PullAsync(ServerIdentifier server, [Body] PullFileRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Gets a signed, single-use upload URL on the node (valid 15 minutes). Prefer
    /// <see cref="UploadAsync(ServerIdentifier, string, Stream, string, IProgress{Transfers.TransferProgress}?, CancellationToken)"/>, which streams to it. Needs <c>file.create</c>.
    /// </summary>
    /// <param name="server">The server's identifier or UUID.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [Get("/api/client/servers/{server}/files/upload")]
    public partial Task<SignedUrl> GetUploadUrlAsync(ServerIdentifier server, CancellationToken cancellationToken = default);
}
