using System.Text.Json.Serialization;

namespace PteroAot.Network;

/// <summary>
/// JSON metadata of the network area, declared by hand: every type its endpoints send or return is a root
/// here (the endpoint generator fails the build with PTERO005 when one is missing).
/// </summary>
[JsonSourceGenerationOptions(
    GenerationMode = JsonSourceGenerationMode.Metadata,
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectNullableAnnotations = true)]
[JsonSerializable(typeof(NetworkAllocation))]
[JsonSerializable(typeof(UpdateAllocationNotesRequest), GenerationMode = JsonSourceGenerationMode.Serialization)]
public sealed partial class NetworkJsonContext : JsonSerializerContext;
