using System.Text.Json.Serialization;

namespace PteroAot.Backups;

/// <summary>
/// JSON metadata of the backups area, declared by hand: every type its endpoints send or return is a root
/// here (the endpoint generator fails the build with PTERO005 when one is missing).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectNullableAnnotations = true)]
[JsonSerializable(typeof(ServerIdentifier))]
public sealed partial class BackupsJsonContext : JsonSerializerContext;
