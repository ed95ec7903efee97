using BenchmarkDotNet.Running;

if (args is ["--check"])
    return await PteroAot.Benchmarks.Check.RunAsync();

// BenchmarkDotNet exits 0 even when a benchmark fails; turn any failure into a non-zero exit.
var summaries = BenchmarkSwitcher.FromAssembly(typeof(PteroAot.Benchmarks.AccountBenchmarks).Assembly).Run(args);
var failed = summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Length == 0 || s.Reports.Any(r => !r.Success));
return failed ? 1 : 0;
