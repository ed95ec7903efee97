using System.Text.Json.Serialization;
using PteroAot.Account;

namespace PteroAot.Json;

/// <summary>
/// The SDK's JSON metadata, declared by hand: every type an endpoint sends or returns is a root here, and the
/// endpoint generator fails the build (PTERO005) when one is missing. Snake-case names, as the panel writes them.
/// </summary>
[JsonSourceGenerationOptions(
    // Metadata only, no fast-path serialization code (in every SDK context): the SDK only reads responses, which
    // always goes through metadata, and the CLI prints them through metadata; their fast paths cost ptero 128 KB.
    // Request bodies keep theirs (GenerationMode = Default on each *Request root: 41 KB, ~0.3 KB less allocation
    // per POST/PATCH). Not Serialization-only: JsonContent and PostAsJsonAsync need the property metadata.
    GenerationMode = JsonSourceGenerationMode.Metadata,
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    // A null where a model says non-null becomes a clear PteroResponseException, not a NullReferenceException later.
    RespectNullableAnnotations = true)]
// Account
[JsonSerializable(typeof(AccountDetails))]
[JsonSerializable(typeof(UpdateEmailRequest), GenerationMode = JsonSourceGenerationMode.Serialization)]
[JsonSerializable(typeof(UpdatePasswordRequest), GenerationMode = JsonSourceGenerationMode.Serialization)]
[JsonSerializable(typeof(TwoFactorSetup))]
[JsonSerializable(typeof(EnableTwoFactorRequest), GenerationMode = JsonSourceGenerationMode.Serialization)]
[JsonSerializable(typeof(RecoveryTokens))]
[JsonSerializable(typeof(DisableTwoFactorRequest), GenerationMode = JsonSourceGenerationMode.Serialization)]
[JsonSerializable(typeof(ActivityLogEntry))]
// Included with include=actor: the relationships converter reads it through this root (see RelatedJson).
[JsonSerializable(typeof(ActivityActor))]
[JsonSerializable(typeof(ApiKey))]
[JsonSerializable(typeof(ApiKeySecret))]
[JsonSerializable(typeof(CreateApiKeyRequest), GenerationMode = JsonSourceGenerationMode.Serialization)]
[JsonSerializable(typeof(SshKey))]
[JsonSerializable(typeof(CreateSshKeyRequest), GenerationMode = JsonSourceGenerationMode.Serialization)]
[JsonSerializable(typeof(DeleteSshKeyRequest), GenerationMode = JsonSourceGenerationMode.Serialization)]
// Output shapes (the CLI prints these)
public sealed partial class PteroJsonContext : JsonSerializerContext;
