using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PteroAot.Databases;

/// <summary>A server's database (object <c>server_database</c>).</summary>
public sealed record ServerDatabase
{
    /// <summary>The hashid to address it with (<c>/databases/{database}</c>).</summary>
    public DatabaseId Id { get; set; }

    /// <summary>The database host.</summary>
    public DatabaseHost Host { get; set; } = new();

    /// <summary>The full name, with the <c>s{server id}_</c> prefix.</summary>
    public string Name { get; set; } = "";

    /// <summary>The login name (<c>u{server id}_...</c>).</summary>
    public string Username { get; set; } = "";

    /// <summary>Where connections may come from, e.g. <c>%</c>.</summary>
    public string ConnectionsFrom { get; set; } = "";

    /// <summary>Maximum connections (0 or null = unlimited).</summary>
    public int? MaxConnections { get; set; }

    /// <summary>The included relationships (<c>password</c>).</summary>
    public DatabaseRelationships? Relationships { get; set; }

    /// <summary>The password when it was included and the key may view it; otherwise null.</summary>
    [JsonIgnore]
    public string? Password => Relationships?.Password?.Attributes?.Password;

    // Never print the password.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Id = ").Append(Id.Value).Append(", Name = ").Append(Name).Append(", Username = ").Append(Username)
            .Append(", Host = ").Append(Host.Address).Append(':').Append(Host.Port).Append(", ConnectionsFrom = ").Append(ConnectionsFrom)
            .Append(", MaxConnections = ").Append(MaxConnections).Append(", Password = ").Append(Password is null ? "(none)" : "***");
        return true;
    }
}

/// <summary>Where a database lives.</summary>
public sealed record DatabaseHost
{
    /// <summary>Host address.</summary>
    public string Address { get; set; } = "";

    /// <summary>Port.</summary>
    public int Port { get; set; }
}

/// <summary>The relationships of a <see cref="ServerDatabase"/>.</summary>
[JsonConverter(typeof(DatabaseRelationshipsConverter))]
public sealed class DatabaseRelationships
{
    /// <summary>The password (<c>database_password</c>), or a <c>null_resource</c> without <c>database.view_password</c>.</summary>
    public RelatedItem<DatabasePassword>? Password { get; set; }

    /// <summary>Never shows the password.</summary>
    public override string ToString() => "DatabaseRelationships { Password = *** }";
}

/// <summary>
/// Reads and writes <see cref="DatabaseRelationships"/>; hand-written so that the JSON source generator emits no metadata for the
/// related wrappers (see RelatedJson), public so that other assemblies' contexts can use it too.
/// </summary>
public sealed class DatabaseRelationshipsConverter : JsonConverter<DatabaseRelationships>
{
    /// <inheritdoc/>
    public override DatabaseRelationships Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = new DatabaseRelationships();
        RelatedJson.StartObject(ref reader);
        while (RelatedJson.NextRelation(ref reader, out var name))
        {
            switch (name)
            {
                case "password":
                    value.Password = RelatedJson.ReadItem<DatabasePassword>(ref reader, name, options);
                    break;
                default:
                    RelatedJson.Skip(ref reader);
                    break;
            }
        }
        return value;
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, DatabaseRelationships value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        RelatedJson.Write(writer, "password", value.Password, options);
        writer.WriteEndObject();
    }
}

/// <summary>A database password (object <c>database_password</c>).</summary>
public sealed class DatabasePassword
{
    /// <summary>The password.</summary>
    public string Password { get; set; } = "";

    /// <summary>Never shows the password.</summary>
    public override string ToString() => "DatabasePassword { Password = *** }";
}

/// <summary>Body of <c>POST .../databases</c>.</summary>
public sealed class CreateDatabaseRequest
{
    /// <summary>The name without prefix (<c>alpha_dash</c>, 3-48 characters).</summary>
    public required string Database { get; init; }

    /// <summary>Where connections may come from, e.g. <c>%</c>.</summary>
    public required string Remote { get; init; }
}
