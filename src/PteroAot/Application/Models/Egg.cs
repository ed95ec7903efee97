using System.Text.Json;
using System.Text.Json.Serialization;

namespace PteroAot.Application;

/// <summary>An egg (object <c>egg</c>): <c>/api/application/nests/{nest}/eggs</c>.</summary>
public sealed record Egg
{
    /// <summary>The egg's id.</summary>
    public EggId Id { get; set; }

    /// <summary>The egg's UUID.</summary>
    public Guid Uuid { get; set; }

    /// <summary>Name.</summary>
    public string Name { get; set; } = "";

    /// <summary>The nest it belongs to (wire name <c>nest</c>).</summary>
    [JsonPropertyName("nest")]
    public NestId NestId { get; set; }

    /// <summary>Author e-mail.</summary>
    public string Author { get; set; } = "";

    /// <summary>Description, or null.</summary>
    public string? Description { get; set; }

    /// <summary>Deprecated by the panel: the first of <see cref="DockerImages"/>, or <c>""</c>.</summary>
    public string DockerImage { get; set; } = "";

    /// <summary>Display name to image, e.g. <c>Java 17</c> to <c>ghcr.io/pterodactyl/yolks:java_17</c> (an empty <c>[]</c> reads as empty).</summary>
    [JsonConverter(typeof(StringMapOrEmptyArrayConverter))]
    public IReadOnlyDictionary<string, string> DockerImages { get; set; } = new Dictionary<string, string>();

    /// <summary>How Wings configures and watches the server.</summary>
    public EggConfig Config { get; set; } = new();

    /// <summary>The startup command template.</summary>
    public string Startup { get; set; } = "";

    /// <summary>The install script.</summary>
    public EggScript Script { get; set; } = new();

    /// <summary>When the egg was created.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the egg was last changed.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The included relationships; <see langword="null"/> when nothing was included.</summary>
    public EggRelationships? Relationships { get; set; }

    /// <summary>The nest with <see cref="EggInclude.Nest"/>.</summary>
    [JsonIgnore]
    public Nest? Nest => Relationships?.Nest?.Attributes;

    /// <summary>The servers with <see cref="EggInclude.Servers"/>; <see langword="null"/> when not included or refused.</summary>
    [JsonIgnore]
    public IReadOnlyList<ApplicationServer>? Servers => Relationships?.Servers is { Data: not null } list ? [.. list.Items] : null;

    /// <summary>The config inherited from the parent egg with <see cref="EggInclude.Config"/>; <see langword="null"/> when the egg extends none.</summary>
    [JsonIgnore]
    public EggConfig? InheritedConfig => Relationships?.Config?.Attributes;

    /// <summary>The install script copied from another egg with <see cref="EggInclude.Script"/>; <see langword="null"/> when not copying.</summary>
    [JsonIgnore]
    public EggScript? InheritedScript => Relationships?.Script?.Attributes;

    /// <summary>The variables with <see cref="EggInclude.Variables"/>; <see langword="null"/> when not included or refused.</summary>
    [JsonIgnore]
    public IReadOnlyList<EggVariableDefinition>? Variables => Relationships?.Variables is { Data: not null } list ? [.. list.Items] : null;
}

/// <summary>
/// An egg's Wings configuration (<c>config</c> of an <c>egg</c>, and the <c>config</c> include). The panel writes an
/// empty object as <c>[]</c> in <see cref="Startup"/> and <see cref="Logs"/>; both forms read as a dictionary
/// (empty for <c>[]</c>). Values are raw JSON.
/// </summary>
public sealed record EggConfig
{
    /// <summary>Configuration files Wings rewrites, by path (<c>{}</c> when none).</summary>
    [JsonConverter(typeof(ObjectOrEmptyArrayConverter))]
    public IReadOnlyDictionary<string, JsonElement> Files { get; set; } = new Dictionary<string, JsonElement>();

    /// <summary>How Wings detects a finished start (e.g. <c>done</c>); empty for <c>[]</c>, null when unset.</summary>
    [JsonConverter(typeof(ObjectOrEmptyArrayConverter))]
    public IReadOnlyDictionary<string, JsonElement>? Startup { get; set; }

    /// <summary>The stop command (e.g. <c>stop</c> or <c>^C</c>), or null.</summary>
    public string? Stop { get; set; }

    /// <summary>Log settings; empty for <c>[]</c>, null when unset.</summary>
    [JsonConverter(typeof(ObjectOrEmptyArrayConverter))]
    public IReadOnlyDictionary<string, JsonElement>? Logs { get; set; }

    /// <summary>Files users may not open, or null (not part of the <c>config</c> include).</summary>
    public IReadOnlyList<string>? FileDenylist { get; set; }

    /// <summary>The egg this config is copied from, or null (not part of the <c>config</c> include).</summary>
    public EggId? Extends { get; set; }
}

/// <summary>An egg's install script (<c>script</c> of an <c>egg</c>, and the <c>script</c> include).</summary>
public sealed record EggScript
{
    /// <summary>Whether the install container runs privileged.</summary>
    public bool Privileged { get; set; }

    /// <summary>The script, or null.</summary>
    public string? Install { get; set; }

    /// <summary>The entrypoint (e.g. <c>ash</c>).</summary>
    public string Entry { get; set; } = "";

    /// <summary>The install container image.</summary>
    public string Container { get; set; } = "";

    /// <summary>The egg the script is copied from, or null (not part of the <c>script</c> include).</summary>
    public EggId? Extends { get; set; }
}

/// <summary>
/// An egg variable with all its columns (object <c>egg_variable</c>; egg include <c>variables</c>). A server's copy with
/// its value is the derived <see cref="ServerVariable"/>.
/// </summary>
public record EggVariableDefinition
{
    /// <summary>The variable's id.</summary>
    public int Id { get; set; }

    /// <summary>The egg it belongs to.</summary>
    public EggId EggId { get; set; }

    /// <summary>Display name.</summary>
    public string Name { get; set; } = "";

    /// <summary>Description.</summary>
    public string? Description { get; set; }

    /// <summary>The environment variable name.</summary>
    public string EnvVariable { get; set; } = "";

    /// <summary>The default value.</summary>
    public string? DefaultValue { get; set; }

    /// <summary>Whether users may see it.</summary>
    public bool UserViewable { get; set; }

    /// <summary>Whether users may change it.</summary>
    public bool UserEditable { get; set; }

    /// <summary>Laravel validation rules.</summary>
    public string Rules { get; set; } = "";

    /// <summary>When the variable was created (microsecond precision on the wire).</summary>
    public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>When the variable was last changed.</summary>
    public DateTimeOffset? UpdatedAt { get; set; }
}

/// <summary>The relationships an <c>egg</c> may carry.</summary>
[JsonConverter(typeof(EggRelationshipsConverter))]
public sealed record EggRelationships
{
    /// <summary>With <c>include=nest</c> (<c>r_nests</c>).</summary>
    public RelatedItem<Nest>? Nest { get; set; }

    /// <summary>With <c>include=servers</c> (<c>r_servers</c>).</summary>
    public RelatedList<ApplicationServer>? Servers { get; set; }

    /// <summary>With <c>include=config</c>: the parent's config (<c>object: null</c>), or a <c>null_resource</c>.</summary>
    public RelatedItem<EggConfig>? Config { get; set; }

    /// <summary>With <c>include=script</c>: the copied script (<c>object: null</c>), or a <c>null_resource</c>.</summary>
    public RelatedItem<EggScript>? Script { get; set; }

    /// <summary>With <c>include=variables</c> (<c>r_eggs</c>).</summary>
    public RelatedList<EggVariableDefinition>? Variables { get; set; }
}

/// <summary>
/// Reads and writes <see cref="EggRelationships"/>; hand-written so that the JSON source generator emits no metadata for the
/// related wrappers (see RelatedJson), public so that other assemblies' contexts can use it too.
/// </summary>
public sealed class EggRelationshipsConverter : JsonConverter<EggRelationships>
{
    /// <inheritdoc/>
    public override EggRelationships Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = new EggRelationships();
        RelatedJson.StartObject(ref reader);
        while (RelatedJson.NextRelation(ref reader, out var name))
        {
            switch (name)
            {
                case "nest":
                    value.Nest = RelatedJson.ReadItem<Nest>(ref reader, name, options);
                    break;
                case "servers":
                    value.Servers = RelatedJson.ReadList<ApplicationServer>(ref reader, name, options);
                    break;
                case "config":
                    value.Config = RelatedJson.ReadItem<EggConfig>(ref reader, name, options);
                    break;
                case "script":
                    value.Script = RelatedJson.ReadItem<EggScript>(ref reader, name, options);
                    break;
                case "variables":
                    value.Variables = RelatedJson.ReadList<EggVariableDefinition>(ref reader, name, options);
                    break;
                default:
                    RelatedJson.Skip(ref reader);
                    break;
            }
        }
        return value;
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, EggRelationships value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        RelatedJson.Write(writer, "nest", value.Nest, options);
        RelatedJson.Write(writer, "servers", value.Servers, options);
        RelatedJson.Write(writer, "config", value.Config, options);
        RelatedJson.Write(writer, "script", value.Script, options);
        RelatedJson.Write(writer, "variables", value.Variables, options);
        writer.WriteEndObject();
    }
}

/// <summary>What <c>include=</c> may ask for on egg routes (see <see cref="IncludeQuery"/>).</summary>
[Flags]
public enum EggInclude
{
    /// <summary>Nothing.</summary>
    None = 0,

    /// <summary><c>nest</c>.</summary>
    Nest = 1,

    /// <summary><c>servers</c>.</summary>
    Servers = 2,

    /// <summary><c>config</c>.</summary>
    Config = 4,

    /// <summary><c>script</c>.</summary>
    Script = 8,

    /// <summary><c>variables</c>.</summary>
    Variables = 16,
}
