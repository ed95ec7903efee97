namespace PteroAot.Testing;

// Files: the server's file tree lives in a temporary directory on disk (created on first use, deleted when the panel
// stops), so large files never sit in memory. Modes are kept here, the way Wings would report them.
public sealed partial class FakeServer
{
    /// <summary>The node's per-file upload limit (Wings' <c>upload_size</c>, default 100 MiB); null for none.</summary>
    public long? UploadSizeLimitBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>The panel's <c>max_edit_size</c> for <c>files/contents</c> (default 4 MiB).</summary>
    public long MaxEditSizeBytes { get; set; } = 4L * 1024 * 1024;

    /// <summary>
    /// Fault switch for tests: when set, every signed file download of this server sends the full
    /// <c>Content-Length</c> but drops the connection after this many bytes.
    /// </summary>
    public long? DropDownloadsAfterBytes { get; set; }

    /// <summary>The server's file root on disk, once any file route has touched it.</summary>
    public string? FilesDirectory { get; internal set; }

    internal object FilesGate { get; } = new();

    /// <summary>Permission bits by path relative to the root (e.g. <c>start.sh</c> → 0o755); absent = 644 / 755.</summary>
    internal Dictionary<string, int> FileModes { get; } = new(StringComparer.Ordinal);
}
