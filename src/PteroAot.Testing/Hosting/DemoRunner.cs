using System.Diagnostics;

namespace PteroAot.Testing;

/// <summary>Runs commands against a started fake panel, with <c>PTERO_URL</c>/<c>PTERO_TOKEN</c> pointing at it.</summary>
internal static class DemoRunner
{
    public static async Task<int> RunAllAsync(FakePanel panel, IReadOnlyList<string> commandLines, TimeSpan budget)
    {
        using var deadline = new CancellationTokenSource(budget);
        // A config file that does not exist, so the user's own ptero profile cannot redirect the demo.
        var noConfig = Path.Combine(Path.GetTempPath(), $"ptero-demo-{Environment.ProcessId}", "config.json");
        foreach (var line in commandLines)
        {
            var words = Split(line);
            if (words.Count == 0)
                continue;
            Console.WriteLine();
            Console.WriteLine("$ " + string.Join(' ', [Path.GetFileName(words[0]), .. words.Skip(1)]));
            Console.Out.Flush();
            var start = new ProcessStartInfo(words[0]) { UseShellExecute = false };
            foreach (var word in words.Skip(1))
                start.ArgumentList.Add(word);
            start.Environment["PTERO_URL"] = panel.Url.ToString().TrimEnd('/');
            start.Environment["PTERO_TOKEN"] = panel.ClientKey;
            start.Environment["PTERO_CONFIG"] = noConfig;
            using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start '{words[0]}'.");
            try
            {
                await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await Console.Error.WriteLineAsync($"'{line}' did not finish within {budget.TotalSeconds:0} s.").ConfigureAwait(false);
                return 124;
            }
            if (process.ExitCode != 0)
            {
                await Console.Error.WriteLineAsync($"'{line}' exited with {process.ExitCode}.").ConfigureAwait(false);
                return process.ExitCode;
            }
        }
        return 0;
    }

    // Splits on white space; double quotes group words (no escapes: these are demo command lines).
    private static List<string> Split(string line)
    {
        var words = new List<string>();
        var current = new System.Text.StringBuilder();
        bool quoted = false, any = false;
        foreach (var c in line)
        {
            if (c == '"') { quoted = !quoted; any = true; }
            else if (char.IsWhiteSpace(c) && !quoted)
            {
                if (any) words.Add(current.ToString());
                current.Clear();
                any = false;
            }
            else { current.Append(c); any = true; }
        }
        if (any) words.Add(current.ToString());
        return words;
    }
}
