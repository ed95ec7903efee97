using System.Text.Json;
using System.Text.Json.Serialization;

namespace PteroAot.Application;

/// <summary>
/// A panel user as the Application API shows it (object <c>user</c>): <c>/api/application/users</c>.
/// </summary>
public sealed record ApplicationUser
{
    /// <summary>The user's numeric id (what <c>/api/application/users/{user}</c> wants).</summary>
    public UserId Id { get; set; }

    /// <summary>The integrator's id, or <see langword="null"/> when unset.</summary>
    public string? ExternalId { get; set; }

    /// <summary>The user's UUID.</summary>
    public Guid Uuid { get; set; }

    /// <summary>Login name (stored lower-case).</summary>
    public string Username { get; set; } = "";

    /// <summary>E-mail address.</summary>
    public string Email { get; set; } = "";

    /// <summary>First name.</summary>
    public string FirstName { get; set; } = "";

    /// <summary>Last name.</summary>
    public string LastName { get; set; } = "";

    /// <summary>Interface language (e.g. <c>en</c>).</summary>
    public string Language { get; set; } = "";

    /// <summary>Whether the user is a panel administrator.</summary>
    public bool RootAdmin { get; set; }

    /// <summary>Whether two-factor authentication is enabled (wire name <c>2fa</c>).</summary>
    [JsonPropertyName("2fa")]
    public bool TwoFactor { get; set; }

    /// <summary>When the user was created.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the user was last changed.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The included relationships; <see langword="null"/> when nothing was included.</summary>
    public ApplicationUserRelationships? Relationships { get; set; }

    /// <summary>The user's servers with <see cref="ApplicationUserInclude.Servers"/>; <see langword="null"/> when not included or refused.</summary>
    [JsonIgnore]
    public IReadOnlyList<ApplicationServer>? Servers => Relationships?.Servers is { Data: not null } list ? [.. list.Items] : null;
}

/// <summary>The relationships an application <c>user</c> may carry.</summary>
[JsonConverter(typeof(ApplicationUserRelationshipsConverter))]
public sealed record ApplicationUserRelationships
{
    /// <summary>With <c>include=servers</c> (needs <c>r_servers</c>).</summary>
    public RelatedList<ApplicationServer>? Servers { get; set; }
}

/// <summary>
/// Reads and writes <see cref="ApplicationUserRelationships"/>; hand-written so that the JSON source generator emits no metadata for the
/// related wrappers (see RelatedJson), public so that other assemblies' contexts can use it too.
/// </summary>
public sealed class ApplicationUserRelationshipsConverter : JsonConverter<ApplicationUserRelationships>
{
    /// <inheritdoc/>
    public override ApplicationUserRelationships Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = new ApplicationUserRelationships();
        RelatedJson.StartObject(ref reader);
        while (RelatedJson.NextRelation(ref reader, out var name))
        {
            switch (name)
            {
                case "servers":
                    value.Servers = RelatedJson.ReadList<ApplicationServer>(ref reader, name, options);
                    break;
                default:
                    RelatedJson.Skip(ref reader);
                    break;
            }
        }
        return value;
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, ApplicationUserRelationships value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        RelatedJson.Write(writer, "servers", value.Servers, options);
        writer.WriteEndObject();
    }
}

/// <summary>What <c>include=</c> may ask for on application user routes (see <see cref="IncludeQuery"/>).</summary>
[Flags]
public enum ApplicationUserInclude
{
    /// <summary>Nothing.</summary>
    None = 0,

    /// <summary>The user's servers (<c>servers</c>).</summary>
    Servers = 1,
}
