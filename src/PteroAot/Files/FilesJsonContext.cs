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
[JsonSerializable(typeof(RenameFilesRequest), GenerationMode = JsonSourceGenerationMode.Serialization)]
[JsonSerializable(typeof(CopyFileRequest), GenerationMode = JsonSourceGenerationMode.Serialization)]
[JsonSerializable(typeof(CompressFilesRequest), GenerationMode = JsonSourceGenerationMode.Serialization)]
[JsonSerializable(typeof(DecompressFileRequest), GenerationMode = JsonSourceGenerationMode.Serialization)]
[JsonSerializable(typeof(DeleteFilesRequest), GenerationMode = JsonSourceGenerationMode.Serialization)]
[JsonSerializable(typeof(CreateFolderRequest), GenerationMode = JsonSourceGenerationMode.Serialization)]
[JsonSerializable(typeof(ChmodFilesRequest), GenerationMode = JsonSourceGenerationMode.Serialization)]
[JsonSerializable(typeof(PullFileRequest), GenerationMode = JsonSourceGenerationMode.Serialization)]
public sealed partial class FilesJsonContext : JsonSerializerContext;
