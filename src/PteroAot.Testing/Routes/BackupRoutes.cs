using System.Globalization;
using System.Text.Json;
using PteroAot.Testing.Http;

namespace PteroAot.Testing.Routes;

/// <summary><c>/servers/{server}/backups</c>.</summary>
internal static class BackupRoutes
{
    private const string Base = "/api/client/servers/{server}/backups";

    /// <summary>Lifetime of a signed backup download URL (Wings: 15 minutes, single use).</summary>
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromMinutes(15);

    public static void Map(Router router)
    {
        router.Map("GET", Base, ApiArea.Client, List);
        router.Map("POST", Base, ApiArea.Client, Create);
        router.Map("GET", Base + "/{backup}", ApiArea.Client, View);
        router.Map("GET", Base + "/{backup}/download", ApiArea.Client, Download);
        router.Map("POST", Base + "/{backup}/lock", ApiArea.Client, ToggleLock);
        router.Map("POST", Base + "/{backup}/restore", ApiArea.Client, Restore);
        router.Map("DELETE", Base + "/{backup}", ApiArea.Client, Delete);
    }

    // Paginated (default 20, at most 50), newest last as the panel's query returns them; meta.backup_count counts
    // the backups that are not failed.
    private static Task List(ApiRequest r)
    {
        var server = ServerAccess.Resolve(r, "backup.read");
        var query = QueryString.Parse(r.Context.Request.QueryString.Value);
        var url = r.Panel.BaseUrl + r.Context.Request.Path.Value;
        byte[] body;
        lock (r.State.Gate)
        {
            server.SettleBackups(r.Now);
            var all = server.Backups.ToList();
            var page = Paginator.Create(query, all.Count, defaultPerPage: 20, maxPerPage: 50);
            var slice = all.Skip((page.CurrentPage - 1) * page.PerPage).Take(page.PerPage).ToList();
            var count = all.Count(b => b.IsNotFailed);
            body = JsonOut.Build(w =>
            {
                w.WriteStartObject();
                w.WriteString("object", "list");
                w.WriteStartArray("data");
                foreach (var backup in slice)
                {
                    BackupTransformers.Backup(w, backup);
                }

                w.WriteEndArray();
                Paginator.WriteMeta(w, page, slice.Count, url, query, extra => extra.WriteNumber("backup_count", count));
                w.WriteEndObject();
            });
        }

        return r.Json(200, w => w.WriteRawValue(body, skipInputValidation: true));
    }

    // StoreBackupRequest, then InitiateBackupService: the throttle first (429), then the limit (400).
    private static Task Create(ApiRequest r)
    {
        var server = ServerAccess.Resolve(r, "backup.create");
        var v = new Validation();
        var name = r.Input.IsMissing("name") ? null : r.Input.GetString("name");
        if (!r.Input.IsMissing("name") && name is null)
        {
            v.MustBeString("name");
        }
        else if (name is { Length: > 191 })
        {
            v.Add("name", "max", "The name may not be greater than 191 characters.");
        }

        var ignored = r.Input.IsMissing("ignored") ? null : r.Input.GetString("ignored");
        if (!r.Input.IsMissing("ignored") && ignored is null)
        {
            v.MustBeString("ignored");
        }

        bool locked = false;
        if (!r.Input.IsMissing("is_locked"))
        {
            if (AreaJson.StrictBoolean(r.Input, "is_locked") is { } b)
            {
                locked = b;
            }
            else
            {
                v.Add("is_locked", "boolean", "The is locked field must be true or false.");
            }
        }

        v.ThrowIfFailed();

        // The lock is only honoured when the user may also delete backups.
        locked = locked && r.State.HasPermission(r.User, server, "backup.delete");
        FakeBackup backup;
        lock (r.State.Gate)
        {
            var now = r.Now;
            server.SettleBackups(now);
            if (server.BackupThrottleLimit > 0 && server.BackupThrottlePeriod > TimeSpan.Zero)
            {
                var recent = server.BackupHistory.Where(b => b.IsNotFailed && b.CreatedAt > now - server.BackupThrottlePeriod).ToList();
                if (recent.Count >= server.BackupThrottleLimit)
                {
                    var period = (int)server.BackupThrottlePeriod.TotalSeconds;
                    var retry = (int)Math.Ceiling((recent.Max(b => b.CreatedAt) + server.BackupThrottlePeriod - now).TotalSeconds);
                    var error = new PanelException(429, "TooManyRequestsHttpException",
                        $"Only {server.BackupThrottleLimit.ToString(CultureInfo.InvariantCulture)} backups may be generated within a {period.ToString(CultureInfo.InvariantCulture)} second span of time.");
                    error.Headers["Retry-After"] = Math.Max(retry, 0).ToString(CultureInfo.InvariantCulture);
                    throw error;
                }
            }

            var limit = server.BackupLimit ?? 0;
            if (limit <= 0 || server.Backups.Count(b => b.IsNotFailed) >= limit)
            {
                throw new PanelException(400, "TooManyBackupsException",
                    $"Cannot create a new backup, this server has reached its limit of {limit.ToString(CultureInfo.InvariantCulture)} backups.");
            }

            var patterns = (ignored ?? "").Split('\n').Select(p => p.TrimEnd('\r')).Where(p => p.Length > 0).ToArray();
            var finalName = string.IsNullOrEmpty(name) ? "Backup at " + now.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : name;
            backup = new FakeBackup(Guid.NewGuid(), finalName, patterns, locked, server.FailNewBackups, now);
            server.Backups.Add(backup);
            server.BackupHistory.Add(backup);
        }

        r.Activity("server:backup.start", new() { ["name"] = backup.Name });
        return AreaJson.Locked(r, 200, w => BackupTransformers.Backup(w, backup));
    }

    private static Task View(ApiRequest r)
    {
        var (server, backup) = Bind(r);
        AreaJson.Authorize(r, server, "backup.read");
        return AreaJson.Locked(r, 200, w => BackupTransformers.Backup(w, backup));
    }

    // Wings disk: a single-use URL on the node, valid 15 minutes.
    private static Task Download(ApiRequest r)
    {
        var (server, backup) = Bind(r);
        AreaJson.Authorize(r, server, "backup.download");
        var token = FakePanelState.RandomString(48);
        lock (r.State.Gate)
        {
            server.BackupTokens[token] = (backup, r.Now + TokenLifetime);
        }

        var url = r.Panel.Url + "daemon/download/backup?token=" + token;
        r.Activity("server:backup.download", new() { ["name"] = backup.Name });
        return r.Json(200, w => ClientTransformers.SignedUrl(w, url));
    }

    private static Task ToggleLock(ApiRequest r)
    {
        var (server, backup) = Bind(r);
        AreaJson.Authorize(r, server, "backup.delete");
        lock (r.State.Gate)
        {
            backup.IsLocked = !backup.IsLocked;
        }

        r.Activity(backup.IsLocked ? "server:backup.lock" : "server:backup.unlock", new() { ["name"] = backup.Name });
        return AreaJson.Locked(r, 200, w => BackupTransformers.Backup(w, backup));
    }

    // RestoreBackupRequest (truncate required|boolean); the fake finishes the restore at once (the server's status
    // does not stay restoring_backup), recording it on the server.
    private static Task Restore(ApiRequest r)
    {
        var (server, backup) = Bind(r);
        AreaJson.Authorize(r, server, "backup.restore");
        var v = new Validation();
        bool truncate = false;
        if (r.Input.IsMissing("truncate"))
        {
            v.Required("truncate");
        }
        else if (AreaJson.StrictBoolean(r.Input, "truncate") is { } t)
        {
            truncate = t;
        }
        else
        {
            v.Add("truncate", "boolean", "The truncate field must be true or false.");
        }

        v.ThrowIfFailed();
        lock (r.State.Gate)
        {
            if (server.Status is not null)
            {
                throw PanelException.BadRequest("This server is not currently in a state that allows for a backup to be restored.");
            }

            if (!backup.IsSuccessful)
            {
                throw PanelException.BadRequest("This backup cannot be restored at this time: not completed or failed.");
            }

            server.RestoreCount++;
            server.LastRestoredBackup = backup;
            server.LastRestoreTruncated = truncate;
        }

        r.Activity("server:backup.restore", new() { ["name"] = backup.Name, ["truncate"] = truncate ? "true" : "false" });
        return r.NoContent();
    }

    private static Task Delete(ApiRequest r)
    {
        var (server, backup) = Bind(r);
        AreaJson.Authorize(r, server, "backup.delete");
        lock (r.State.Gate)
        {
            if (backup.IsLocked)
            {
                throw new PanelException(400, "BackupLockedException", "Cannot delete a backup that is marked as locked.");
            }

            server.Backups.Remove(backup);
            backup.Deleted = true;
            foreach (var key in server.BackupTokens.Where(kv => kv.Value.Backup == backup).Select(kv => kv.Key).ToList())
            {
                server.BackupTokens.Remove(key);
            }
        }

        r.Activity("server:backup.delete", new() { ["name"] = backup.Name });
        return r.NoContent();
    }

    // Route binding: an unknown UUID is the generic 404; another server's backup is the sub-resource 404.
    private static (FakeServer Server, FakeBackup Backup) Bind(ApiRequest r)
    {
        var server = ServerAccess.Resolve(r);
        var text = r.RouteValues.TryGetValue("backup", out var value) ? value : "";
        if (!Guid.TryParseExact(text, "D", out var uuid))
        {
            throw PanelException.NotFound();
        }

        lock (r.State.Gate)
        {
            server.SettleBackups(r.Now);
            if (server.Backups.FirstOrDefault(b => b.Uuid == uuid) is { } own)
            {
                return (server, own);
            }

            throw r.State.Servers.Any(s => s.Backups.Any(b => b.Uuid == uuid)) ? ServerAccess.SubResourceNotFound() : PanelException.NotFound();
        }
    }
}
