using System.Net;
using System.Net.Sockets;
using PteroAot.Cli.Tests.Support;
using PteroAot.Testing;

namespace PteroAot.Cli.Tests;

/// <summary><c>ptero completion</c> scripts and the <c>[suggest:N]</c> directive (static and server completion), through the native binary.</summary>
public sealed class CompletionTests
{
    private static string[] Lines(CliResult r) => r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static Task<CliResult> SuggestAsync(Sandbox sandbox, string line) => sandbox.RunAsync($"[suggest:{line.Length}]", line);

    [Test]
    public async Task Scripts_call_the_suggest_directive_for_each_shell()
    {
        using var sandbox = new Sandbox();
        var bash = (await sandbox.RunAsync("completion", "bash")).Expect(0);
        await Assert.That(bash.Stdout).Contains("complete -o default -F _ptero_complete ptero");
        await Assert.That(bash.Stdout).Contains("\"[suggest:$pos]\"");
        var zsh = (await sandbox.RunAsync("completion", "zsh")).Expect(0);
        await Assert.That(zsh.Stdout).Contains("compdef _ptero ptero");
        await Assert.That(zsh.Stdout).Contains("[suggest:");
        var fish = (await sandbox.RunAsync("completion", "fish")).Expect(0);
        await Assert.That(fish.Stdout).Contains("complete -c ptero");
        await Assert.That(fish.Stdout).Contains("[suggest:");
        var bad = (await sandbox.RunAsync("completion", "pwsh")).Expect(2);
        await Assert.That(bad.Stderr).Contains("pwsh");
    }

    [Test]
    public async Task Bash_script_completes_a_subcommand_with_prefix_matching()
    {
        using var sandbox = new Sandbox();
        var script = (await sandbox.RunAsync("completion", "bash")).Expect(0).Stdout;
        var scriptPath = Path.Combine(sandbox.Dir, "ptero.bash");
        await File.WriteAllTextAsync(scriptPath, script);
        var binDir = Path.GetDirectoryName(PteroBinary.Path)!;
        // "servers s": the directive also offers ls, list and resources (they contain an s); the script keeps show and stats (alias of resources).
        var start = new System.Diagnostics.ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(
            $"export PATH='{binDir}':$PATH; source '{scriptPath}'; COMP_LINE='ptero servers s'; COMP_POINT=${{#COMP_LINE}}; " +
            "COMP_WORDS=(ptero servers s); COMP_CWORD=2; _ptero_complete; printf '%s\\n' \"${COMPREPLY[@]}\"");
        start.Environment["HOME"] = sandbox.Home;
        start.Environment["PTERO_CONFIG"] = sandbox.ConfigPath;
        using var process = System.Diagnostics.Process.Start(start)!;
        var stdout = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        await Assert.That(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)).IsEquivalentTo(new[] { "show", "stats" });
    }

    [Test]
    public async Task Suggest_lists_subcommands()
    {
        using var sandbox = new Sandbox();
        var r = (await SuggestAsync(sandbox, "servers ")).Expect(0);
        await Assert.That(Lines(r)).Contains("list");
        await Assert.That(Lines(r)).Contains("show");
        await Assert.That(r.Stderr).IsEmpty();
        var partial = (await SuggestAsync(sandbox, "servers li")).Expect(0);
        await Assert.That(Lines(partial)).Contains("list");
    }

    [Test]
    public async Task Server_argument_completes_the_account_identifiers()
    {
        await using var panel = await FakePanel.StartAsync();
        using var sandbox = new Sandbox(panel);
        var r = (await SuggestAsync(sandbox, "servers show ")).Expect(0);
        await Assert.That(panel.State.Servers.Count).IsGreaterThan(0);
        foreach (var s in panel.State.Servers.Where(s => s.Name is "Survival" or "Creative" or "Shared Lobby"))
            await Assert.That(Lines(r)).Contains(s.Identifier);
        await Assert.That(r.Stderr).IsEmpty();

        // Another command's <server> argument (files list is an alias of files ls).
        var power = (await SuggestAsync(sandbox, "files list ")).Expect(0);
        await Assert.That(Lines(power)).Contains(panel.State.Servers.First(s => s.Name == "Survival").Identifier);
    }

    [Test]
    public async Task Server_completion_without_a_connection_or_with_a_bad_key_is_silent()
    {
        await using var panel = await FakePanel.StartAsync();
        using var none = new Sandbox();
        var r = (await SuggestAsync(none, "servers show ")).Expect(0);
        await Assert.That(r.Stderr).IsEmpty();
        await Assert.That(r.Stdout).DoesNotContain("error");

        using var badKey = new Sandbox(panel);
        badKey.Env["PTERO_TOKEN"] = "ptlc_wrongwrongwrongwrongwrongwrongwrongwrongwr";
        var bad = (await SuggestAsync(badKey, "servers show ")).Expect(0);
        await Assert.That(bad.Stderr).IsEmpty();
        await Assert.That(bad.Stdout).DoesNotContain(panel.State.Servers.First().Identifier);
    }

    [Test]
    public async Task Server_completion_gives_up_quickly_on_a_panel_that_never_answers()
    {
        // Accepts connections (the kernel does) but never replies.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        using var sandbox = new Sandbox();
        sandbox.Env["PTERO_URL"] = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
        sandbox.Env["PTERO_TOKEN"] = "ptlc_abcdefghijklmnopqrstuvwxyzabcdefghijklmnop";
        var r = (await SuggestAsync(sandbox, "servers show ")).Expect(0);
        await Assert.That(r.Elapsed).IsLessThan(TimeSpan.FromSeconds(3));
        await Assert.That(r.Stderr).IsEmpty();
        await Assert.That(Lines(r)).Contains("--help");

        sandbox.Env["PTERO_URL"] = "http://127.0.0.1:1";
        var refused = (await SuggestAsync(sandbox, "servers show ")).Expect(0);
        await Assert.That(refused.Elapsed).IsLessThan(TimeSpan.FromSeconds(3));
        await Assert.That(refused.Stderr).IsEmpty();
    }
}
