using System.Text.Json.Serialization;
using PteroAot.Files;

namespace PteroAot.Backups;

/// <summary>
/// JSON metadata of the backups area, declared by hand: every type its endpoints send or return is a root
/// here (the endpoint generator fails the build with PTERO005 when one is missing).
/// </summary>
[JsonSourceGenerationOptions(
    GenerationMode = JsonSourceGenerationMode.Metadata,
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectNullableAnnotations = true)]
[JsonSerializable(typeof(Backup))]
[JsonSerializable(typeof(BackupListMeta))]
[JsonSerializable(typeof(CreateBackupRequest), GenerationMode = JsonSourceGenerationMode.Serialization)]
[JsonSerializable(typeof(RestoreBackupRequest), GenerationMode = JsonSourceGenerationMode.Serialization)]
[JsonSerializable(typeof(SignedUrl))]
public sealed partial class BackupsJsonContext : JsonSerializerContext;
