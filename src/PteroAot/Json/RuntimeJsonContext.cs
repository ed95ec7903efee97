using System.Text.Json.Serialization;

namespace PteroAot.Json;

/// <summary>
/// The panel's error body: <c>{"errors": [{code, status, detail, meta?}]}</c>; Wings (signed download and upload
/// URLs) answers <c>{"error": "...", "request_id": "..."}</c> instead.
/// </summary>
internal sealed record ErrorEnvelope(IReadOnlyList<ErrorEntry>? Errors, string? Error = null);

internal sealed record ErrorEntry(string? Code, string? Status, string? Detail, ErrorMeta? Meta);

internal sealed record ErrorMeta([property: JsonPropertyName("source_field")] string? SourceField, string? Rule);

/// <summary>Types the runtime itself reads: error bodies and pagination.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(ErrorEnvelope))]
[JsonSerializable(typeof(Pagination))]
internal sealed partial class RuntimeJsonContext : JsonSerializerContext;
