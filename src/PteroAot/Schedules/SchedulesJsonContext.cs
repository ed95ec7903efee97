using System.Text.Json.Serialization;

namespace PteroAot.Schedules;

/// <summary>
/// JSON metadata of the schedules area, declared by hand: every type its endpoints send or return is a root
/// here (the endpoint generator fails the build with PTERO005 when one is missing).
/// </summary>
[JsonSourceGenerationOptions(
    GenerationMode = JsonSourceGenerationMode.Metadata,
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectNullableAnnotations = true)]
[JsonSerializable(typeof(Schedule))]
// Also the included tasks: the relationships converter reads them through this root (see RelatedJson).
[JsonSerializable(typeof(ScheduleTask))]
[JsonSerializable(typeof(ScheduleRequest), GenerationMode = JsonSourceGenerationMode.Serialization)]
[JsonSerializable(typeof(ScheduleTaskRequest), GenerationMode = JsonSourceGenerationMode.Serialization)]
public sealed partial class SchedulesJsonContext : JsonSerializerContext;
