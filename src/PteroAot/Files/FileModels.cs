using System.Text.Json.Serialization;

namespace PteroAot.Files;

/// <summary>A file or directory as the node lists it (object <c>file_object</c>).</summary>
public sealed record FileObject
{
    /// <summary>The entry's name (no directory part).</summary>
    public string Name { get; set; } = "";

    /// <summary>The mode as <c>ls</c> shows it, e.g. <c>-rw-r--r--</c>, <c>drwxr-xr-x</c>.</summary>
    public string Mode { get; set; } = "";

    /// <summary>The permission bits in octal without a leading zero, e.g. <c>644</c>.</summary>
    public string ModeBits { get; set; } = "";

    /// <summary>Size in bytes.</summary>
    public long Size { get; set; }

    /// <summary>False only for directories (symlinks report true).</summary>
    public bool IsFile { get; set; }

    /// <summary>Whether it is a symlink (Wings 1.11 always says false).</summary>
    public bool IsSymlink { get; set; }

    /// <summary>The detected type, e.g. <c>text/plain; charset=utf-8</c>; <c>inode/directory</c> for directories.</summary>
    public string Mimetype { get; set; } = "";

    /// <summary>When it was created.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When it was last modified.</summary>
    public DateTimeOffset ModifiedAt { get; set; }

    /// <summary>Whether this is a directory.</summary>
    [JsonIgnore]
    public bool IsDirectory => !IsFile;
}

/// <summary>A signed URL on the node (object <c>signed_url</c>): valid 15 minutes and usable once; needs no API key.</summary>
public sealed record SignedUrl
{
    /// <summary>The absolute URL, with its <c>token</c> query parameter.</summary>
    public string Url { get; set; } = "";
}

/// <summary>One rename of <see cref="RenameFilesRequest"/>.</summary>
/// <param name="From">The current name, relative to the root.</param>
/// <param name="To">The new name, relative to the root (may name another directory, to move).</param>
public sealed record FileRename(string From, string To);

/// <summary>One mode change of <see cref="ChmodFilesRequest"/>.</summary>
/// <param name="File">The name, relative to the root.</param>
/// <param name="Mode">Octal digits as text, e.g. <c>755</c> (Wings refuses a JSON number).</param>
public sealed record FileModeChange(string File, string Mode);

/// <summary>Body of <c>PUT .../files/rename</c>.</summary>
public sealed class RenameFilesRequest
{
    /// <summary>The directory the names are relative to (always sent; the panel requires the key).</summary>
    public string Root { get; init; } = "/";

    /// <summary>The renames.</summary>
    public required IReadOnlyList<FileRename> Files { get; init; }
}

/// <summary>Body of <c>POST .../files/copy</c>.</summary>
public sealed class CopyFileRequest
{
    /// <summary>The full path of the file to duplicate.</summary>
    public required string Location { get; init; }
}

/// <summary>Body of <c>POST .../files/compress</c>.</summary>
public sealed class CompressFilesRequest
{
    /// <summary>The directory the names are relative to; the archive is created there.</summary>
    public string Root { get; init; } = "/";

    /// <summary>The names to pack.</summary>
    public required IReadOnlyList<string> Files { get; init; }
}

/// <summary>Body of <c>POST .../files/decompress</c>.</summary>
public sealed class DecompressFileRequest
{
    /// <summary>The directory of the archive (the files are unpacked there).</summary>
    public string Root { get; init; } = "/";

    /// <summary>The archive's name, relative to the root.</summary>
    public required string File { get; init; }
}

/// <summary>Body of <c>POST .../files/delete</c>.</summary>
public sealed class DeleteFilesRequest
{
    /// <summary>The directory the names are relative to (always sent; the panel requires the key).</summary>
    public string Root { get; init; } = "/";

    /// <summary>The names to delete (directories recursively).</summary>
    public required IReadOnlyList<string> Files { get; init; }
}

/// <summary>Body of <c>POST .../files/create-folder</c>.</summary>
public sealed class CreateFolderRequest
{
    /// <summary>The parent directory.</summary>
    public string Root { get; init; } = "/";

    /// <summary>The folder's name (may hold nested parts).</summary>
    public required string Name { get; init; }
}

/// <summary>Body of <c>POST .../files/chmod</c>.</summary>
public sealed class ChmodFilesRequest
{
    /// <summary>The directory the names are relative to (always sent; the panel requires the key).</summary>
    public string Root { get; init; } = "/";

    /// <summary>The files and their new modes.</summary>
    public required IReadOnlyList<FileModeChange> Files { get; init; }
}

/// <summary>Body of <c>POST .../files/pull</c>.</summary>
public sealed class PullFileRequest
{
    /// <summary>The URL to download.</summary>
    public required string Url { get; init; }

    /// <summary>The directory to save into; null for the root.</summary>
    public string? Directory { get; init; }

    /// <summary>The file name to save as; null to take it from the URL.</summary>
    public string? Filename { get; init; }

    /// <summary>Whether to take the name from the response's <c>Content-Disposition</c>.</summary>
    public bool? UseHeader { get; init; }

    /// <summary>Whether the node waits for the download to finish before answering.</summary>
    public bool? Foreground { get; init; }
}
