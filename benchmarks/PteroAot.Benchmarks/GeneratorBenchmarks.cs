using BenchmarkDotNet.Attributes;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PteroAot.Generators;

namespace PteroAot.Benchmarks;

/// <summary>
/// EndpointGenerator over the whole SDK's endpoint declarations (every .cs file of src/PteroAot compiled against the
/// net10.0 reference assemblies; the STJ generator is not run). Cold: a new driver over a new compilation of the
/// same parsed trees. Cached: the driver that already ran, re-run on the same compilation (the IDE's keystroke case
/// when nothing relevant changed).
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private const string GlobalUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    private SyntaxTree[] _trees = [];
    private CSharpCompilation _compilation = null!;
    private GeneratorDriver _warm = null!;

    [GlobalSetup]
    public void Setup()
    {
        var src = Path.Combine(RepoRoot(), "src", "PteroAot");
        var options = new CSharpParseOptions(LanguageVersion.Latest);
        _trees = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), options, f))
            .Append(CSharpSyntaxTree.ParseText(GlobalUsings, options, "GlobalUsings.g.cs"))
            .ToArray();
        _compilation = NewCompilation();
        _warm = Driver().RunGenerators(_compilation);
        var result = _warm.GetRunResult();
        if (result.Results[0].Exception is { } e)
            throw new InvalidOperationException("EndpointGenerator threw", e);
        if (result.GeneratedTrees.Length == 0)
            throw new InvalidOperationException("EndpointGenerator produced nothing");
        GeneratedFiles = result.GeneratedTrees.Length;
    }

    /// <summary>Files the generator produced (checked in setup).</summary>
    public int GeneratedFiles { get; private set; }

    [Benchmark(Baseline = true, Description = "cold: new driver, new compilation")]
    public GeneratorDriver Cold() => Driver().RunGenerators(NewCompilation());

    [Benchmark(Description = "cached re-run: same driver, same compilation")]
    public GeneratorDriver Cached() => _warm.RunGenerators(_compilation);

    private CSharpCompilation NewCompilation() => CSharpCompilation.Create("PteroAot", _trees, Net100.References.All,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    private static GeneratorDriver Driver() => CSharpGeneratorDriver.Create(
        [new EndpointGenerator().AsSourceGenerator()], driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false));

    internal static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PteroAot.sln")))
                return dir.FullName;
        }

        throw new DirectoryNotFoundException("PteroAot.sln not found above " + AppContext.BaseDirectory);
    }
}
