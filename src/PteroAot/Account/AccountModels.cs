using System.Text.Json;
using System.Text.Json.Serialization;

namespace PteroAot.Account;

/// <summary>The account behind the API key (<c>GET /api/client/account</c>, object <c>user</c>).</summary>
public sealed record AccountDetails
{
    /// <summary>The user's numeric id (the same id the application API uses).</summary>
    public int Id { get; set; }

    /// <summary>Whether the user is a root administrator.</summary>
    public bool Admin { get; set; }

    /// <summary>Login name.</summary>
    public string Username { get; set; } = "";

    /// <summary>E-mail address.</summary>
    public string Email { get; set; } = "";

    /// <summary>First name.</summary>
    public string? FirstName { get; set; }

    /// <summary>Last name.</summary>
    public string? LastName { get; set; }

    /// <summary>Interface language code, e.g. <c>en</c>.</summary>
    public string? Language { get; set; }
}

/// <summary>A client API key as listed (the secret is never returned after creation).</summary>
public sealed record ApiKey
{
    /// <summary>The 16-character identifier (<c>ptlc_</c> + 11 characters); the first part of the bearer token.</summary>
    public string Identifier { get; set; } = "";

    /// <summary>The note given at creation.</summary>
    public string? Description { get; set; }

    /// <summary>IPs or CIDR ranges the key is limited to; empty means any.</summary>
    public IReadOnlyList<string> AllowedIps { get; set; } = [];

    /// <summary>When the key was last used, if ever.</summary>
    public DateTimeOffset? LastUsedAt { get; set; }

    /// <summary>When the key was created.</summary>
    public DateTimeOffset? CreatedAt { get; set; }
}

/// <summary>The <c>meta</c> of a create-API-key response.</summary>
public sealed class ApiKeySecret
{
    /// <summary>The 32-character secret; shown once.</summary>
    public string SecretToken { get; set; } = "";

    /// <summary>Never shows the secret.</summary>
    public override string ToString() => "ApiKeySecret { SecretToken = *** }";
}

/// <summary>
/// A newly created API key with its secret. The usable bearer token is <see cref="Token"/>
/// (<c>identifier</c> + <c>secret_token</c>); the panel never shows it again.
/// </summary>
/// <param name="key">The key as the panel lists it.</param>
/// <param name="secretToken">The secret part.</param>
public sealed class CreatedApiKey(ApiKey key, string secretToken)
{
    /// <summary>The key as the panel lists it.</summary>
    public ApiKey Key { get; } = key;

    /// <summary>The 32-character secret part.</summary>
    public string SecretToken { get; } = secretToken;

    /// <summary>The full 48-character bearer token to use with <see cref="PteroClient"/>.</summary>
    public string Token => Key.Identifier + SecretToken;

    /// <summary>Shows the identifier only; the secret never appears in text.</summary>
    public override string ToString() => $"CreatedApiKey {{ Identifier = {Key.Identifier}, Token = *** }}";
}

/// <summary>An SSH public key on the account (used for SFTP).</summary>
public sealed record SshKey
{
    /// <summary>The key's name.</summary>
    public string Name { get; set; } = "";

    /// <summary>The SHA-256 fingerprint, <c>SHA256:...</c>; it identifies the key for removal.</summary>
    public string Fingerprint { get; set; } = "";

    /// <summary>The public key as PEM.</summary>
    public string PublicKey { get; set; } = "";

    /// <summary>When it was added.</summary>
    public DateTimeOffset? CreatedAt { get; set; }
}

/// <summary>One account activity log entry.</summary>
public sealed record ActivityLogEntry
{
    /// <summary>A rendering key (sha1), not an id the API accepts anywhere.</summary>
    public string Id { get; set; } = "";

    /// <summary>Groups the entries of one action.</summary>
    public string? Batch { get; set; }

    /// <summary>The event name, e.g. <c>user:api-key.create</c>.</summary>
    public string Event { get; set; } = "";

    /// <summary>Whether an API key performed it.</summary>
    public bool IsApi { get; set; }

    /// <summary>The source address; null unless the viewer is the actor or an admin.</summary>
    public string? Ip { get; set; }

    /// <summary>An optional description.</summary>
    public string? Description { get; set; }

    /// <summary>The event's properties (an object; null only if the panel left them out).</summary>
    public JsonElement? Properties { get; set; }

    /// <summary>Whether there is more metadata than shown.</summary>
    public bool HasAdditionalMetadata { get; set; }

    /// <summary>When it happened.</summary>
    public DateTimeOffset Timestamp { get; set; }

    /// <summary>Included relationships (<c>?include=actor</c>).</summary>
    public ActivityRelationships? Relationships { get; set; }

    /// <summary>Who did it, when requested with <c>include=actor</c>; null for system and daemon events.</summary>
    [JsonIgnore]
    public ActivityActor? Actor => Relationships?.Actor?.Attributes;
}

/// <summary>The relationships an activity entry can include.</summary>
[JsonConverter(typeof(ActivityRelationshipsConverter))]
public sealed record ActivityRelationships
{
    /// <summary>The acting user, or a <c>null_resource</c>.</summary>
    public RelatedItem<ActivityActor>? Actor { get; set; }
}

/// <summary>
/// Reads and writes <see cref="ActivityRelationships"/>; hand-written so that the JSON source generator emits no metadata for the
/// related wrappers (see RelatedJson), public so that other assemblies' contexts can use it too.
/// </summary>
public sealed class ActivityRelationshipsConverter : JsonConverter<ActivityRelationships>
{
    /// <inheritdoc/>
    public override ActivityRelationships Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = new ActivityRelationships();
        RelatedJson.StartObject(ref reader);
        while (RelatedJson.NextRelation(ref reader, out var name))
        {
            switch (name)
            {
                case "actor":
                    value.Actor = RelatedJson.ReadItem<ActivityActor>(ref reader, name, options);
                    break;
                default:
                    RelatedJson.Skip(ref reader);
                    break;
            }
        }
        return value;
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, ActivityRelationships value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        RelatedJson.Write(writer, "actor", value.Actor, options);
        writer.WriteEndObject();
    }
}

/// <summary>The user who performed an activity.</summary>
public sealed record ActivityActor
{
    /// <summary>The user's UUID.</summary>
    public string Uuid { get; set; } = "";

    /// <summary>Login name.</summary>
    public string Username { get; set; } = "";

    /// <summary>E-mail address.</summary>
    public string? Email { get; set; }

    /// <summary>Gravatar URL.</summary>
    public string? Image { get; set; }

    /// <summary>Whether the user has two-factor authentication on.</summary>
    [JsonPropertyName("2fa_enabled")]
    public bool TwoFactorEnabled { get; set; }

    /// <summary>When the user was created.</summary>
    public DateTimeOffset? CreatedAt { get; set; }
}

/// <summary>Two-factor setup details: scan <see cref="OtpAuthUri"/> (or type <see cref="Secret"/>) into an authenticator app.</summary>
public sealed class TwoFactorSetup
{
    /// <summary>The <c>otpauth://totp/...</c> URI to show as a QR code.</summary>
    [JsonPropertyName("image_url_data")]
    public string OtpAuthUri { get; set; } = "";

    /// <summary>The base32 TOTP secret.</summary>
    public string Secret { get; set; } = "";

    /// <summary>Never shows the secret.</summary>
    public override string ToString() => "TwoFactorSetup { Secret = *** }";
}

/// <summary>One-time recovery tokens returned when two-factor authentication is enabled; store them safely.</summary>
public sealed class RecoveryTokens
{
    /// <summary>The tokens (ten, of ten characters).</summary>
    public IReadOnlyList<string> Tokens { get; set; } = [];

    /// <summary>Never shows the tokens.</summary>
    public override string ToString() => $"RecoveryTokens {{ Count = {Tokens.Count} }}";
}
