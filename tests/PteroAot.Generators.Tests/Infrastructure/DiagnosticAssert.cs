using Microsoft.CodeAnalysis;

namespace PteroAot.Generators.Tests.Infrastructure;

/// <summary>Runs the generator over marked sources and compares what it reports with the markers.</summary>
internal static class DiagnosticAssert
{
    /// <summary>Models and a JSON context that the diagnostic sources share (Source0.cs).</summary>
    public const string Models = """
        namespace TestApp;

        public sealed record Item(string Name);
        public sealed record Meta(string Secret);
        public sealed record CreateItem(string Name);
        public sealed record Unregistered(int Value);
        public enum Kind { First, Second }

        [JsonSerializable(typeof(Item))]
        [JsonSerializable(typeof(Meta))]
        [JsonSerializable(typeof(CreateItem))]
        internal sealed partial class Ctx : JsonSerializerContext;
        """;

    /// <summary>
    /// Asserts that the generator reports exactly one diagnostic per marker, with the marker's ID, the expected message
    /// (in marker order, across the sources in order) and a location whose source text is the marked text; and that the
    /// compilation with the generated code has no other error or warning.
    /// </summary>
    public static async Task Verify(string[] markups, params string[] messages)
    {
        var parsed = markups.Select(Markup.Parse).ToArray();
        var compilation = TestCompilation.Create([Models, .. parsed.Select(p => p.Source)]);
        var output = TestCompilation.Run(compilation);

        var expected = parsed.SelectMany((p, i) => p.Spans.Select(s => (Path: $"Source{i + 1}.cs", s.Span.Start, s.Id, s.Text)))
            .Select((m, i) => $"{m.Id} {m.Path} '{m.Text}': {messages[i]}")
            .ToList();
        await Assert.That(messages.Length).IsEqualTo(expected.Count);

        var actual = output.DriverDiagnostics
            .Select(d => (Diagnostic: d, Span: d.Location.GetLineSpan()))
            .OrderBy(d => d.Span.Path, StringComparer.Ordinal).ThenBy(d => d.Diagnostic.Location.SourceSpan.Start)
            .Select(d => $"{d.Diagnostic.Id} {d.Span.Path} '{TextAt(compilation, d.Diagnostic.Location)}': {d.Diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}")
            .ToList();
        await Assert.That(string.Join("\n", actual)).IsEqualTo(string.Join("\n", expected));
        await Assert.That(output.DriverDiagnostics.All(d => d.Severity == DiagnosticSeverity.Error)).IsTrue();

        // The generator writes bodies for broken declarations too, so the PTERO error is the only one a user sees.
        await Assert.That(output.Format(output.CompilationProblems)).IsEqualTo("");
    }

    public static Task Verify(string markup, params string[] messages) => Verify([markup], messages);

    private static string TextAt(Compilation compilation, Location location)
    {
        // LocationInfo.ToLocation gives file locations (no tree), so find the tree by path.
        var path = location.GetLineSpan().Path;
        var tree = compilation.SyntaxTrees.FirstOrDefault(t => t.FilePath == path);
        return tree is null ? $"<no tree '{path}'>" : tree.GetText().ToString(location.SourceSpan);
    }
}
