using PteroAot.Servers;

namespace PteroAot.Benchmarks;

/// <summary><c>--check</c>: runs every variant once and prints what it read, so a variant that parses nothing shows.</summary>
internal static class Check
{
    public static async Task<int> RunAsync()
    {
        var a = new AccountBenchmarks();
        a.Setup();
        Print("account", (await a.Floor()).Username, (await a.Generated()).Username, (await a.Refit()).Username, (await a.Reflection()).Username);
        var s = new ServerBenchmarks();
        s.Setup();
        Print("server", Describe((await s.Floor()).Attributes!), Describe((await s.Generated()).Attributes), Describe((await s.Refit()).Attributes!), Describe((await s.Reflection()).Attributes!));
        var l = new ListBenchmarks { PerPage = 100 };
        l.Setup();
        Print("list 100", (await l.Floor()).Data!.Count, (await l.Generated()).Items.Count, (await l.Refit()).Data!.Count, (await l.Reflection()).Data!.Count);
        var w = new WalkBenchmarks();
        w.Setup();
        Print("walk", await w.Floor(), await w.Generated(), await w.Refit(), await w.Reflection());
        var c = new CreateApiKeyBenchmarks();
        c.Setup();
        Print("create key", (await c.Floor()).Meta!.SecretToken, (await c.Generated()).Meta!.SecretToken, (await c.Refit()).Meta!.SecretToken, (await c.Reflection()).Meta!.SecretToken);
        var v = new ValidationErrorBenchmarks();
        v.Setup();
        Print("422", (await v.Floor()).FieldErrors.Count, (await v.Generated()).FieldErrors.Count, (await v.Refit()).FieldErrors.Count, (await v.Reflection()).FieldErrors.Count);
        var k = new KestrelListBenchmarks();
        await k.Setup();
        Print("kestrel 100", (await k.Floor()).Data!.Count, (await k.Generated()).Items.Count, (await k.Refit()).Data!.Count, (await k.Reflection()).Data!.Count);
        await k.Cleanup();
        return 0;
    }

    private static string Describe(Server s) =>
        $"{s.Identifier}/{s.InternalId}/{s.Allocations.Count}alloc/{s.Variables?.Count}vars";

    private static void Print<T>(string scenario, T floor, T generated, T refit, T reflection) =>
        Console.WriteLine($"{scenario,-12} floor={floor} generated={generated} refit={refit} reflection={reflection}");
}
