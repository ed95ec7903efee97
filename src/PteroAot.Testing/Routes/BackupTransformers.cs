using System.Text.Json;
using PteroAot.Testing.Http;

namespace PteroAot.Testing.Routes;

/// <summary><c>Client\BackupTransformer</c> and the <c>signed_url</c> object, written with <see cref="Utf8JsonWriter"/>.</summary>
internal static class BackupTransformers
{
    /// <summary>A <c>backup</c>.</summary>
    public static void Backup(Utf8JsonWriter w, FakeBackup backup)
    {
        w.WriteStartObject();
        w.WriteString("object", "backup");
        w.WriteStartObject("attributes");
        w.WriteString("uuid", backup.Uuid.ToString());
        w.WriteBoolean("is_successful", backup.IsSuccessful);
        w.WriteBoolean("is_locked", backup.IsLocked);
        w.WriteString("name", backup.Name);
        w.WriteStartArray("ignored_files");
        foreach (var pattern in backup.IgnoredFiles)
        {
            w.WriteStringValue(pattern);
        }

        w.WriteEndArray();
        if (backup.Checksum is null)
        {
            w.WriteNull("checksum");
        }
        else
        {
            w.WriteString("checksum", backup.Checksum);
        }

        w.WriteNumber("bytes", backup.Bytes);
        w.WriteTimestamp("created_at", backup.CreatedAt);
        w.WriteTimestamp("completed_at", backup.CompletedAt);
        w.WriteEndObject();
        w.WriteEndObject();
    }
}
