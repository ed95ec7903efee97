using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using PteroAot.Testing.Http;

namespace PteroAot.Testing.Routes;

/// <summary>The panel's client API transformers, written with <see cref="Utf8JsonWriter"/>.</summary>
internal static class ClientTransformers
{
    /// <summary><c>Client\AccountTransformer</c>.</summary>
    public static void Account(Utf8JsonWriter w, FakeUser user)
    {
        w.WriteStartObject();
        w.WriteString("object", "user");
        w.WriteStartObject("attributes");
        w.WriteNumber("id", user.Id);
        w.WriteBoolean("admin", user.Admin);
        w.WriteString("username", user.Username);
        w.WriteString("email", user.Email);
        w.WriteString("first_name", user.FirstName);
        w.WriteString("last_name", user.LastName);
        w.WriteString("language", user.Language);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary><c>Client\UserTransformer</c> (activity actor).</summary>
    public static void ActorUser(Utf8JsonWriter w, FakeUser user)
    {
        w.WriteStartObject();
        w.WriteString("object", "user");
        w.WriteStartObject("attributes");
        w.WriteString("uuid", user.Uuid.ToString());
        w.WriteString("username", user.Username);
        w.WriteString("email", user.Email);
        w.WriteString("image", Gravatar(user.Email));
        w.WriteBoolean("2fa_enabled", user.TwoFactorEnabled);
        w.WriteTimestamp("created_at", user.CreatedAt);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    public static string Gravatar(string email) =>
        "https://gravatar.com/avatar/" + Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(email.ToLowerInvariant())));

    /// <summary><c>Client\ApiKeyTransformer</c>; the create response adds <c>meta.secret_token</c>.</summary>
    public static void ApiKey(Utf8JsonWriter w, FakeApiKey key, string? secretToken = null)
    {
        w.WriteStartObject();
        w.WriteString("object", "api_key");
        w.WriteStartObject("attributes");
        w.WriteString("identifier", key.Identifier);
        w.WriteString("description", key.Description);
        w.WriteStartArray("allowed_ips");
        foreach (var ip in key.AllowedIps)
        {
            w.WriteStringValue(ip);
        }

        w.WriteEndArray();
        w.WriteTimestamp("last_used_at", key.LastUsedAt);
        w.WriteTimestamp("created_at", key.CreatedAt);
        w.WriteEndObject();
        if (secretToken is not null)
        {
            w.WriteStartObject("meta");
            w.WriteString("secret_token", secretToken);
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    /// <summary><c>Client\UserSSHKeyTransformer</c>.</summary>
    public static void SshKey(Utf8JsonWriter w, FakeSshKey key)
    {
        w.WriteStartObject();
        w.WriteString("object", "ssh_key");
        w.WriteStartObject("attributes");
        w.WriteString("name", key.Name);
        w.WriteString("fingerprint", key.Fingerprint);
        w.WriteString("public_key", key.PublicKey);
        w.WriteTimestamp("created_at", key.CreatedAt);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary><c>Client\ActivityLogTransformer</c>.</summary>
    public static void Activity(Utf8JsonWriter w, FakeActivity entry, FakeUser viewer, bool includeActor)
    {
        var canSeeIp = viewer.Admin || (entry.Actor is not null && entry.Actor.Id == viewer.Id);
        w.WriteStartObject();
        w.WriteString("object", "activity_log");
        w.WriteStartObject("attributes");
        w.WriteString("id", entry.Id);
        if (entry.Batch is { } batch)
        {
            w.WriteString("batch", batch.ToString());
        }
        else
        {
            w.WriteNull("batch");
        }

        w.WriteString("event", entry.Event);
        w.WriteBoolean("is_api", entry.IsApi);
        if (canSeeIp && entry.Ip is not null)
        {
            w.WriteString("ip", entry.Ip);
        }
        else
        {
            w.WriteNull("ip");
        }

        w.WriteNull("description");
        w.WriteStartObject("properties");
        foreach (var (name, value) in entry.Properties)
        {
            w.WriteString(name, name == "ip" && !canSeeIp ? "[hidden]" : value);
        }

        w.WriteEndObject();
        w.WriteBoolean("has_additional_metadata", false);
        w.WriteTimestamp("timestamp", entry.Timestamp);
        if (includeActor)
        {
            w.WriteStartObject("relationships");
            w.WritePropertyName("actor");
            if (entry.Actor is { } actor)
            {
                ActorUser(w, actor);
            }
            else
            {
                NullResource(w);
            }

            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    public static void NullResource(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteString("object", "null_resource");
        w.WriteNull("attributes");
        w.WriteEndObject();
    }

    public static void List<T>(Utf8JsonWriter w, IEnumerable<T> items, Action<Utf8JsonWriter, T> item)
    {
        w.WriteStartObject();
        w.WriteString("object", "list");
        w.WriteStartArray("data");
        foreach (var i in items)
        {
            item(w, i);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>A <c>signed_url</c> item (file and backup downloads, file uploads).</summary>
    public static void SignedUrl(Utf8JsonWriter w, string url)
    {
        w.WriteStartObject();
        w.WriteString("object", "signed_url");
        w.WriteStartObject("attributes");
        w.WriteString("url", url);
        w.WriteEndObject();
        w.WriteEndObject();
    }
}
