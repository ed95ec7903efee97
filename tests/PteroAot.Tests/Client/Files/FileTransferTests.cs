using System.Net;
using System.Security.Cryptography;
using PteroAot.Tests.Support;

namespace PteroAot.Tests.Client.Files;

public class FileTransferTests
{
    private const int FourMiB = 4 * 1024 * 1024;

    [Test]
    public async Task Upload_streams_a_multi_megabyte_file_that_arrives_byte_identical()
    {
        await using var t = await TestPanel.StartAsync();
        var fake = TestServers.Survival(t.Panel);
        var server = TestServers.Id(fake);
        using var source = new PseudoRandomStream(FourMiB + 12345);
        var progress = new SyncProgress();

        var sent = await t.Client.Files.UploadAsync(server, "/plugins", source, "big.bin", progress);

        await Assert.That(sent).IsEqualTo(FourMiB + 12345L);
        await Assert.That(progress.Reports.Count).IsGreaterThan(10);
        await Assert.That(progress.Reports[^1]).IsEqualTo(new Transfers.TransferProgress(FourMiB + 12345L, FourMiB + 12345L));
        var onDisk = Path.Combine(fake.FilesDirectory!, "plugins", "big.bin");
        await using (var file = File.OpenRead(onDisk))
            await Assert.That(Convert.ToHexString(await SHA256.HashDataAsync(file))).IsEqualTo(Convert.ToHexString(source.Sha256()));
        // Multipart with a known length: Content-Length sent, no panel key, directory in the query.
        var upload = t.Panel.Requests.Single(r => r.Path == "/daemon/upload/file");
        await Assert.That(upload.Header("Content-Length")).IsNotNull();
        await Assert.That(upload.Header("Content-Type")).StartsWith("multipart/form-data");
        await Assert.That(upload.Header("Authorization")).IsNull();
        await Assert.That(upload.PathAndQuery).Contains("directory=%2Fplugins");
        var listed = (await t.Client.Files.ListAsync(server, "/plugins")).Items.Single(f => f.Name == "big.bin");
        await Assert.That(listed.Size).IsEqualTo(FourMiB + 12345L);
    }

    [Test]
    public async Task Upload_of_a_non_seekable_stream_goes_chunked_and_arrives_whole()
    {
        await using var t = await TestPanel.StartAsync();
        var fake = TestServers.Survival(t.Panel);
        var data = RandomNumberGenerator.GetBytes(300_000);
        await using var pipeSource = new NonSeekable(new MemoryStream(data));

        await t.Client.Files.UploadAsync(TestServers.Id(fake), "/", pipeSource, "stream.bin");

        await Assert.That(File.ReadAllBytes(Path.Combine(fake.FilesDirectory!, "stream.bin"))).IsEquivalentTo(data);
        await Assert.That(t.Panel.Requests.Single(r => r.Path == "/daemon/upload/file").Header("Content-Length")).IsNull();
    }

    [Test]
    public async Task UploadFile_and_DownloadToFile_round_trip_with_progress_reaching_the_total()
    {
        await using var t = await TestPanel.StartAsync();
        var server = TestServers.Id(TestServers.Survival(t.Panel));
        using var dir = new TempDir();
        var data = RandomNumberGenerator.GetBytes(1_500_000);
        await File.WriteAllBytesAsync(dir.File("world.zip"), data);

        await t.Client.Files.UploadFileAsync(server, "/backups", dir.File("world.zip"));
        var progress = new SyncProgress();
        var written = await t.Client.Files.DownloadToFileAsync(server, "/backups/world.zip", dir.File("copy.zip"), progress);

        await Assert.That(written).IsEqualTo(data.Length);
        await Assert.That(await File.ReadAllBytesAsync(dir.File("copy.zip"))).IsEquivalentTo(data);
        await Assert.That(progress.Reports[^1].BytesTransferred).IsEqualTo(data.Length);
        await Assert.That(progress.Reports[^1].TotalBytes).IsEqualTo(data.Length);
        await Assert.That(progress.Reports[^1].Fraction).IsEqualTo(1.0);
        await Assert.That(Directory.GetFiles(dir.Path).Select(p => Path.GetFileName(p)!)).IsEquivalentTo(["world.zip", "copy.zip"]);
        var download = t.Panel.Requests.Single(r => r.Path == "/daemon/download/file");
        await Assert.That(download.Header("Authorization")).IsNull();
    }

    [Test]
    public async Task Cancelling_mid_download_leaves_no_file_and_no_partial()
    {
        await using var t = await TestPanel.StartAsync();
        var server = TestServers.Id(TestServers.Survival(t.Panel));
        using (var source = new PseudoRandomStream(16 * 1024 * 1024))
            await t.Client.Files.UploadAsync(server, "/", source, "large.bin");
        using var dir = new TempDir();
        using var cts = new CancellationTokenSource();
        var progress = new SyncProgress(p =>
        {
            if (p.BytesTransferred >= 1024 * 1024)
                cts.Cancel();
        });

        await Assert.ThrowsAsync<OperationCanceledException>(() =>
            t.Client.Files.DownloadToFileAsync(server, "/large.bin", dir.File("large.bin"), progress, cts.Token));

        await Assert.That(progress.Reports[^1].BytesTransferred).IsLessThan(16L * 1024 * 1024);
        await Assert.That(Directory.GetFileSystemEntries(dir.Path)).IsEmpty();
    }

    [Test]
    public async Task A_download_whose_connection_drops_halfway_throws_transport_and_leaves_no_file()
    {
        await using var t = await TestPanel.StartAsync();
        var fake = TestServers.Survival(t.Panel);
        var server = TestServers.Id(fake);
        using (var source = new PseudoRandomStream(4 * 1024 * 1024))
            await t.Client.Files.UploadAsync(server, "/", source, "half.bin");
        fake.DropDownloadsAfterBytes = 2 * 1024 * 1024;
        using var dir = new TempDir();
        File.WriteAllText(dir.File("half.bin"), "previous version");

        var ex = await Assert.ThrowsAsync<PteroTransportException>(() => t.Client.Files.DownloadToFileAsync(server, "/half.bin", dir.File("half.bin")));

        await Assert.That(ex!.Message).Contains("broke off");
        // The earlier file is untouched and no .partial is left.
        await Assert.That(Directory.GetFileSystemEntries(dir.Path).Select(p => Path.GetFileName(p)!)).IsEquivalentTo(["half.bin"]);
        await Assert.That(File.ReadAllText(dir.File("half.bin"))).IsEqualTo("previous version");
    }

    [Test]
    public async Task Signed_urls_are_single_use_and_refuse_unknown_tokens_like_wings()
    {
        await using var t = await TestPanel.StartAsync();
        var server = TestServers.Id(TestServers.Survival(t.Panel));
        var url = (await t.Client.Files.GetDownloadUrlAsync(server, "/eula.txt")).Url;
        await Assert.That(url).StartsWith(t.Panel.Url + "daemon/download/file?token=");
        using var http = new HttpClient();

        using (var first = await http.GetAsync(url))
        {
            await Assert.That(first.StatusCode).IsEqualTo(HttpStatusCode.OK);
            await Assert.That(first.Content.Headers.ContentDisposition!.DispositionType).IsEqualTo("attachment");
        }
        using (var again = await http.GetAsync(url))
            await Assert.That(again.StatusCode).IsEqualTo(HttpStatusCode.NotFound);
        using (var wrong = await http.GetAsync(t.Panel.Url + "daemon/download/file?token=nope"))
        {
            await Assert.That(wrong.StatusCode).IsEqualTo(HttpStatusCode.Forbidden);
            await Assert.That(await wrong.Content.ReadAsStringAsync()).StartsWith("{\"error\":");
        }
        using (var missing = await http.GetAsync(t.Panel.Url + "daemon/download/file"))
            await Assert.That(missing.StatusCode).IsEqualTo(HttpStatusCode.Unauthorized);
        var uploadUrl = (await t.Client.Files.GetUploadUrlAsync(server)).Url;
        await Assert.That(uploadUrl).StartsWith(t.Panel.Url + "daemon/upload/file?token=");
    }

    [Test]
    public async Task Signed_urls_expire_after_fifteen_minutes()
    {
        var clock = new SkippingTimeProvider();
        await using var t = await TestPanel.StartAsync(new Testing.FakePanelOptions { TimeProvider = clock });
        var server = TestServers.Id(TestServers.Survival(t.Panel));
        var url = (await t.Client.Files.GetDownloadUrlAsync(server, "/eula.txt")).Url;
        await Task.Delay(TimeSpan.FromMinutes(16), clock);
        using var http = new HttpClient();

        using var expired = await http.GetAsync(url);

        await Assert.That(expired.StatusCode).IsEqualTo(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task An_upload_over_the_nodes_size_limit_is_refused_with_400_and_not_kept()
    {
        await using var t = await TestPanel.StartAsync();
        var fake = TestServers.Survival(t.Panel);
        fake.UploadSizeLimitBytes = 1024 * 1024;
        using var source = new PseudoRandomStream(2 * 1024 * 1024);

        var ex = await Assert.ThrowsAsync<PteroApiException>(() => t.Client.Files.UploadAsync(TestServers.Id(fake), "/", source, "too-big.bin"));

        await Assert.That(ex!.StatusCode).IsEqualTo(HttpStatusCode.BadRequest);
        await Assert.That(File.Exists(Path.Combine(fake.FilesDirectory!, "too-big.bin"))).IsFalse();
    }

    [Test]
    public async Task The_panels_temporary_file_tree_is_deleted_when_the_panel_stops()
    {
        var t = await TestPanel.StartAsync();
        var fake = TestServers.Survival(t.Panel);
        await t.Client.Files.ListAsync(TestServers.Id(fake));
        var directory = fake.FilesDirectory!;
        await Assert.That(Directory.Exists(directory)).IsTrue();

        await t.DisposeAsync();

        await Assert.That(Directory.Exists(directory)).IsFalse();
        await Assert.That(Directory.Exists(Path.GetDirectoryName(directory)!)).IsFalse();
    }

    private sealed class NonSeekable(Stream inner) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => inner.ReadAsync(buffer, cancellationToken);
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
