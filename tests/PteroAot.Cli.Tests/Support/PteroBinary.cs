using System.Diagnostics;

namespace PteroAot.Cli.Tests.Support;

/// <summary>Locates the native ptero binary: $PTERO_BIN, else a publish made once per test session.</summary>
public static class PteroBinary
{
    private static string? s_path;

    public static string Path => s_path ?? throw new InvalidOperationException("The ptero binary was not prepared (the session hook did not run).");

    public static string RepoRoot { get; } = FindRepoRoot();

    [Before(HookType.TestSession)]
    public static async Task PrepareAsync()
    {
        if (Environment.GetEnvironmentVariable("PTERO_BIN") is { Length: > 0 } given)
        {
            if (!File.Exists(given))
                throw new InvalidOperationException($"PTERO_BIN={given} does not exist.");
            s_path = System.IO.Path.GetFullPath(given);
            return;
        }

        var project = System.IO.Path.Combine(RepoRoot, "src", "PteroAot.Cli", "PteroAot.Cli.csproj");
        var output = System.IO.Path.Combine(RepoRoot, "artifacts", "test-ptero");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoRoot,
        };
        foreach (var arg in new[] { "publish", project, "-c", "Release", "-r", "linux-x64", "-o", output, "-nologo" })
            start.ArgumentList.Add(arg);
        // MSBuild node reuse would keep the test run's output pipes open.
        start.Environment["MSBUILDNODEREUSE"] = "0";
        start.ArgumentList.Add("-nodeReuse:false");

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException("dotnet publish of ptero took more than 10 minutes.");
        }
        var log = await stdout + await stderr;
        var binary = System.IO.Path.Combine(output, "ptero");
        if (process.ExitCode != 0 || !File.Exists(binary))
            throw new InvalidOperationException($"dotnet publish of ptero failed (exit {process.ExitCode}):\n{log}");
        s_path = binary;
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "global.json")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"No global.json above {AppContext.BaseDirectory}; cannot find the repository root.");
    }
}
