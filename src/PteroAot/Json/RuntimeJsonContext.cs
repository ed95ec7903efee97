using System.Text.Json.Serialization;

namespace PteroAot.Json;

/// <summary>
/// The panel's error body: <c>{"errors": [{code, status, detail, meta?}]}</c>; Wings (signed download and upload
/// URLs) answers <c>{"error": "...", "request_id": "..."}</c> instead.
/// </summary>
internal sealed class ErrorEnvelope
{
    public IReadOnlyList<ErrorEntry>? Errors { get; set; }

    public string? Error { get; set; }
}

internal sealed class ErrorEntry
{
    public string? Code { get; set; }

    public string? Status { get; set; }

    public string? Detail { get; set; }

    public ErrorMeta? Meta { get; set; }
}

internal sealed class ErrorMeta
{
    [JsonPropertyName("source_field")]
    public string? SourceField { get; set; }

    public string? Rule { get; set; }
}

/// <summary>Types the runtime itself reads: error bodies and pagination.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(ErrorEnvelope))]
[JsonSerializable(typeof(Pagination))]
internal sealed partial class RuntimeJsonContext : JsonSerializerContext;
