using System.Text.Json.Serialization;

namespace PteroAot.Startup;

/// <summary>
/// JSON metadata of the startup area, declared by hand: every type its endpoints send or return is a root
/// here (the endpoint generator fails the build with PTERO005 when one is missing).
/// </summary>
[JsonSourceGenerationOptions(
    GenerationMode = JsonSourceGenerationMode.Metadata,
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectNullableAnnotations = true)]
[JsonSerializable(typeof(EggVariable))]
[JsonSerializable(typeof(StartupMeta))]
[JsonSerializable(typeof(StartupCommandMeta))]
[JsonSerializable(typeof(UpdateStartupVariableRequest), GenerationMode = JsonSourceGenerationMode.Serialization)]
public sealed partial class StartupJsonContext : JsonSerializerContext;
