namespace PteroAot.Tests.Support;

/// <summary>Finds files of the repository from the test's output folder.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Spec(params string[] parts) => Path.Combine([Root, "spec", .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "global.json")) && Directory.Exists(Path.Combine(dir.FullName, "spec")))
                return dir.FullName;
        throw new InvalidOperationException("Could not find the repository root (a folder with global.json and spec/) above " + AppContext.BaseDirectory);
    }
}
