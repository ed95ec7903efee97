using PteroAot.Cli.Tests.Support;
using PteroAot.Testing;

namespace PteroAot.Cli.Tests;

/// <summary>Failures end with a clean one-line message and the documented exit code, never a stack trace (AOT crash = 134).</summary>
public sealed class ErrorTests
{
    [Test]
    public async Task Bad_key_is_exit_3_without_the_key()
    {
        await using var panel = await FakePanel.StartAsync();
        using var sandbox = new Sandbox(panel);
        const string bad = "ptlc_BADKEYBADKEYBADKEYBADKEYBADKEYBADKEYBADKEYBA";
        sandbox.Env["PTERO_TOKEN"] = bad;

        var r = (await sandbox.RunAsync("account", "show")).Expect(3);
        await Assert.That(r.Stderr).StartsWith("error:");
        await Assert.That(r.All).DoesNotContain(bad);
        await Assert.That(r.All).DoesNotContain(bad[16..]);

        var flag = (await sandbox.RunAsync("account", "api-keys", "list", "--token", bad)).Expect(3);
        await Assert.That(flag.All).DoesNotContain(bad[16..]);
    }

    [Test]
    public async Task Application_key_on_the_client_api_is_exit_3()
    {
        await using var panel = await FakePanel.StartAsync();
        using var sandbox = new Sandbox(panel);
        sandbox.Env["PTERO_TOKEN"] = panel.ApplicationKey;
        var r = (await sandbox.RunAsync("account", "show")).Expect(3);
        await Assert.That(r.All).DoesNotContain(panel.ApplicationKey[16..]);
    }

    [Test]
    public async Task Rate_limit_is_exit_6_with_retry_after()
    {
        await using var panel = await FakePanel.StartAsync(new FakePanelOptions { ClientRateLimitPerMinute = 1 });
        using var sandbox = new Sandbox(panel);

        (await sandbox.RunAsync("account", "show")).Expect(0);
        var r = (await sandbox.RunAsync("account", "show", "--no-retry")).Expect(6);
        await Assert.That(r.Stderr).Contains("rate limited");
        await Assert.That(r.Stderr).Contains("retry after");
    }

    [Test]
    [Arguments(FaultKind.Html200)]
    [Arguments(FaultKind.Html500)]
    [Arguments(FaultKind.TruncatedJson)]
    [Arguments(FaultKind.EmptyBody)]
    [Arguments(FaultKind.WrongShape)]
    [Arguments(FaultKind.DropConnection)]
    public async Task Broken_answers_are_exit_7_with_a_clean_message(FaultKind fault)
    {
        await using var panel = await FakePanel.StartAsync();
        using var sandbox = new Sandbox(panel);
        panel.Faults.Next(fault, "/api/client/account");

        var r = (await sandbox.RunAsync("account", "show")).Expect(7);
        await Assert.That(r.Stderr).StartsWith("error:");
        await Assert.That(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length).IsLessThanOrEqualTo(2);
        await Assert.That(r.Stdout).IsEmpty();
        await Assert.That(r.All).DoesNotContain(panel.ClientKey);
    }

    [Test]
    public async Task Html_in_the_middle_of_a_paged_walk_is_exit_7()
    {
        await using var panel = await FakePanel.StartAsync();
        using var sandbox = new Sandbox(panel);
        panel.Faults.Next(FaultKind.Html200, "/api/client/account/activity");
        (await sandbox.RunAsync("account", "activity")).Expect(7);
    }

    [Test]
    public async Task Server_error_status_is_exit_7()
    {
        await using var panel = await FakePanel.StartAsync();
        using var sandbox = new Sandbox(panel);
        panel.Faults.NextStatus(503, "/api/client/account");
        (await sandbox.RunAsync("account", "show")).Expect(7);
    }

    [Test]
    public async Task Unreachable_url_is_exit_7()
    {
        using var sandbox = new Sandbox();
        sandbox.Env["PTERO_URL"] = "http://127.0.0.1:9/";
        sandbox.Env["PTERO_TOKEN"] = "ptlc_UNREACHABLEUNREACHABLEUNREACHABLEUNREACHABLE";
        var r = (await sandbox.RunAsync("account", "show")).Expect(7);
        await Assert.That(r.Stderr).Contains("could not reach the panel");
        await Assert.That(r.All).DoesNotContain("UNREACHABLEUNREACHABLE");
    }

    [Test]
    public async Task Unresolvable_host_is_exit_7()
    {
        using var sandbox = new Sandbox();
        sandbox.Env["PTERO_URL"] = "http://no-such-host.invalid/";
        sandbox.Env["PTERO_TOKEN"] = "ptlc_NOHOSTNOHOSTNOHOSTNOHOSTNOHOSTNOHOSTNOHOSTNOHO";
        (await sandbox.RunAsync("account", "show")).Expect(7);
    }

    [Test]
    public async Task Unknown_fingerprint_and_key_are_exit_4()
    {
        await using var panel = await FakePanel.StartAsync();
        using var sandbox = new Sandbox(panel);
        (await sandbox.RunAsync("account", "api-keys", "delete", "ptlc_doesnotexist")).Expect(4);
        (await sandbox.RunAsync("account", "ssh-keys", "remove", "SHA256:doesnotexist")).Expect(4);
    }
}
