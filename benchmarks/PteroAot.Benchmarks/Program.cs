using BenchmarkDotNet.Running;

if (args is ["--check"])
    return await PteroAot.Benchmarks.Check.RunAsync();
if (args is ["--time-list"])
    return await PteroAot.Benchmarks.TimeList.RunAsync();
if (args is ["--bytes"])
    return await PteroAot.Benchmarks.Bytes.RunAsync();

// peers.sh: list every server of PTERO_URL/PTERO_TOKEN with the SDK and print how many came back.
if (args is ["--list-all"])
{
    using var client = new PteroAot.PteroClient(Environment.GetEnvironmentVariable("PTERO_URL")!, Environment.GetEnvironmentVariable("PTERO_TOKEN")!);
    var count = 0;
    await foreach (var server in client.Servers.EnumerateAsync())
        count++;
    Console.WriteLine(count);
    return 0;
}

// BenchmarkDotNet exits 0 even when a benchmark fails; turn any failure into a non-zero exit.
var summaries = BenchmarkSwitcher.FromAssembly(typeof(PteroAot.Benchmarks.AccountBenchmarks).Assembly).Run(args);
var failed = summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Length == 0 || s.Reports.Any(r => !r.Success));
return failed ? 1 : 0;
