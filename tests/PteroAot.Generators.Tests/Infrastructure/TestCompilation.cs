using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PteroAot.Generators.Tests.Infrastructure;

/// <summary>
/// The reference set, parse options and generators shared by every test of the session (built once, lazily):
/// the net10.0 reference assemblies, the real PteroAot.dll, and System.Text.Json's source generator from the SDK pack.
/// </summary>
internal static class TestCompilation
{
    // Diagnose: like a project with GenerateDocumentationFile, so that bad XML docs in generated code are reported.
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    /// <summary>Usings every test source may rely on, in a tree of their own so that marked spans are not shifted.</summary>
    public const string GlobalUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.Threading;
        global using System.Threading.Tasks;
        global using System.Text.Json.Serialization;
        global using PteroAot;
        global using PteroAot.Endpoints;
        """;

    private static readonly Lazy<ImmutableArray<MetadataReference>> s_references = new(() =>
        [.. Net100.References.All, MetadataReference.CreateFromFile(typeof(PteroAot.Http.PteroConnection).Assembly.Location)]);

    private static readonly Lazy<ImmutableArray<ISourceGenerator>> s_jsonGenerators = new(LoadJsonGenerators);

    private static readonly Lazy<CSharpCompilation> s_base = new(() => CSharpCompilation.Create(
        "TestProject",
        [CSharpSyntaxTree.ParseText(GlobalUsings, ParseOptions, path: "GlobalUsings.cs")],
        s_references.Value,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable,
            optimizationLevel: OptimizationLevel.Debug, warningLevel: 9999)
            // Test sources are not documented; generated code is checked for every other documentation warning.
            .WithSpecificDiagnosticOptions([new("CS1591", ReportDiagnostic.Suppress)])));

    public static ImmutableArray<MetadataReference> References => s_references.Value;

    /// <summary>System.Text.Json's generator, as the SDK runs it for a real project.</summary>
    public static ImmutableArray<ISourceGenerator> JsonGenerators => s_jsonGenerators.Value;

    /// <summary>A compilation of the global usings plus <paramref name="sources"/> (named Source0.cs, Source1.cs, ...).</summary>
    public static CSharpCompilation Create(params string[] sources)
        => s_base.Value.AddSyntaxTrees(sources.Select((s, i) => Parse(s, $"Source{i}.cs")));

    public static SyntaxTree Parse(string source, string path) => CSharpSyntaxTree.ParseText(source, ParseOptions, path: path);

    /// <summary>Runs our generator (and, when asked, STJ's) and returns the updated compilation and everything reported.</summary>
    public static GeneratorOutput Run(Compilation compilation, bool withJson = true)
    {
        var generators = new List<ISourceGenerator> { new EndpointGenerator().AsSourceGenerator() };
        if (withJson)
            generators.AddRange(JsonGenerators);
        GeneratorDriver driver = CSharpGeneratorDriver.Create(generators, parseOptions: ParseOptions);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var driverDiagnostics);
        var result = driver.GetRunResult();
        var ours = result.Results.Single(r => r.Generator.GetGeneratorType() == typeof(EndpointGenerator));
        if (ours.Exception is not null)
            throw new InvalidOperationException("The generator threw.", ours.Exception);
        return new GeneratorOutput(output, ours.Diagnostics, ours.GeneratedSources, driverDiagnostics);
    }

    private static ImmutableArray<ISourceGenerator> LoadJsonGenerators()
    {
        var path = FindJsonGenerator();
        var reference = new AnalyzerFileReference(path, new DefaultLoader());
        var generators = reference.GetGenerators(LanguageNames.CSharp);
        if (generators.IsEmpty)
            throw new InvalidOperationException($"No generator found in {path}.");
        return generators;
    }

    /// <summary>
    /// <c>&lt;root&gt;/packs/Microsoft.NETCore.App.Ref/&lt;ver&gt;/analyzers/dotnet/cs/System.Text.Json.SourceGeneration.dll</c>,
    /// for the running runtime's version when that pack exists, else the newest 10.x pack.
    /// </summary>
    private static string FindJsonGenerator()
    {
        // typeof(object) lives in <root>/shared/Microsoft.NETCore.App/<version>/.
        var runtimeDir = new DirectoryInfo(Path.GetDirectoryName(typeof(object).Assembly.Location)!);
        var roots = new List<string>();
        if (Environment.GetEnvironmentVariable("DOTNET_ROOT") is { Length: > 0 } env)
            roots.Add(env);
        if (runtimeDir.Parent?.Parent?.Parent is { } dotnetRoot)
            roots.Add(dotnetRoot.FullName);
        roots.Add("/usr/share/dotnet");
        roots.Add("/usr/lib/dotnet");

        foreach (var root in roots.Distinct())
        {
            var packs = Path.Combine(root, "packs", "Microsoft.NETCore.App.Ref");
            if (!Directory.Exists(packs))
                continue;
            var candidates = new[] { runtimeDir.Name }
                .Concat(Directory.GetDirectories(packs).Select(Path.GetFileName).OfType<string>()
                    .Where(v => v.StartsWith("10.", StringComparison.Ordinal))
                    .OrderByDescending(v => Version.TryParse(v.Split('-')[0], out var parsed) ? parsed : new Version()));
            foreach (var version in candidates)
            {
                var file = Path.Combine(packs, version, "analyzers", "dotnet", "cs", "System.Text.Json.SourceGeneration.dll");
                if (File.Exists(file))
                    return file;
            }
        }
        throw new FileNotFoundException("System.Text.Json.SourceGeneration.dll not found under any of: " + string.Join(", ", roots));
    }

    private sealed class DefaultLoader : IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => AssemblyLoadContext.Default.LoadFromAssemblyPath(fullPath);
    }
}

/// <summary>What one generator run produced.</summary>
internal sealed record GeneratorOutput(
    Compilation Compilation,
    ImmutableArray<Diagnostic> GeneratorDiagnostics,
    ImmutableArray<GeneratedSourceResult> Sources,
    ImmutableArray<Diagnostic> DriverDiagnostics)
{
    /// <summary>Errors and warnings of the compilation with every generated file added.</summary>
    public ImmutableArray<Diagnostic> CompilationProblems
        => [.. Compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning)];

    public string Format(IEnumerable<Diagnostic> diagnostics) => string.Join(Environment.NewLine, diagnostics.Select(d => d.ToString()));
}
