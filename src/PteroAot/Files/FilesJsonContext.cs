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
[JsonSerializable(typeof(RenameFilesRequest), GenerationMode = JsonSourceGenerationMode.Default)]
[JsonSerializable(typeof(CopyFileRequest), GenerationMode = JsonSourceGenerationMode.Default)]
[JsonSerializable(typeof(CompressFilesRequest), GenerationMode = JsonSourceGenerationMode.Default)]
[JsonSerializable(typeof(DecompressFileRequest), GenerationMode = JsonSourceGenerationMode.Default)]
[JsonSerializable(typeof(DeleteFilesRequest), GenerationMode = JsonSourceGenerationMode.Default)]
[JsonSerializable(typeof(CreateFolderRequest), GenerationMode = JsonSourceGenerationMode.Default)]
[JsonSerializable(typeof(ChmodFilesRequest), GenerationMode = JsonSourceGenerationMode.Default)]
[JsonSerializable(typeof(PullFileRequest), GenerationMode = JsonSourceGenerationMode.Default)]
public sealed partial class FilesJsonContext : JsonSerializerContext;
