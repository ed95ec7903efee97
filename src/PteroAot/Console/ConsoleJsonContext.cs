using System.Text.Json.Serialization;

namespace PteroAot.Consoles;

/// <summary>JSON metadata for the payloads Wings sends as JSON strings inside <c>args[0]</c>.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(ConsoleStats))]
[JsonSerializable(typeof(BackupCompletedInfo))]
internal sealed partial class ConsoleJsonContext : JsonSerializerContext;
