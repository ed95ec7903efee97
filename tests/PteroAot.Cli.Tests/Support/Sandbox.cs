using System.Diagnostics;
using System.Text;
using PteroAot.Testing;

namespace PteroAot.Cli.Tests.Support;

/// <summary>The outcome of one ptero run.</summary>
public sealed record CliResult(int ExitCode, string Stdout, string Stderr, bool TimedOut, TimeSpan Elapsed)
{
    public string All => Stdout + "\n" + Stderr;

    public override string ToString() => $"exit {ExitCode}{(TimedOut ? " (TIMED OUT, killed)" : "")} after {Elapsed.TotalMilliseconds:F0} ms\n--- stdout ---\n{Stdout}\n--- stderr ---\n{Stderr}";

    /// <summary>Fails with the full output when the exit code is not <paramref name="expected"/>.</summary>
    public CliResult Expect(int expected)
    {
        if (TimedOut || ExitCode != expected)
            Assert.Fail($"expected exit {expected}, got {this}");
        if (Stderr.Contains("   at ", StringComparison.Ordinal) || Stderr.Contains("Unhandled exception", StringComparison.Ordinal))
            Assert.Fail($"a stack trace reached the user: {this}");
        return this;
    }
}

/// <summary>
/// A private HOME / XDG_CONFIG_HOME / PTERO_CONFIG per test, and a runner for the native binary with redirected
/// stdin and a 30-second kill switch. Only the variables set here reach ptero (PTERO_* of the test host are removed).
/// </summary>
public sealed class Sandbox : IDisposable
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(30);

    public Sandbox(FakePanel? panel = null)
    {
        Dir = Directory.CreateTempSubdirectory("ptero-cli-test-").FullName;
        Home = Directory.CreateDirectory(Path.Combine(Dir, "home")).FullName;
        XdgConfigHome = Path.Combine(Home, ".config");
        ConfigPath = Path.Combine(Dir, "ptero-config.json");
        Env["HOME"] = Home;
        Env["XDG_CONFIG_HOME"] = XdgConfigHome;
        Env["PTERO_CONFIG"] = ConfigPath;
        Env["NO_COLOR"] = "1";
        if (panel is not null)
        {
            Env["PTERO_URL"] = panel.Url.ToString();
            Env["PTERO_TOKEN"] = panel.ClientKey;
        }
    }

    public string Dir { get; }

    public string Home { get; }

    public string XdgConfigHome { get; }

    public string ConfigPath { get; }

    /// <summary>Environment for ptero; a null value removes the variable.</summary>
    public Dictionary<string, string?> Env { get; } = new(StringComparer.Ordinal);

    public Task<CliResult> RunAsync(params string[] args) => RunWithStdinAsync("", args);

    /// <summary>Runs ptero with <paramref name="stdin"/> written then closed; null keeps stdin open (a silent pipe) until ptero exits.</summary>
    public async Task<CliResult> RunWithStdinAsync(string? stdin, params string[] args)
    {
        var start = new ProcessStartInfo(PteroBinary.Path)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Dir,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("PTERO_", StringComparison.Ordinal) || k == "NO_COLOR").ToList())
            start.Environment.Remove(name);
        foreach (var (name, value) in Env)
        {
            if (value is null)
                start.Environment.Remove(name);
            else
                start.Environment[name] = value;
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            try
            {
                await process.StandardInput.WriteAsync(stdin);
                process.StandardInput.Close();
            }
            catch (IOException)
            {
                // ptero exited before reading stdin.
            }
        }

        bool timedOut = false;
        using (var cts = new CancellationTokenSource(s_timeout))
        {
            try
            {
                await process.WaitForExitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                timedOut = true;
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
        clock.Stop();
        if (stdin is null)
        {
            try { process.StandardInput.Close(); } catch (IOException) { }
        }
        return new CliResult(process.ExitCode, await stdout, await stderr, timedOut, clock.Elapsed);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
