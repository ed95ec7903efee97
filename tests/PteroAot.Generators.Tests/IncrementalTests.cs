using System.Collections;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PteroAot.Generators.Diagnostics;
using PteroAot.Generators.Helpers;
using PteroAot.Generators.Tests.Infrastructure;

namespace PteroAot.Generators.Tests;

/// <summary>Layer 3: what the incremental pipeline re-runs, and that its cached models hold no compilation objects.</summary>
public sealed class IncrementalTests
{
    private const string Api = """
        namespace TestApp;

        [PteroApi(typeof(Ctx))]
        public sealed partial class Api
        {
            [Get("/servers/{server}/items/{id}")]
            public partial Task<Item> GetAsync(string server, int id, [Query("include")] string? include = null, CancellationToken cancellationToken = default);

            [Post("/items")]
            public partial Task<Resource<Item, Meta>> CreateAsync([Body] CreateItem request, CancellationToken cancellationToken = default);

            [Get("/items")]
            public partial IAsyncEnumerable<Item> EnumerateAsync(CancellationToken cancellationToken = default);

            // A declaration error, so that the diagnostics branch carries data too.
            [Get("/broken")]
            public partial Task<Item> BrokenAsync();
        }
        """;

    private static readonly string[] s_steps = [TrackingNames.ParseResult, TrackingNames.ApiClassSpec, TrackingNames.Diagnostics, TrackingNames.RouteKeys];

    private static GeneratorDriver CreateDriver() => CSharpGeneratorDriver.Create(
        [new EndpointGenerator().AsSourceGenerator()],
        parseOptions: TestCompilation.ParseOptions,
        driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    private static (GeneratorDriver Driver, Compilation Compilation) FirstRun()
    {
        var compilation = TestCompilation.Create(DiagnosticAssert.Models, Api);
        var driver = CreateDriver().RunGenerators(compilation);
        return (driver, compilation);
    }

    /// <summary>Every output of every tracked step, as "step: reason" lines.</summary>
    private static List<string> Reasons(GeneratorDriver driver, params string[] steps)
    {
        var result = driver.GetRunResult().Results.Single();
        return [.. steps.SelectMany(step => result.TrackedSteps.TryGetValue(step, out var runs)
            ? runs.SelectMany(r => r.Outputs).Select(o => $"{step}: {o.Reason}")
            : [$"{step}: <not run>"])];
    }

    private static async Task AssertAllReused(GeneratorDriver driver)
    {
        var reasons = Reasons(driver, s_steps);
        await Assert.That(reasons.Count).IsGreaterThanOrEqualTo(s_steps.Length);
        await Assert.That(reasons.Where(r => !r.EndsWith(": Cached", StringComparison.Ordinal) && !r.EndsWith(": Unchanged", StringComparison.Ordinal)))
            .IsEmpty();
    }

    [Test]
    public async Task First_run_produces_every_tracked_step()
    {
        var (driver, _) = FirstRun();
        var reasons = Reasons(driver, s_steps);
        await Assert.That(string.Join("\n", reasons)).IsEqualTo(string.Join("\n", s_steps.Select(s => $"{s}: New")));
        await Assert.That(driver.GetRunResult().Diagnostics.Select(d => d.Id).ToArray()).IsEquivalentTo(["PTERO007"]);
    }

    [Test]
    public async Task Second_run_over_the_same_compilation_is_cached()
    {
        var (driver, compilation) = FirstRun();
        await AssertAllReused(driver.RunGenerators(compilation));
    }

    [Test]
    public async Task Second_run_over_a_cloned_compilation_is_cached()
    {
        var (driver, compilation) = FirstRun();
        await AssertAllReused(driver.RunGenerators(compilation.Clone()));
    }

    [Test]
    public async Task Adding_an_unrelated_file_is_cached()
    {
        var (driver, compilation) = FirstRun();
        var next = compilation.AddSyntaxTrees(TestCompilation.Parse("namespace Other; public sealed class Unrelated { public int Value { get; set; } }", "Unrelated.cs"));
        await AssertAllReused(driver.RunGenerators(next));
    }

    [Test]
    public async Task Changing_a_route_modifies_the_spec()
    {
        var (driver, compilation) = FirstRun();
        var next = ReplaceIn(compilation, "\"/items\")]\n    public partial Task<Resource", "\"/posts\")]\n    public partial Task<Resource");
        driver = driver.RunGenerators(next);
        await Assert.That(Reasons(driver, TrackingNames.ApiClassSpec)).IsEquivalentTo([$"{TrackingNames.ApiClassSpec}: Modified"]);
        await Assert.That(Reasons(driver, TrackingNames.ParseResult)).IsEquivalentTo([$"{TrackingNames.ParseResult}: Modified"]);
        // Same length: the declaration error below is unchanged and at the same place.
        await Assert.That(Reasons(driver, TrackingNames.Diagnostics)).IsEquivalentTo([$"{TrackingNames.Diagnostics}: Unchanged"]);
    }

    [Test]
    public async Task Moving_the_declaration_leaves_the_spec_unchanged()
    {
        var (driver, compilation) = FirstRun();
        // A comment above the class shifts every location (diagnostics change) but not the model that is emitted.
        var next = ReplaceIn(compilation, "[PteroApi(typeof(Ctx))]", "// The account API.\n[PteroApi(typeof(Ctx))]");
        driver = driver.RunGenerators(next);
        await Assert.That(Reasons(driver, TrackingNames.ApiClassSpec)).IsEquivalentTo([$"{TrackingNames.ApiClassSpec}: Unchanged"]);
        await Assert.That(Reasons(driver, TrackingNames.Diagnostics)).IsEquivalentTo([$"{TrackingNames.Diagnostics}: Modified"]);
    }

    [Test]
    public async Task Tracked_outputs_hold_no_compilation_objects()
    {
        var (driver, compilation) = FirstRun();
        driver = driver.RunGenerators(compilation.Clone());
        var result = driver.GetRunResult().Results.Single();
        int visited = 0;
        foreach (var step in s_steps)
            foreach (var run in result.TrackedSteps[step])
                foreach (var (value, _) in run.Outputs)
                {
                    var found = ForbiddenObjects.Find(value, ref visited);
                    await Assert.That(found).IsEqualTo("").Because($"step {step} must hold plain data only");
                }
        // The walk really went through the models (specs, endpoints, parameters, diagnostics...).
        await Assert.That(visited).IsGreaterThan(50);
    }

    [Test]
    public async Task Forbidden_object_walk_finds_a_location_inside_a_model()
    {
        var tree = compilation().SyntaxTrees.Last();
        var clean = new EndpointGenerator.ParseResult(null,
            new[] { new DiagnosticInfo("PTERO001", null, new[] { "Api" }.ToEquatableArray()) }.ToEquatableArray(),
            EquatableArray<EndpointGenerator.RouteKey>.Empty);
        int visited = 0;
        await Assert.That(ForbiddenObjects.Find(clean, ref visited)).IsEqualTo("");
        var bad = new Holder(tree.GetRoot().GetLocation());
        await Assert.That(ForbiddenObjects.Find(new[] { (object)clean, bad }, ref visited)).Contains("Location");

        static Compilation compilation() => TestCompilation.Create(DiagnosticAssert.Models);
    }

    private sealed record Holder(object Inner);

    private static Compilation ReplaceIn(Compilation compilation, string oldText, string newText)
    {
        var tree = compilation.SyntaxTrees.Single(t => t.FilePath == "Source1.cs");
        var text = tree.GetText().ToString();
        if (!text.Contains(oldText, StringComparison.Ordinal))
            throw new InvalidOperationException($"'{oldText}' is not in the source.");
        return compilation.ReplaceSyntaxTree(tree, TestCompilation.Parse(text.Replace(oldText, newText, StringComparison.Ordinal), tree.FilePath));
    }
}

/// <summary>Walks an object graph by reflection and names the first object that would keep a compilation alive.</summary>
internal static class ForbiddenObjects
{
    private static readonly Type[] s_forbidden =
    [
        typeof(ISymbol), typeof(SyntaxNode), typeof(SyntaxTree), typeof(Location), typeof(Compilation), typeof(SemanticModel), typeof(AttributeData),
    ];

    public static string Find(object? root, ref int visited)
    {
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<(object Value, string Path)>();
        if (root is not null)
            stack.Push((root, root.GetType().Name));
        while (stack.Count > 0)
        {
            var (value, path) = stack.Pop();
            var type = value.GetType();
            if (!type.IsValueType && !seen.Add(value))
                continue;
            visited++;
            if (s_forbidden.FirstOrDefault(f => f.IsAssignableFrom(type)) is { } forbidden)
                return $"{path} is a {forbidden.Name} ({type.FullName})";
            if (type.IsPrimitive || type.IsEnum || value is string || value is Type || (type.IsValueType && type.Namespace == "Microsoft.CodeAnalysis.Text"))
                continue;
            if (value is IEnumerable sequence and not string && type.IsArray)
            {
                int i = 0;
                foreach (var item in sequence)
                {
                    if (item is not null)
                        stack.Push((item, $"{path}[{i}]"));
                    i++;
                }
                continue;
            }
            for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
                foreach (var field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                {
                    if (field.FieldType.IsPointer || field.FieldType.IsByRefLike)
                        continue;
                    if (field.GetValue(value) is { } child)
                        stack.Push((child, $"{path}.{field.Name}"));
                }
        }
        return "";
    }
}
