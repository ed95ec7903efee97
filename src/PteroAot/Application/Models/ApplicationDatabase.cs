using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PteroAot.Application;

/// <summary>A server's database as the Application API shows it (object <c>server_database</c>).</summary>
public sealed record ApplicationDatabase
{
    /// <summary>The database's numeric id (what <c>/servers/{server}/databases/{database}</c> wants).</summary>
    public ServerDatabaseId Id { get; set; }

    /// <summary>The server that owns it (wire name <c>server</c>).</summary>
    [JsonPropertyName("server")]
    public ServerId ServerId { get; set; }

    /// <summary>The database host (wire name <c>host</c>).</summary>
    [JsonPropertyName("host")]
    public DatabaseHostId HostId { get; set; }

    /// <summary>The database name (with its <c>s{server}_</c> prefix).</summary>
    public string Database { get; set; } = "";

    /// <summary>The database user name.</summary>
    public string Username { get; set; } = "";

    /// <summary>Where connections are allowed from (<c>%</c> = anywhere).</summary>
    public string Remote { get; set; } = "";

    /// <summary>Maximum connections (0 or null = unlimited).</summary>
    public int? MaxConnections { get; set; }

    /// <summary>When the database was created.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the database was last changed.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The included relationships; <see langword="null"/> when nothing was included.</summary>
    public ApplicationDatabaseRelationships? Relationships { get; set; }

    /// <summary>The password with <see cref="ApplicationDatabaseInclude.Password"/> (a secret).</summary>
    [JsonIgnore]
    public string? Password => Relationships?.Password?.Attributes?.Password;

    /// <summary>The host with <see cref="ApplicationDatabaseInclude.Host"/>.</summary>
    [JsonIgnore]
    public ApplicationDatabaseHost? Host => Relationships?.Host?.Attributes;

    // The generated ToString would print the Password convenience property in clear text.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Id = ").Append(Id)
            .Append(", ServerId = ").Append(ServerId)
            .Append(", HostId = ").Append(HostId)
            .Append(", Database = ").Append(Database)
            .Append(", Username = ").Append(Username)
            .Append(", Remote = ").Append(Remote)
            .Append(", MaxConnections = ").Append(MaxConnections)
            .Append(", CreatedAt = ").Append(CreatedAt)
            .Append(", UpdatedAt = ").Append(UpdatedAt)
            .Append(", Relationships = ").Append(Relationships)
            .Append(", Password = ").Append(Password is null ? "(none)" : "***");
        return true;
    }
}

/// <summary>
/// A database password (object <c>database_password</c>; include <c>password</c>). A secret: <see cref="object.ToString"/>
/// does not print it.
/// </summary>
public sealed record ApplicationDatabasePassword
{
    /// <summary>The password.</summary>
    public string Password { get; set; } = "";

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Password = ***");
        return true;
    }
}

/// <summary>A database host (object <c>database_host</c>; include <c>host</c> of a server database).</summary>
public sealed record ApplicationDatabaseHost
{
    /// <summary>The host's id.</summary>
    public DatabaseHostId Id { get; set; }

    /// <summary>Display name.</summary>
    public string Name { get; set; } = "";

    /// <summary>Host name or IP of the database server.</summary>
    public string Host { get; set; } = "";

    /// <summary>Port.</summary>
    public int Port { get; set; }

    /// <summary>The panel's administrative user on that server.</summary>
    public string Username { get; set; } = "";

    /// <summary>The node it is linked to, or null (wire name <c>node</c>).</summary>
    [JsonPropertyName("node")]
    public NodeId? NodeId { get; set; }

    /// <summary>When the host was created.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the host was last changed.</summary>
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>The relationships a <c>server_database</c> may carry.</summary>
[JsonConverter(typeof(ApplicationDatabaseRelationshipsConverter))]
public sealed record ApplicationDatabaseRelationships
{
    /// <summary>With <c>include=password</c>.</summary>
    public RelatedItem<ApplicationDatabasePassword>? Password { get; set; }

    /// <summary>With <c>include=host</c> (<c>r_database_hosts</c>).</summary>
    public RelatedItem<ApplicationDatabaseHost>? Host { get; set; }
}

/// <summary>
/// Reads and writes <see cref="ApplicationDatabaseRelationships"/>; hand-written so that the JSON source generator emits no metadata for the
/// related wrappers (see RelatedJson), public so that other assemblies' contexts can use it too.
/// </summary>
public sealed class ApplicationDatabaseRelationshipsConverter : JsonConverter<ApplicationDatabaseRelationships>
{
    /// <inheritdoc/>
    public override ApplicationDatabaseRelationships Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = new ApplicationDatabaseRelationships();
        RelatedJson.StartObject(ref reader);
        while (RelatedJson.NextRelation(ref reader, out var name))
        {
            switch (name)
            {
                case "password":
                    value.Password = RelatedJson.ReadItem<ApplicationDatabasePassword>(ref reader, name, options);
                    break;
                case "host":
                    value.Host = RelatedJson.ReadItem<ApplicationDatabaseHost>(ref reader, name, options);
                    break;
                default:
                    RelatedJson.Skip(ref reader);
                    break;
            }
        }
        return value;
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, ApplicationDatabaseRelationships value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        RelatedJson.Write(writer, "password", value.Password, options);
        RelatedJson.Write(writer, "host", value.Host, options);
        writer.WriteEndObject();
    }
}

/// <summary>What <c>include=</c> may ask for on server database routes (see <see cref="IncludeQuery"/>).</summary>
[Flags]
public enum ApplicationDatabaseInclude
{
    /// <summary>Nothing.</summary>
    None = 0,

    /// <summary><c>password</c>.</summary>
    Password = 1,

    /// <summary><c>host</c>.</summary>
    Host = 2,
}
