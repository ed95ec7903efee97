namespace PteroAot.Benchmarks;

/// <summary>
/// <c>--bytes</c>: allocated bytes per call of every in-memory variant, from <see cref="GC.GetTotalAllocatedBytes(bool)"/>
/// deltas over many calls after a warm-up (seconds, where a BenchmarkDotNet run takes minutes; same figures as its
/// Allocated column). The canned handler completes synchronously, so nothing else runs meanwhile.
/// </summary>
internal static class Bytes
{
    private const int Calls = 200;

    public static async Task<int> RunAsync()
    {
        Console.WriteLine($"{"scenario",-14}{"floor",12}{"generated",12}{"Refit",12}{"reflection",12}");
        var a = new AccountBenchmarks();
        a.Setup();
        await Row("account", a.Floor, a.Generated, a.Refit, a.Reflection);
        var s = new ServerBenchmarks();
        s.Setup();
        await Row("server", s.Floor, s.Generated, s.Refit, s.Reflection);
        foreach (var perPage in new[] { 50, 100 })
        {
            var l = new ListBenchmarks { PerPage = perPage };
            l.Setup();
            await Row("list " + perPage, l.Floor, l.Generated, l.Refit, l.Reflection);
        }
        var w = new WalkBenchmarks();
        w.Setup();
        await Row("walk 20x50", w.Floor, w.Generated, w.Refit, w.Reflection);
        var c = new CreateApiKeyBenchmarks();
        c.Setup();
        await Row("create key", c.Floor, c.Generated, c.Refit, c.Reflection);
        var v = new ValidationErrorBenchmarks();
        v.Setup();
        await Row("422", v.Floor, v.Generated, v.Refit, v.Reflection);
        // Loopback: every variant also pays the in-process panel's side; a raw GET that only drains the body shows it.
        var k = new KestrelListBenchmarks();
        await k.Setup();
        await Row("kestrel 100", k.Floor, k.Generated, k.Refit, k.Reflection);
        Console.WriteLine($"{"  raw GET",-14}{await Measure(k.RawGet),12:N0}   (the panel's side, counted in every variant above)");
        await k.Cleanup();
        return 0;
    }

    private static async Task Row<T1, T2, T3, T4>(string scenario, Func<Task<T1>> floor, Func<Task<T2>> generated, Func<Task<T3>> refit, Func<Task<T4>> reflection)
    {
        var f = await Measure(floor);
        var g = await Measure(generated);
        Console.WriteLine($"{scenario,-14}{f,12:N0}{g,12:N0}{await Measure(refit),12:N0}{await Measure(reflection),12:N0}   generated-floor {g - f:+#,0;-#,0;0} ({(double)g / f:0.000}x)");
    }

    private static async Task<long> Measure<T>(Func<Task<T>> call)
    {
        for (var i = 0; i < 50; i++)
            await call();
        var before = GC.GetTotalAllocatedBytes(true);
        for (var i = 0; i < Calls; i++)
            await call();
        return (GC.GetTotalAllocatedBytes(true) - before) / Calls;
    }
}
