using System.Text.Json;
using System.Text.Json.Serialization;

namespace PteroAot.Application;

/// <summary>A subuser as the Application API includes it in a server (object <c>subuser</c>; include only).</summary>
public sealed record ApplicationSubuser
{
    /// <summary>The subuser row's id.</summary>
    public int Id { get; set; }

    /// <summary>The user who is a subuser.</summary>
    public UserId UserId { get; set; }

    /// <summary>The server they are a subuser of.</summary>
    public ServerId ServerId { get; set; }

    /// <summary>The granted permissions (e.g. <c>control.console</c>).</summary>
    public IReadOnlyList<string> Permissions { get; set; } = [];

    /// <summary>When the subuser was added.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the subuser was last changed.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The included relationships; <see langword="null"/> when nothing was included.</summary>
    public ApplicationSubuserRelationships? Relationships { get; set; }

    /// <summary>The user, when included.</summary>
    [JsonIgnore]
    public ApplicationUser? User => Relationships?.User?.Attributes;

    /// <summary>The server, when included.</summary>
    [JsonIgnore]
    public ApplicationServer? Server => Relationships?.Server?.Attributes;
}

/// <summary>The relationships an application <c>subuser</c> may carry.</summary>
[JsonConverter(typeof(ApplicationSubuserRelationshipsConverter))]
public sealed record ApplicationSubuserRelationships
{
    /// <summary>The user (<c>user</c>).</summary>
    public RelatedItem<ApplicationUser>? User { get; set; }

    /// <summary>The server (<c>server</c>).</summary>
    public RelatedItem<ApplicationServer>? Server { get; set; }
}

/// <summary>
/// Reads and writes <see cref="ApplicationSubuserRelationships"/>; hand-written so that the JSON source generator emits no metadata for the
/// related wrappers (see RelatedJson), public so that other assemblies' contexts can use it too.
/// </summary>
public sealed class ApplicationSubuserRelationshipsConverter : JsonConverter<ApplicationSubuserRelationships>
{
    /// <inheritdoc/>
    public override ApplicationSubuserRelationships Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = new ApplicationSubuserRelationships();
        RelatedJson.StartObject(ref reader);
        while (RelatedJson.NextRelation(ref reader, out var name))
        {
            switch (name)
            {
                case "user":
                    value.User = RelatedJson.ReadItem<ApplicationUser>(ref reader, name, options);
                    break;
                case "server":
                    value.Server = RelatedJson.ReadItem<ApplicationServer>(ref reader, name, options);
                    break;
                default:
                    RelatedJson.Skip(ref reader);
                    break;
            }
        }
        return value;
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, ApplicationSubuserRelationships value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        RelatedJson.Write(writer, "user", value.User, options);
        RelatedJson.Write(writer, "server", value.Server, options);
        writer.WriteEndObject();
    }
}
