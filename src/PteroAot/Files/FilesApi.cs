using PteroAot.Endpoints;

namespace PteroAot.Files;

/// <summary>A server's files: listing, contents, streaming download and upload through signed URLs, and file operations.</summary>
[PteroApi(typeof(FilesJsonContext))]
public sealed partial class FilesApi
{
}
