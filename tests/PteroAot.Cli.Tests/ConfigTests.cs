using System.Text.Json;
using PteroAot.Cli.Tests.Support;
using PteroAot.Testing;

namespace PteroAot.Cli.Tests;

/// <summary>Profiles, file permissions, masking, and the connection resolution order.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ConfigTests
{
    [Test]
    public async Task Set_writes_a_0600_file_and_show_list_mask_the_key()
    {
        await using var panel = await FakePanel.StartAsync();
        using var sandbox = new Sandbox();

        var set = (await sandbox.RunWithStdinAsync(panel.ClientKey + "\n", "config", "set", "--url", panel.Url.ToString(), "--token-stdin")).Expect(0);
        await Assert.That(File.Exists(sandbox.ConfigPath)).IsTrue();
        await Assert.That(File.GetUnixFileMode(sandbox.ConfigPath)).IsEqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        using (var doc = JsonDocument.Parse(await File.ReadAllTextAsync(sandbox.ConfigPath)))
        {
            await Assert.That(doc.RootElement.GetProperty("default_profile").GetString()).IsEqualTo("default");
            await Assert.That(doc.RootElement.GetProperty("profiles").GetProperty("default").GetProperty("token").GetString()).IsEqualTo(panel.ClientKey);
        }

        var show = (await sandbox.RunAsync("config", "show")).Expect(0);
        var showJson = (await sandbox.RunAsync("config", "show", "-o", "json")).Expect(0);
        var list = (await sandbox.RunAsync("config", "list")).Expect(0);
        var masked = panel.ClientKey[..9] + "…(48 chars)";
        await Assert.That(show.Stdout).Contains(masked);
        await Assert.That(list.Stdout).Contains(masked);
        using (var doc = JsonDocument.Parse(showJson.Stdout))
        {
            await Assert.That(doc.RootElement.GetProperty("token").GetString()).IsEqualTo(masked);
            await Assert.That(doc.RootElement.GetProperty("token_source").GetString()).IsEqualTo("default profile");
        }
        foreach (var r in new[] { set, show, showJson, list })
        {
            await Assert.That(r.All).DoesNotContain(panel.ClientKey);
            await Assert.That(r.All).DoesNotContain(panel.ClientKey[16..]);
        }

        // The saved profile is used by account commands without env or flags.
        var me = (await sandbox.RunAsync("account", "show")).Expect(0);
        await Assert.That(me.Stdout).Contains("demo");
    }

    [Test]
    public async Task Default_path_is_under_XDG_CONFIG_HOME_with_a_0700_directory()
    {
        await using var panel = await FakePanel.StartAsync();
        using var sandbox = new Sandbox();
        sandbox.Env["PTERO_CONFIG"] = null;

        (await sandbox.RunWithStdinAsync(panel.ClientKey + "\n", "config", "set", "--profile", "work", "--url", panel.Url.ToString(), "--token-stdin", "--output", "json")).Expect(0);
        var path = Path.Combine(sandbox.XdgConfigHome, "ptero", "config.json");
        await Assert.That(File.Exists(path)).IsTrue();
        await Assert.That(File.GetUnixFileMode(path)).IsEqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        await Assert.That(File.GetUnixFileMode(Path.GetDirectoryName(path)!)).IsEqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        // The profile's output format applies.
        var me = (await sandbox.RunAsync("account", "show")).Expect(0);
        using var doc = JsonDocument.Parse(me.Stdout);
        await Assert.That(doc.RootElement.GetProperty("username").GetString()).IsEqualTo("demo");
    }

    [Test]
    public async Task Set_without_token_stdin_on_a_pipe_fails_and_token_flag_is_refused()
    {
        using var sandbox = new Sandbox();
        var r = (await sandbox.RunWithStdinAsync(null, "config", "set", "--url", "https://panel.example.com")).Expect(2);
        await Assert.That(r.Stderr).Contains("--token-stdin");
        await Assert.That(File.Exists(sandbox.ConfigPath)).IsFalse();

        var flag = (await sandbox.RunAsync("config", "set", "--url", "https://panel.example.com", "--token", "ptlc_SHOULDNOTBESTOREDxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")).Expect(2);
        await Assert.That(flag.Stderr).Contains("--token-stdin");
        await Assert.That(flag.All).DoesNotContain("SHOULDNOTBESTORED");
    }

    [Test]
    public async Task Resolution_order_flag_then_profile_then_env_then_default_profile()
    {
        await using var good = await FakePanel.StartAsync();
        using var sandbox = new Sandbox();
        const string dead = "http://127.0.0.1:9/";

        // Default profile: unreachable URL, the right key.
        (await sandbox.RunWithStdinAsync(good.ClientKey + "\n", "config", "set", "--url", dead, "--token-stdin")).Expect(0);
        // A named profile pointing at the good panel.
        (await sandbox.RunWithStdinAsync(good.ClientKey + "\n", "config", "set", "--profile", "good", "--url", good.Url.ToString(), "--token-stdin")).Expect(0);

        // Default profile only: unreachable.
        (await sandbox.RunAsync("account", "show")).Expect(7);

        // Env beats the default profile.
        sandbox.Env["PTERO_URL"] = good.Url.ToString();
        (await sandbox.RunAsync("account", "show")).Expect(0);

        // --profile beats env.
        sandbox.Env["PTERO_URL"] = dead;
        (await sandbox.RunAsync("account", "show", "--profile", "good")).Expect(0);

        // The flag beats env and profiles.
        (await sandbox.RunAsync("--url", good.Url.ToString(), "account", "show")).Expect(0);
        (await sandbox.RunAsync("account", "show", "--profile", "good", "--url", dead)).Expect(7);

        var shown = (await sandbox.RunAsync("config", "show", "-o", "json", "--url", good.Url.ToString())).Expect(0);
        using (var doc = JsonDocument.Parse(shown.Stdout))
        {
            await Assert.That(doc.RootElement.GetProperty("url_source").GetString()).IsEqualTo("command line");
            await Assert.That(doc.RootElement.GetProperty("token_source").GetString()).IsEqualTo("default profile");
        }

        // A wrong key in env beats the profile's good key: 401 -> 3.
        sandbox.Env["PTERO_URL"] = good.Url.ToString();
        sandbox.Env["PTERO_TOKEN"] = "ptlc_WRONGWRONGWRONGWRONGWRONGWRONGWRONGWRONGWRON";
        (await sandbox.RunAsync("account", "show")).Expect(3);
        // ...and the flag beats env.
        (await sandbox.RunAsync("account", "show", "--token", good.ClientKey)).Expect(0);

        var unknown = (await sandbox.RunAsync("account", "show", "--profile", "nope")).Expect(2);
        await Assert.That(unknown.Stderr).Contains("nope");
    }

    [Test]
    public async Task Missing_url_and_key_name_the_three_ways()
    {
        using var sandbox = new Sandbox();
        var r = (await sandbox.RunAsync("account", "show")).Expect(2);
        await Assert.That(r.Stderr).Contains("ptero config set");
        await Assert.That(r.Stderr).Contains("PTERO_URL");
        await Assert.That(r.Stderr).Contains("--url");
    }
}
