using System.Buffers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using PteroAot.Testing.Http;

namespace PteroAot.Testing.Routes.Daemon;

/// <summary>
/// The signed file download and upload URLs (Wings' <c>/download/file</c> and <c>/upload/file</c>), under <c>/daemon/</c>.
/// Both stream between the socket and the server's directory on disk in fixed-size chunks.
/// </summary>
internal static class FileDaemonRoutes
{
    private const int ChunkSize = 81920;

    public static void Map(DaemonRouter daemon)
    {
        daemon.Map("GET", "/daemon/download/file", Download);
        daemon.Map("POST", "/daemon/upload/file", Upload);
    }

    private static async Task Download(DaemonRequest r)
    {
        var store = FileStore.Of(r.Panel, r.Context);
        var (token, status, error) = store.Redeem(r.Context.Request.Query["token"].ToString(), "download", r.State.Now);
        if (token is null)
        {
            await r.Error(status, error).ConfigureAwait(false);
            return;
        }

        var root = store.RootOf(token.Server);
        var (full, _) = FileStore.Resolve(root, token.RelativePath);
        if (!File.Exists(full))
        {
            await r.Error(404, "The requested resource was not found on this server.").ConfigureAwait(false);
            return;
        }

        var response = r.Context.Response;
        await using var file = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
        long length = file.Length;
        response.StatusCode = 200;
        response.ContentType = "application/octet-stream";
        response.ContentLength = length;
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(Path.GetFileName(full));
        response.Headers.ContentDisposition = disposition.ToString();

        long? dropAfter = token.Server.DropDownloadsAfterBytes;
        var ct = r.Context.RequestAborted;
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            long sent = 0;
            while (true)
            {
                int want = ChunkSize;
                if (dropAfter is { } limit)
                {
                    if (sent >= limit)
                    {
                        await response.Body.FlushAsync(ct).ConfigureAwait(false);
                        r.Context.Abort();
                        return;
                    }

                    want = (int)Math.Min(want, limit - sent);
                }

                int read = await file.ReadAsync(buffer.AsMemory(0, want), ct).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                await response.Body.WriteAsync(buffer.AsMemory(0, read), ct).ConfigureAwait(false);
                sent += read;
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The client went away.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static async Task Upload(DaemonRequest r)
    {
        var context = r.Context;
        var store = FileStore.Of(r.Panel, context);
        var (token, status, error) = store.Redeem(context.Request.Query["token"].ToString(), "upload", r.State.Now);
        if (token is null)
        {
            await r.Error(status, error).ConfigureAwait(false);
            return;
        }

        // Wings has no body size limit of its own here (only the per-file upload_size).
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = null;
        }

        var server = token.Server;
        var root = store.RootOf(server);
        var (dir, _) = FileStore.Resolve(root, context.Request.Query["directory"].ToString() is { Length: > 0 } d ? d : "/");
        if (!MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value is not { Length: > 0 } boundary)
        {
            await r.Error(400, "The request is not multipart/form-data.").ConfigureAwait(false);
            return;
        }

        var reader = new MultipartReader(boundary, context.Request.Body) { BodyLengthLimit = null };
        var ct = context.RequestAborted;
        string? failure = null;
        int files = 0;
        try
        {
            for (var section = await reader.ReadNextSectionAsync(ct).ConfigureAwait(false); section is not null;
                 section = await reader.ReadNextSectionAsync(ct).ConfigureAwait(false))
            {
                var fileSection = section.AsFileSection();
                if (fileSection is null || fileSection.Name != "files" || string.IsNullOrEmpty(fileSection.FileName))
                {
                    await section.Body.CopyToAsync(Stream.Null, ct).ConfigureAwait(false); // other fields are ignored
                    continue;
                }

                var name = Path.GetFileName(fileSection.FileName.Replace('\\', '/'));
                var (target, relative) = FileStore.Resolve(root, Path.GetRelativePath(root, Path.Combine(dir, name)));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                var temp = Path.Combine(Path.GetDirectoryName(target)!, ".upload-" + Guid.NewGuid().ToString("N"));
                long written = await CopyToFileAsync(section.Body, temp, ct).ConfigureAwait(false);
                if (server.UploadSizeLimitBytes is { } max && written > max)
                {
                    File.Delete(temp);
                    failure ??= $"File {name} is larger than the maximum file upload size of {max / (1024 * 1024)} MB.";
                    continue;
                }

                File.Move(temp, target, overwrite: true);
                lock (server.FilesGate)
                {
                    server.FileModes.Remove(relative);
                }

                files++;
            }
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or BadHttpRequestException or OperationCanceledException)
        {
            // A broken or cancelled body: nothing is kept (the temp file is gone), and there is nobody to answer.
            if (!ct.IsCancellationRequested)
            {
                await r.Error(400, "The upload was broken off: " + ex.Message).ConfigureAwait(false);
            }

            return;
        }

        if (failure is not null)
        {
            await r.Error(400, failure).ConfigureAwait(false);
            return;
        }

        if (files == 0)
        {
            await r.Error(400, "No files were attached to the request.").ConfigureAwait(false);
            return;
        }

        context.Response.StatusCode = 200;
    }

    private static async Task<long> CopyToFileAsync(Stream source, string path, CancellationToken ct)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        long written = 0;
        try
        {
            await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous);
            while (true)
            {
                int read = await source.ReadAsync(buffer.AsMemory(0, ChunkSize), ct).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                await file.WriteAsync(buffer.AsMemory(0, read), ct).ConfigureAwait(false);
                written += read;
            }

            return written;
        }
        catch
        {
            File.Delete(path);
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
