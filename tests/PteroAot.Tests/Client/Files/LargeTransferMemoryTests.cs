using System.Diagnostics;
using PteroAot.Tests.Support;

namespace PteroAot.Tests.Client.Files;

/// <summary>
/// A 256 MiB upload and download through the SDK (and the in-process fake panel on the other end) must stream:
/// the process's working set may grow by far less than the file. The data is generated on the fly and hashed
/// while streaming on both sides; the working set is sampled during the transfer.
/// </summary>
[NotInParallel("large-transfer")]
[Category("LargeTransfer")]
public class LargeTransferMemoryTests
{
    private const long Size = 256L * 1024 * 1024;
    private const long MaxGrowth = 96L * 1024 * 1024;

    [Test]
    public async Task A_256_MiB_upload_and_download_stream_without_holding_the_file_in_memory()
    {
        await using var t = await TestPanel.StartAsync();
        var fake = TestServers.Survival(t.Panel);
        fake.UploadSizeLimitBytes = null;
        var server = TestServers.Id(fake);
        await t.Client.Files.ListAsync(server); // warm up the connection, JIT and the panel

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        long baseline = process.WorkingSet64;
        long peakBefore = process.PeakWorkingSet64;
        long maxSeen = baseline;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            using var p = Process.GetCurrentProcess();
            while (!stop.IsCancellationRequested)
            {
                p.Refresh();
                maxSeen = Math.Max(maxSeen, p.WorkingSet64);
                try { await Task.Delay(20, stop.Token); } catch (OperationCanceledException) { }
            }
        });

        var clock = Stopwatch.StartNew();
        using var source = new PseudoRandomStream(Size);
        var sent = await t.Client.Files.UploadAsync(server, "/", source, "huge.bin");
        var uploadTime = clock.Elapsed;
        await using var sink = new HashingSink();
        var progress = new SyncProgress();
        var received = await t.Client.Files.DownloadAsync(server, "/huge.bin", sink, progress);
        var total = clock.Elapsed;

        await stop.CancelAsync();
        await sampler;
        process.Refresh();
        long peakAfter = process.PeakWorkingSet64;
        long growth = maxSeen - baseline;
        Console.WriteLine($"256 MiB transfer: upload {uploadTime.TotalSeconds:F1} s, download {(total - uploadTime).TotalSeconds:F1} s, total {total.TotalSeconds:F1} s; " +
                          $"working set baseline {baseline / 1048576} MiB, max sampled {maxSeen / 1048576} MiB (growth {growth / 1048576} MiB); " +
                          $"PeakWorkingSet64 {peakBefore / 1048576} -> {peakAfter / 1048576} MiB (delta {(peakAfter - peakBefore) / 1048576} MiB)");

        await Assert.That(sent).IsEqualTo(Size);
        await Assert.That(received).IsEqualTo(Size);
        await Assert.That(Convert.ToHexString(sink.Sha256())).IsEqualTo(Convert.ToHexString(source.Sha256()));
        await Assert.That(progress.Reports[^1].BytesTransferred).IsEqualTo(Size);
        await Assert.That(growth).IsLessThan(MaxGrowth);
        await Assert.That(peakAfter - peakBefore).IsLessThan(MaxGrowth);
    }
}
