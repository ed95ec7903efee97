using System.Text.Json.Serialization;

namespace PteroAot.Databases;

/// <summary>
/// JSON metadata of the databases area, declared by hand: every type its endpoints send or return is a root
/// here (the endpoint generator fails the build with PTERO005 when one is missing).
/// </summary>
[JsonSourceGenerationOptions(
    GenerationMode = JsonSourceGenerationMode.Metadata,
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectNullableAnnotations = true)]
[JsonSerializable(typeof(ServerDatabase))]
// Included with include=password: the relationships converter reads it through this root (see RelatedJson).
[JsonSerializable(typeof(DatabasePassword))]
[JsonSerializable(typeof(CreateDatabaseRequest), GenerationMode = JsonSourceGenerationMode.Serialization)]
public sealed partial class DatabasesJsonContext : JsonSerializerContext;
