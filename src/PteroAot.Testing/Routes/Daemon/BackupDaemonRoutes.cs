using Microsoft.Net.Http.Headers;
using PteroAot.Testing.Http;

namespace PteroAot.Testing.Routes.Daemon;

/// <summary>The signed backup download URL (Wings' <c>/download/backup</c>), under <c>/daemon/</c>.</summary>
internal static class BackupDaemonRoutes
{
    private const int ChunkSize = 81920;

    public static void Map(DaemonRouter daemon)
    {
        daemon.Map("GET", "/daemon/download/backup", Download);
    }

    // Single-use token, 15 minutes; streams the archive in chunks with Content-Length and a tar.gz file name.
    private static async Task Download(DaemonRequest r)
    {
        var token = r.Context.Request.Query["token"].ToString();
        if (string.IsNullOrEmpty(token))
        {
            await r.Error(401, "The required authorization heads were not present in the request.").ConfigureAwait(false);
            return;
        }

        FakeBackup? backup = null;
        byte[] content = [];
        string? failure = null;
        lock (r.State.Gate)
        {
            foreach (var server in r.State.Servers)
            {
                if (!server.BackupTokens.Remove(token, out var entry))
                {
                    continue;
                }

                if (r.State.Now >= entry.ExpiresAt)
                {
                    failure = "You are not authorized to access this endpoint: the token has expired.";
                    break;
                }

                server.SettleBackups(r.State.Now);
                backup = entry.Backup;
                content = backup.Content;
                if (backup.ServeCorrupted && content.Length > 0)
                {
                    content = (byte[])content.Clone();
                    content[content.Length / 2] ^= 0xFF;
                }

                break;
            }
        }

        if (failure is not null || backup is null)
        {
            await r.Error(403, failure ?? "You are not authorized to access this endpoint: the token is not valid.").ConfigureAwait(false);
            return;
        }

        if (!backup.IsSuccessful)
        {
            await r.Error(404, "The requested backup was not found on this server.").ConfigureAwait(false);
            return;
        }

        var response = r.Context.Response;
        response.StatusCode = 200;
        response.ContentType = "application/octet-stream";
        response.ContentLength = content.Length;
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(backup.Uuid.ToString("D") + ".tar.gz");
        response.Headers.ContentDisposition = disposition.ToString();
        var ct = r.Context.RequestAborted;
        try
        {
            for (var offset = 0; offset < content.Length; offset += ChunkSize)
            {
                await response.Body.WriteAsync(content.AsMemory(offset, Math.Min(ChunkSize, content.Length - offset)), ct).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The client went away.
        }
    }
}
