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

    // zsh and fish are not on every machine: CI installs them and sets PTERO_REQUIRE_SHELLS=1, so there a missing
    // shell fails instead of skipping.
    private static string? Shell(string name)
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists);
        if (found is null && Environment.GetEnvironmentVariable("PTERO_REQUIRE_SHELLS") != "1")
            Skip.Test($"{name} is not installed (CI installs it and sets PTERO_REQUIRE_SHELLS=1)");
        return found ?? throw new InvalidOperationException($"{name} is required (PTERO_REQUIRE_SHELLS=1) but not on PATH.");
    }

    private static async Task<string> RunShellAsync(Sandbox sandbox, string shell, string script)
    {
        var start = new System.Diagnostics.ProcessStartInfo(shell)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        start.Environment["HOME"] = sandbox.Home;
        start.Environment["XDG_CONFIG_HOME"] = sandbox.XdgConfigHome;
        start.Environment["PTERO_CONFIG"] = sandbox.ConfigPath;
        start.Environment["PATH"] = Path.GetDirectoryName(PteroBinary.Path) + ":" + Environment.GetEnvironmentVariable("PATH");
        using var process = System.Diagnostics.Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        await Assert.That(await stderr).IsEmpty();
        return await stdout;
    }

    [Test]
    public async Task Zsh_script_completes_in_zsh()
    {
        var zsh = Shell("zsh");
        using var sandbox = new Sandbox();
        // The completion function runs in real zsh; compadd (a zle builtin, only inside an interactive completion)
        // is replaced by a function that prints what it was given.
        var output = await RunShellAsync(sandbox, zsh!,
            "compadd() { shift 2; print -l -- \"$@\"; }; source <(ptero completion zsh); " +
            "words=(ptero servers s); CURRENT=3; _ptero; print -- ---; words=(ptero admin se); CURRENT=3; _ptero");
        var parts = output.Split("---\n");
        await Assert.That(parts[0].Split('\n', StringSplitOptions.RemoveEmptyEntries)).IsEquivalentTo(new[] { "show", "stats" });
        await Assert.That(parts[1].Split('\n', StringSplitOptions.RemoveEmptyEntries)).IsEquivalentTo(new[] { "servers" });
    }

    [Test]
    public async Task Fish_script_completes_in_fish()
    {
        var fish = Shell("fish");
        using var sandbox = new Sandbox();
        // complete -C asks fish's own completion engine, the same one the interactive shell uses.
        var output = await RunShellAsync(sandbox, fish!,
            "ptero completion fish | source; complete -C 'ptero servers s'; echo ---; complete -C 'ptero admin nodes con'; echo ---; complete -C 'ptero servers list --out'");
        var parts = output.Split("---\n");
        await Assert.That(parts[0].Split('\n', StringSplitOptions.RemoveEmptyEntries)).IsEquivalentTo(new[] { "show", "stats" });
        await Assert.That(parts[1].Split('\n', StringSplitOptions.RemoveEmptyEntries)).IsEquivalentTo(new[] { "config" });
        await Assert.That(parts[2].Trim()).IsEqualTo("--output");
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
