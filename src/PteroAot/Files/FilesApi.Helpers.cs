namespace PteroAot.Files;

// Hand-written conveniences over the generated endpoints.
public sealed partial class FilesApi
{
    /// <summary>Renames or moves one file or directory. Needs <c>file.update</c>.</summary>
    /// <param name="server">The server's identifier or UUID.</param>
    /// <param name="from">The current name, relative to <paramref name="root"/>.</param>
    /// <param name="to">The new name, relative to <paramref name="root"/>.</param>
    /// <param name="root">The directory both names are relative to.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task RenameAsync(ServerIdentifier server, string from, string to, string root = "/", CancellationToken cancellationToken = default)
        => RenameAsync(server, new RenameFilesRequest { Root = root, Files = [new FileRename(from, to)] }, cancellationToken);

    /// <summary>Duplicates a regular file next to itself. Needs <c>file.create</c>.</summary>
    /// <param name="server">The server's identifier or UUID.</param>
    /// <param name="location">The file's full path.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task CopyAsync(ServerIdentifier server, string location, CancellationToken cancellationToken = default)
        => CopyAsync(server, new CopyFileRequest { Location = location }, cancellationToken);

    /// <summary>Packs files of one directory into a new <c>.tar.gz</c> there and returns it. Needs <c>file.archive</c>.</summary>
    /// <param name="server">The server's identifier or UUID.</param>
    /// <param name="root">The directory the names are relative to.</param>
    /// <param name="files">The names to pack.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<FileObject> CompressAsync(ServerIdentifier server, string root, IEnumerable<string> files, CancellationToken cancellationToken = default)
        => CompressAsync(server, new CompressFilesRequest { Root = root, Files = files.ToArray() }, cancellationToken);

    /// <summary>Unpacks an archive into its directory. Needs <c>file.create</c>.</summary>
    /// <param name="server">The server's identifier or UUID.</param>
    /// <param name="root">The archive's directory.</param>
    /// <param name="file">The archive's name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task DecompressAsync(ServerIdentifier server, string root, string file, CancellationToken cancellationToken = default)
        => DecompressAsync(server, new DecompressFileRequest { Root = root, File = file }, cancellationToken);

    /// <summary>Deletes files and directories of one directory. Needs <c>file.delete</c>.</summary>
    /// <param name="server">The server's identifier or UUID.</param>
    /// <param name="root">The directory the names are relative to.</param>
    /// <param name="files">The names to delete.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task DeleteAsync(ServerIdentifier server, string root, IEnumerable<string> files, CancellationToken cancellationToken = default)
        => DeleteAsync(server, new DeleteFilesRequest { Root = root, Files = files.ToArray() }, cancellationToken);

    /// <summary>Creates a directory. Needs <c>file.create</c>.</summary>
    /// <param name="server">The server's identifier or UUID.</param>
    /// <param name="name">The folder's name (nested parts allowed).</param>
    /// <param name="root">The parent directory.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task CreateFolderAsync(ServerIdentifier server, string name, string root = "/", CancellationToken cancellationToken = default)
        => CreateFolderAsync(server, new CreateFolderRequest { Root = root, Name = name }, cancellationToken);

    /// <summary>Changes one file's mode. Needs <c>file.update</c>.</summary>
    /// <param name="server">The server's identifier or UUID.</param>
    /// <param name="file">The name, relative to <paramref name="root"/>.</param>
    /// <param name="mode">Octal digits, e.g. <c>755</c>.</param>
    /// <param name="root">The directory the name is relative to.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task ChmodAsync(ServerIdentifier server, string file, string mode, string root = "/", CancellationToken cancellationToken = default)
        => ChmodAsync(server, new ChmodFilesRequest { Root = root, Files = [new FileModeChange(file, mode)] }, cancellationToken);

    /// <summary>Makes the node download <paramref name="url"/> into <paramref name="directory"/>. 10 calls per 5 minutes per user. Needs <c>file.create</c>.</summary>
    /// <param name="server">The server's identifier or UUID.</param>
    /// <param name="url">The URL to download.</param>
    /// <param name="directory">The directory to save into.</param>
    /// <param name="fileName">The name to save as; null to take it from the URL.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task PullAsync(ServerIdentifier server, string url, string directory = "/", string? fileName = null, CancellationToken cancellationToken = default)
        => PullAsync(server, new PullFileRequest { Url = url, Directory = directory, Filename = fileName }, cancellationToken);
}
