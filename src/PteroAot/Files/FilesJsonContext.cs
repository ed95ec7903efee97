using System.Text.Json.Serialization;

namespace PteroAot.Files;

/// <summary>
/// JSON metadata of the files area, declared by hand: every type its endpoints send or return is a root
/// here (the endpoint generator fails the build with PTERO005 when one is missing).
/// </summary>
[JsonSourceGenerationOptions(
    GenerationMode = JsonSourceGenerationMode.Metadata,
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectNullableAnnotations = true)]
[JsonSerializable(typeof(FileObject))]
[JsonSerializable(typeof(SignedUrl))]
[JsonSerializable(typeof(RenameFilesRequest))]
[JsonSerializable(typeof(CopyFileRequest))]
[JsonSerializable(typeof(CompressFilesRequest))]
[JsonSerializable(typeof(DecompressFileRequest))]
[JsonSerializable(typeof(DeleteFilesRequest))]
[JsonSerializable(typeof(CreateFolderRequest))]
[JsonSerializable(typeof(ChmodFilesRequest))]
[JsonSerializable(typeof(PullFileRequest))]
public sealed partial class FilesJsonContext : JsonSerializerContext;
