using System.Text.Json;
using PteroAot.Cli.Tests.Support;
using PteroAot.Testing;

namespace PteroAot.Cli.Tests;

/// <summary><c>ptero account 2fa</c> on both panel versions (disable moved from DELETE to POST in v1.11.8).</summary>
public sealed class TwoFactorTests
{
    [Test]
    [Arguments(PanelVersion.V1_11_7)]
    [Arguments(PanelVersion.V1_11_8)]
    public async Task Show_enable_disable(PanelVersion version)
    {
        await using var panel = await FakePanel.StartAsync(new FakePanelOptions { Version = version });
        using var sandbox = new Sandbox(panel);

        var show = (await sandbox.RunAsync("account", "2fa", "show", "--output", "json")).Expect(0);
        string secret, uri;
        using (var doc = JsonDocument.Parse(show.Stdout))
        {
            secret = doc.RootElement.GetProperty("secret").GetString()!;
            uri = doc.RootElement.GetProperty("image_url_data").GetString()!;
        }
        await Assert.That(uri).StartsWith("otpauth://totp/");
        await Assert.That(uri).Contains(secret);

        var code = Totp.Compute(secret, DateTimeOffset.UtcNow);
        var enable = (await sandbox.RunWithStdinAsync("demo-password\n", "account", "2fa", "enable", "--code", code, "--password-stdin", "-o", "json")).Expect(0);
        using (var doc = JsonDocument.Parse(enable.Stdout))
        {
            var tokens = doc.RootElement.GetProperty("tokens");
            await Assert.That(tokens.GetArrayLength()).IsEqualTo(10);
        }
        await Assert.That(panel.DemoUser.TwoFactorEnabled).IsTrue();

        // Setup again while on: the panel's 400 is exit 5 with its message.
        var already = (await sandbox.RunAsync("account", "2fa", "show")).Expect(5);
        await Assert.That(already.Stderr).Contains("already enabled");

        var wrong = (await sandbox.RunWithStdinAsync("not-the-password\n", "account", "2fa", "disable", "--password-stdin")).Expect(5);
        await Assert.That(wrong.All).DoesNotContain("not-the-password");
        await Assert.That(panel.DemoUser.TwoFactorEnabled).IsTrue();

        var disable = (await sandbox.RunWithStdinAsync("demo-password\n", "account", "2fa", "disable", "--password-stdin")).Expect(0);
        await Assert.That(disable.Stdout).Contains("off");
        await Assert.That(panel.DemoUser.TwoFactorEnabled).IsFalse();
    }

    [Test]
    public async Task Show_table_draws_a_qr_code_and_the_secret()
    {
        await using var panel = await FakePanel.StartAsync();
        using var sandbox = new Sandbox(panel);

        var r = (await sandbox.RunAsync("account", "2fa", "show")).Expect(0);
        await Assert.That(r.Stdout).Contains("otpauth://totp/");
        await Assert.That(r.Stdout).Contains("Secret:");
        await Assert.That(r.Stdout.Contains('█') || r.Stdout.Contains('▀') || r.Stdout.Contains('▄')).IsTrue();
    }

    [Test]
    public async Task Enable_text_output_lists_recovery_tokens()
    {
        await using var panel = await FakePanel.StartAsync();
        using var sandbox = new Sandbox(panel);
        var show = (await sandbox.RunAsync("account", "2fa", "show", "-o", "json")).Expect(0);
        using var doc = JsonDocument.Parse(show.Stdout);
        var code = Totp.Compute(doc.RootElement.GetProperty("secret").GetString()!, DateTimeOffset.UtcNow);

        var r = (await sandbox.RunWithStdinAsync("demo-password\n", "account", "2fa", "enable", "--code", code, "--password-stdin")).Expect(0);
        foreach (var token in panel.DemoUser.RecoveryTokens)
            await Assert.That(r.Stdout).Contains(token);
        await Assert.That(r.Stderr).Contains("only now");
    }

    [Test]
    public async Task Enable_without_code_on_a_pipe_fails_fast_naming_the_flag()
    {
        await using var panel = await FakePanel.StartAsync();
        using var sandbox = new Sandbox(panel);
        panel.ClearRequests();

        // stdin is an open pipe that never delivers a line: prompting would hang.
        var r = (await sandbox.RunWithStdinAsync(null, "account", "2fa", "enable", "--password-stdin")).Expect(2);
        await Assert.That(r.Stderr).Contains("--code");
        await Assert.That(r.Elapsed).IsLessThan(TimeSpan.FromSeconds(10));
        await Assert.That(panel.Requests.Count).IsEqualTo(0);
    }

    [Test]
    public async Task A_bad_code_format_is_a_usage_error()
    {
        await using var panel = await FakePanel.StartAsync();
        using var sandbox = new Sandbox(panel);
        var r = (await sandbox.RunWithStdinAsync("demo-password\n", "account", "2fa", "enable", "--code", "12ab", "--password-stdin")).Expect(2);
        await Assert.That(r.Stderr).Contains("6 digits");
    }
}
