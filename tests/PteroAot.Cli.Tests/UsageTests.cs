using PteroAot.Cli.Tests.Support;
using PteroAot.Testing;

namespace PteroAot.Cli.Tests;

/// <summary>Help, parse errors (exit 2) and inputs that must never make ptero wait on a pipe.</summary>
public sealed class UsageTests
{
    [Test]
    public async Task Root_help_documents_resolution_and_exit_codes()
    {
        using var sandbox = new Sandbox();
        var r = (await sandbox.RunAsync("--help")).Expect(0);
        await Assert.That(r.Stdout).Contains("account");
        await Assert.That(r.Stdout).Contains("config");
        await Assert.That(r.Stdout).Contains("PTERO_URL");
        await Assert.That(r.Stdout).Contains("Exit codes:");
        await Assert.That(r.Stdout).Contains("--token");
    }

    [Test]
    [Arguments("account", "bogus")]
    [Arguments("account")]
    [Arguments("account", "activity", "--limit", "abc")]
    [Arguments("account", "activity", "--per-page", "500")]
    [Arguments("account", "show", "--output", "yaml")]
    [Arguments("account", "api-keys", "create")]
    [Arguments("account", "email")]
    [Arguments("--nope")]
    public async Task Parse_errors_are_exit_2_with_a_message(params string[] args)
    {
        using var sandbox = new Sandbox();
        var r = (await sandbox.RunAsync(args)).Expect(2);
        await Assert.That(r.Stderr).Contains("error:");
        await Assert.That(r.Stderr).Contains("--help");
    }

    [Test]
    public async Task Global_options_work_before_and_after_the_command()
    {
        await using var panel = await FakePanel.StartAsync();
        using var sandbox = new Sandbox(panel);
        var before = (await sandbox.RunAsync("-o", "json", "account", "show")).Expect(0);
        var after = (await sandbox.RunAsync("account", "show", "-o", "json")).Expect(0);
        await Assert.That(before.Stdout).IsEqualTo(after.Stdout);
        await Assert.That(before.Stdout.TrimStart()).StartsWith("{");
    }

    [Test]
    [Arguments("account", "email", "x@example.com")]
    [Arguments("account", "password")]
    [Arguments("account", "2fa", "disable")]
    [Arguments("account", "2fa", "enable", "--code", "123456")]
    public async Task Missing_password_on_a_pipe_fails_fast_naming_the_flag(params string[] args)
    {
        await using var panel = await FakePanel.StartAsync();
        using var sandbox = new Sandbox(panel);
        panel.ClearRequests();

        // stdin is an open pipe that never delivers anything: a prompt would hang forever.
        var r = (await sandbox.RunWithStdinAsync(null, args)).Expect(2);
        await Assert.That(r.Stderr).Contains("--password-stdin");
        await Assert.That(r.Elapsed).IsLessThan(TimeSpan.FromSeconds(10));
        await Assert.That(panel.Requests.Count).IsEqualTo(0);
    }
}
