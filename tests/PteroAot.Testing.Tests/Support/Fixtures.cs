using System.Text.Json;

namespace PteroAot.Testing.Tests.Support;

/// <summary>Loads <c>spec/fixtures</c> and compares JSON shapes (key sets and value kinds).</summary>
internal static class Fixtures
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PteroAot.sln")) || File.Exists(Path.Combine(dir.FullName, "global.json")))
            {
                return Path.Combine(dir.FullName, "spec", "fixtures");
            }
        }

        throw new InvalidOperationException("Could not find the repository root (global.json) above " + AppContext.BaseDirectory);
    });

    public static JsonElement Load(string relativePath)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root.Value, relativePath)));
        return doc.RootElement.Clone();
    }

    /// <summary>Differences in shape between a fixture and an actual body; empty when they agree.
    /// Null on either side matches any kind (nullable fields); arrays compare their first items; free-form <c>properties</c> objects are only kind-checked.</summary>
    public static string ShapeDiff(JsonElement expected, JsonElement actual, string path = "$")
    {
        var diffs = new List<string>();
        Compare(expected, actual, path, diffs);
        return string.Join("\n", diffs);
    }

    private static void Compare(JsonElement e, JsonElement a, string path, List<string> diffs)
    {
        if (e.ValueKind == JsonValueKind.Null || a.ValueKind == JsonValueKind.Null)
        {
            return;
        }

        if (Kind(e) != Kind(a))
        {
            diffs.Add($"{path}: expected {e.ValueKind}, got {a.ValueKind}");
            return;
        }

        if (e.ValueKind == JsonValueKind.Object && !path.EndsWith(".properties", StringComparison.Ordinal))
        {
            var ek = e.EnumerateObject().Select(p => p.Name).ToHashSet();
            var ak = a.EnumerateObject().Select(p => p.Name).ToHashSet();
            foreach (var missing in ek.Except(ak))
            {
                diffs.Add($"{path}.{missing}: missing");
            }

            foreach (var extra in ak.Except(ek))
            {
                diffs.Add($"{path}.{extra}: unexpected");
            }

            foreach (var name in ek.Intersect(ak))
            {
                Compare(e.GetProperty(name), a.GetProperty(name), path + "." + name, diffs);
            }
        }
        else if (e.ValueKind == JsonValueKind.Array && e.GetArrayLength() > 0)
        {
            foreach (var item in a.EnumerateArray())
            {
                Compare(e[0], item, path + "[]", diffs);
            }
        }
    }

    private static string Kind(JsonElement e) => e.ValueKind is JsonValueKind.True or JsonValueKind.False ? "bool" : e.ValueKind.ToString();
}
