using System.Text.Json.Serialization;
using PteroAot.Account;
using PteroAot.Startup;

namespace PteroAot.Servers;

/// <summary>
/// JSON metadata of the servers area, declared by hand: every type its endpoints send or return is a root
/// here (the endpoint generator fails the build with PTERO005 when one is missing).
/// </summary>
[JsonSourceGenerationOptions(
    GenerationMode = JsonSourceGenerationMode.Metadata,
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectNullableAnnotations = true)]
[JsonSerializable(typeof(Server))]
[JsonSerializable(typeof(ServerMeta))]
[JsonSerializable(typeof(SystemPermissions))]
[JsonSerializable(typeof(WebsocketCredentials))]
[JsonSerializable(typeof(ServerResources))]
[JsonSerializable(typeof(ActivityLogEntry))]
// Included objects: the relationships converters read them through these roots (see RelatedJson).
[JsonSerializable(typeof(ServerAllocation))]
[JsonSerializable(typeof(EggVariable))]
[JsonSerializable(typeof(ServerEgg))]
[JsonSerializable(typeof(ServerSubuser))]
[JsonSerializable(typeof(ActivityActor))]
[JsonSerializable(typeof(SendCommandRequest), GenerationMode = JsonSourceGenerationMode.Serialization)]
[JsonSerializable(typeof(PowerRequest), GenerationMode = JsonSourceGenerationMode.Serialization)]
[JsonSerializable(typeof(RenameServerRequest), GenerationMode = JsonSourceGenerationMode.Serialization)]
[JsonSerializable(typeof(SetDockerImageRequest), GenerationMode = JsonSourceGenerationMode.Serialization)]
public sealed partial class ServersJsonContext : JsonSerializerContext;
