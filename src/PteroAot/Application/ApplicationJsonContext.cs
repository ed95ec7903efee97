using System.Text.Json.Serialization;

namespace PteroAot.Application;

/// <summary>
/// JSON metadata of the whole Application API (<c>/api/application</c>), declared by hand: every model and request
/// body is a root. No list shapes: the SDK reads a list through its item's metadata and the CLI prints lists item
/// by item, so an <c>IReadOnlyList&lt;T&gt;</c> root would only add code to ptero (see benchmarks/README.md).
/// </summary>
[JsonSourceGenerationOptions(
    GenerationMode = JsonSourceGenerationMode.Metadata,
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectNullableAnnotations = true)]
// Responses; every included object is one (the relationships converters read includes through these roots, see RelatedJson)
[JsonSerializable(typeof(ApplicationUser))]
[JsonSerializable(typeof(ApplicationServer))]
[JsonSerializable(typeof(ApplicationSubuser))]
[JsonSerializable(typeof(ServerVariable))]
[JsonSerializable(typeof(Node))]
[JsonSerializable(typeof(NodeAllocation))]
[JsonSerializable(typeof(NodeConfiguration))]
[JsonSerializable(typeof(Location))]
[JsonSerializable(typeof(ApplicationDatabase))]
[JsonSerializable(typeof(ApplicationDatabasePassword))]
[JsonSerializable(typeof(ApplicationDatabaseHost))]
[JsonSerializable(typeof(Nest))]
[JsonSerializable(typeof(Egg))]
[JsonSerializable(typeof(EggConfig))]
[JsonSerializable(typeof(EggScript))]
[JsonSerializable(typeof(EggVariableDefinition))]
// Requests
[JsonSerializable(typeof(CreateUserRequest), GenerationMode = JsonSourceGenerationMode.Serialization)]
[JsonSerializable(typeof(UpdateUserRequest), GenerationMode = JsonSourceGenerationMode.Serialization)]
[JsonSerializable(typeof(CreateNodeRequest), GenerationMode = JsonSourceGenerationMode.Serialization)]
[JsonSerializable(typeof(UpdateNodeRequest), GenerationMode = JsonSourceGenerationMode.Serialization)]
[JsonSerializable(typeof(CreateNodeAllocationsRequest), GenerationMode = JsonSourceGenerationMode.Serialization)]
[JsonSerializable(typeof(LocationRequest), GenerationMode = JsonSourceGenerationMode.Serialization)]
[JsonSerializable(typeof(UpdateServerDetailsRequest), GenerationMode = JsonSourceGenerationMode.Serialization)]
[JsonSerializable(typeof(UpdateServerBuildRequest), GenerationMode = JsonSourceGenerationMode.Serialization)]
[JsonSerializable(typeof(UpdateServerStartupRequest), GenerationMode = JsonSourceGenerationMode.Serialization)]
[JsonSerializable(typeof(CreateServerRequest), GenerationMode = JsonSourceGenerationMode.Serialization)]
[JsonSerializable(typeof(CreateServerDatabaseRequest), GenerationMode = JsonSourceGenerationMode.Serialization)]
public sealed partial class ApplicationJsonContext : JsonSerializerContext;
