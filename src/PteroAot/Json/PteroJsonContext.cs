using System.Text.Json.Serialization;
using PteroAot.Account;

namespace PteroAot.Json;

/// <summary>
/// The SDK's JSON metadata, declared by hand: every type an endpoint sends or returns is a root here, and the
/// endpoint generator fails the build (PTERO005) when one is missing. Snake-case names, as the panel writes them.
/// </summary>
[JsonSourceGenerationOptions(
    // Metadata only, no fast-path serialization code (in every SDK context): the SDK only reads responses, which
    // always goes through metadata, and serializes small request bodies; the fast paths cost ptero ~170 KB.
    GenerationMode = JsonSourceGenerationMode.Metadata,
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    // A null where a model says non-null becomes a clear PteroResponseException, not a NullReferenceException later.
    RespectNullableAnnotations = true)]
// Account
[JsonSerializable(typeof(AccountDetails))]
[JsonSerializable(typeof(UpdateEmailRequest))]
[JsonSerializable(typeof(UpdatePasswordRequest))]
[JsonSerializable(typeof(TwoFactorSetup))]
[JsonSerializable(typeof(EnableTwoFactorRequest))]
[JsonSerializable(typeof(RecoveryTokens))]
[JsonSerializable(typeof(DisableTwoFactorRequest))]
[JsonSerializable(typeof(ActivityLogEntry))]
[JsonSerializable(typeof(ApiKey))]
[JsonSerializable(typeof(ApiKeySecret))]
[JsonSerializable(typeof(CreateApiKeyRequest))]
[JsonSerializable(typeof(SshKey))]
[JsonSerializable(typeof(CreateSshKeyRequest))]
[JsonSerializable(typeof(DeleteSshKeyRequest))]
// Output shapes (the CLI prints these)
[JsonSerializable(typeof(IReadOnlyList<ApiKey>))]
[JsonSerializable(typeof(IReadOnlyList<SshKey>))]
[JsonSerializable(typeof(IReadOnlyList<ActivityLogEntry>))]
public sealed partial class PteroJsonContext : JsonSerializerContext;
