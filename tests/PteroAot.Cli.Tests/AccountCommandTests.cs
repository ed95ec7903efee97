using System.Text.Json;
using PteroAot.Cli.Tests.Support;
using PteroAot.Testing;

namespace PteroAot.Cli.Tests;

/// <summary>Every account command through the native binary, against a fresh fake panel per test.</summary>
public sealed class AccountCommandTests
{
    private const string Ed25519 = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl cli-test";

    [Test]
    public async Task Show_prints_a_table_and_json()
    {
        await using var panel = await FakePanel.StartAsync();
        using var sandbox = new Sandbox(panel);

        var table = (await sandbox.RunAsync("account", "show")).Expect(0);
        await Assert.That(table.Stdout).Contains("Username:  demo");
        await Assert.That(table.Stdout).Contains("demo@example.com");

        var json = (await sandbox.RunAsync("account", "show", "--output", "json")).Expect(0);
        using var doc = JsonDocument.Parse(json.Stdout);
        await Assert.That(doc.RootElement.GetProperty("username").GetString()).IsEqualTo("demo");
        await Assert.That(doc.RootElement.GetProperty("email").GetString()).IsEqualTo("demo@example.com");
        await Assert.That(doc.RootElement.TryGetProperty("first_name", out _)).IsTrue();
        await Assert.That(table.All + json.All).DoesNotContain(panel.ClientKey);
    }

    [Test]
    public async Task Email_changes_with_the_password_from_stdin()
    {
        await using var panel = await FakePanel.StartAsync();
        using var sandbox = new Sandbox(panel);

        var r = (await sandbox.RunWithStdinAsync("demo-password\n", "account", "email", "new@example.com", "--password-stdin")).Expect(0);
        await Assert.That(r.Stdout).Contains("new@example.com");
        await Assert.That(panel.DemoUser.Email).IsEqualTo("new@example.com");
        await Assert.That(r.All).DoesNotContain("demo-password");
    }

    [Test]
    public async Task Email_with_a_wrong_password_is_exit_5_without_echoing_it()
    {
        await using var panel = await FakePanel.StartAsync();
        using var sandbox = new Sandbox(panel);

        var r = (await sandbox.RunWithStdinAsync("Wrong-Secret-99\n", "account", "email", "new@example.com", "--password-stdin")).Expect(5);
        await Assert.That(r.Stderr).Contains("error:");
        await Assert.That(r.All).DoesNotContain("Wrong-Secret-99");
        await Assert.That(panel.DemoUser.Email).IsEqualTo("demo@example.com");
    }

    [Test]
    public async Task Password_changes_with_two_stdin_lines()
    {
        await using var panel = await FakePanel.StartAsync();
        using var sandbox = new Sandbox(panel);

        var r = (await sandbox.RunWithStdinAsync("demo-password\nbrand-new-pass-1\n", "account", "password", "--password-stdin")).Expect(0);
        await Assert.That(r.Stdout).Contains("Password changed");
        await Assert.That(panel.DemoUser.CheckPassword("brand-new-pass-1")).IsTrue();
        await Assert.That(r.All).DoesNotContain("brand-new-pass-1");
    }

    [Test]
    public async Task Password_stdin_with_one_line_is_a_usage_error()
    {
        await using var panel = await FakePanel.StartAsync();
        using var sandbox = new Sandbox(panel);

        var r = (await sandbox.RunWithStdinAsync("demo-password\n", "account", "password", "--password-stdin")).Expect(2);
        await Assert.That(r.Stderr).Contains("--password-stdin");
        await Assert.That(panel.DemoUser.CheckPassword("demo-password")).IsTrue();
    }

    [Test]
    public async Task Validation_errors_are_listed_per_field_with_exit_5()
    {
        await using var panel = await FakePanel.StartAsync();
        using var sandbox = new Sandbox(panel);

        var r = (await sandbox.RunWithStdinAsync("demo-password\nshort\n", "account", "password", "--password-stdin")).Expect(5);
        await Assert.That(r.Stderr).Contains("  password: ");
        await Assert.That(r.All).DoesNotContain("short\n");

        var ips = (await sandbox.RunAsync("account", "api-keys", "create", "--description", "x", "--allowed-ip", "not-an-ip")).Expect(5);
        await Assert.That(ips.Stderr).Contains("  allowed_ips.0: ");
    }

    [Test]
    public async Task Activity_walks_every_page_and_honours_limit_and_page()
    {
        await using var panel = await FakePanel.StartAsync();
        for (int i = 0; i < 7; i++)
            panel.State.RecordActivity(panel.DemoUser, $"user:test.event-{i}", panel.DemoUser, properties: new Dictionary<string, string> { ["n"] = i.ToString() });
        int total = panel.DemoUser.Activity.Count(a => a.Event != "server:file.upload");
        using var sandbox = new Sandbox(panel);

        panel.ClearRequests();
        var all = (await sandbox.RunAsync("account", "activity", "--per-page", "2", "-o", "json")).Expect(0);
        using (var doc = JsonDocument.Parse(all.Stdout))
        {
            await Assert.That(doc.RootElement.GetArrayLength()).IsEqualTo(total);
            var first = doc.RootElement[0];
            await Assert.That(first.GetProperty("event").GetString()).IsNotNull();
            await Assert.That(first.GetProperty("relationships").GetProperty("actor").GetProperty("attributes").GetProperty("username").GetString()).IsEqualTo("demo");
        }
        var pagesFetched = panel.Requests.Count(q => q.PathAndQuery.StartsWith("/api/client/account/activity", StringComparison.Ordinal));
        await Assert.That(pagesFetched).IsEqualTo((total + 1) / 2);
        await Assert.That(panel.Requests.All(q => !q.PathAndQuery.StartsWith("/api/client/account/activity", StringComparison.Ordinal) || q.PathAndQuery.Contains("include=actor", StringComparison.Ordinal))).IsTrue();

        var table = (await sandbox.RunAsync("account", "activity", "--per-page", "3")).Expect(0);
        var lines = table.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        await Assert.That(lines[0]).StartsWith("TIME");
        await Assert.That(lines.Length).IsEqualTo(total + 1);
        await Assert.That(table.Stdout).Contains("user:test.event-6");
        await Assert.That(table.Stdout).Contains(" demo ");

        var limited = (await sandbox.RunAsync("account", "activity", "--limit", "3", "-o", "json")).Expect(0);
        using (var doc = JsonDocument.Parse(limited.Stdout))
            await Assert.That(doc.RootElement.GetArrayLength()).IsEqualTo(3);

        var page = (await sandbox.RunAsync("account", "activity", "--page", "2", "--per-page", "4", "-o", "json")).Expect(0);
        using (var doc = JsonDocument.Parse(page.Stdout))
            await Assert.That(doc.RootElement.GetArrayLength()).IsEqualTo(Math.Min(4, total - 4));

        var filtered = (await sandbox.RunAsync("account", "activity", "--event", "test.event-3", "-o", "json")).Expect(0);
        using (var doc = JsonDocument.Parse(filtered.Stdout))
            await Assert.That(doc.RootElement.GetArrayLength()).IsEqualTo(1);
    }

    [Test]
    public async Task Api_keys_list_create_use_and_delete()
    {
        await using var panel = await FakePanel.StartAsync();
        using var sandbox = new Sandbox(panel);

        var list = (await sandbox.RunAsync("account", "api-keys", "list")).Expect(0);
        await Assert.That(list.Stdout).Contains("IDENTIFIER");
        await Assert.That(list.Stdout).Contains(panel.ClientKey[..16]);
        await Assert.That(list.All).DoesNotContain(panel.ClientKey[16..]);

        var created = (await sandbox.RunAsync("account", "api-keys", "create", "--description", "from the cli", "--allowed-ip", "127.0.0.1", "-o", "json")).Expect(0);
        string token, identifier;
        using (var doc = JsonDocument.Parse(created.Stdout))
        {
            token = doc.RootElement.GetProperty("token").GetString()!;
            identifier = doc.RootElement.GetProperty("identifier").GetString()!;
            await Assert.That(doc.RootElement.GetProperty("description").GetString()).IsEqualTo("from the cli");
            await Assert.That(doc.RootElement.GetProperty("allowed_ips")[0].GetString()).IsEqualTo("127.0.0.1");
        }
        await Assert.That(token.Length).IsEqualTo(48);
        await Assert.That(token).StartsWith(identifier);
        await Assert.That(created.Stderr).Contains("only time");

        // The new token really works.
        sandbox.Env["PTERO_TOKEN"] = token;
        var me = (await sandbox.RunAsync("account", "show", "-o", "json")).Expect(0);
        await Assert.That(me.Stdout).Contains("\"username\": \"demo\"");

        var listJson = (await sandbox.RunAsync("account", "api-keys", "list", "-o", "json")).Expect(0);
        using (var doc = JsonDocument.Parse(listJson.Stdout))
            await Assert.That(doc.RootElement.EnumerateArray().Any(k => k.GetProperty("identifier").GetString() == identifier)).IsTrue();

        sandbox.Env["PTERO_TOKEN"] = panel.ClientKey;
        var deleted = (await sandbox.RunAsync("account", "api-keys", "delete", identifier)).Expect(0);
        await Assert.That(deleted.Stdout).Contains(identifier);

        sandbox.Env["PTERO_TOKEN"] = token;
        var revoked = (await sandbox.RunAsync("account", "show")).Expect(3);
        await Assert.That(revoked.All).DoesNotContain(token[16..]);

        sandbox.Env["PTERO_TOKEN"] = panel.ClientKey;
        (await sandbox.RunAsync("account", "api-keys", "delete", identifier)).Expect(4);
    }

    [Test]
    public async Task Api_key_create_table_shows_the_token_once()
    {
        await using var panel = await FakePanel.StartAsync();
        using var sandbox = new Sandbox(panel);

        var r = (await sandbox.RunAsync("account", "api-keys", "create", "-d", "table")).Expect(0);
        var tokenLine = r.Stdout.Split('\n').Single(l => l.StartsWith("Token:", StringComparison.Ordinal));
        var token = tokenLine["Token:".Length..].Trim();
        await Assert.That(token).StartsWith("ptlc_");
        await Assert.That(token.Length).IsEqualTo(48);
        await Assert.That(panel.State.Authenticate(token)).IsNotNull();
    }

    [Test]
    public async Task Ssh_keys_list_add_remove()
    {
        await using var panel = await FakePanel.StartAsync();
        using var sandbox = new Sandbox(panel);

        var list = (await sandbox.RunAsync("account", "ssh-keys", "list", "-o", "json")).Expect(0);
        int before;
        using (var doc = JsonDocument.Parse(list.Stdout))
            before = doc.RootElement.GetArrayLength();
        await Assert.That(before).IsEqualTo(panel.DemoUser.SshKeys.Count);

        var keyFile = Path.Combine(sandbox.Dir, "id_ed25519.pub");
        await File.WriteAllTextAsync(keyFile, Ed25519 + "\n");
        var added = (await sandbox.RunAsync("account", "ssh-keys", "add", "--name", "ci", "--public-key-file", keyFile, "-o", "json")).Expect(0);
        string fingerprint;
        using (var doc = JsonDocument.Parse(added.Stdout))
        {
            fingerprint = doc.RootElement.GetProperty("fingerprint").GetString()!;
            await Assert.That(doc.RootElement.GetProperty("name").GetString()).IsEqualTo("ci");
        }
        await Assert.That(fingerprint).StartsWith("SHA256:");

        var again = (await sandbox.RunAsync("account", "ssh-keys", "add", "--name", "dup", "--public-key", Ed25519)).Expect(5);
        await Assert.That(again.Stderr).Contains("public_key");

        var table = (await sandbox.RunAsync("account", "ssh-keys", "list")).Expect(0);
        await Assert.That(table.Stdout).Contains(fingerprint);
        await Assert.That(table.Stdout).Contains("FINGERPRINT");

        (await sandbox.RunAsync("account", "ssh-keys", "remove", fingerprint)).Expect(0);
        await Assert.That(panel.DemoUser.SshKeys.Count).IsEqualTo(before);
        (await sandbox.RunAsync("account", "ssh-keys", "remove", fingerprint)).Expect(4);

        var neither = (await sandbox.RunAsync("account", "ssh-keys", "add", "--name", "x")).Expect(2);
        await Assert.That(neither.Stderr).Contains("--public-key-file");
    }
}
