using System.Text.Json;
using PteroAot.Cli.Tests.Support;
using PteroAot.Testing;

namespace PteroAot.Cli.Tests;

/// <summary><c>ptero admin servers create</c>: flags, --file, --dry-run, and builder errors before any POST.</summary>
public sealed class AdminServerCreateCommandTests
{
    private static Sandbox AdminSandbox(FakePanel panel)
    {
        var sandbox = new Sandbox(panel);
        sandbox.Env["PTERO_TOKEN"] = panel.ApplicationKey;
        return sandbox;
    }

    private static bool AnyPost(FakePanel panel) => panel.Requests.Any(r => r.Method == "POST");

    [Test]
    public async Task Create_with_flags_makes_an_installing_server_for_the_user()
    {
        await using var panel = await FakePanel.StartAsync();
        using var sandbox = AdminSandbox(panel);
        var free = panel.State.AddNodeAllocation(1, "10.0.1.1", 27000)!;

        var result = (await sandbox.RunAsync("admin", "servers", "create", "--name", "Lobby", "--user", "1", "--egg", "1/2",
            "--env", "SERVER_JARFILE=vanilla.jar", "--env", "MAX_PLAYERS=40", "--memory", "2048", "--disk", "4096", "--cpu", "100",
            "--databases", "1", "--allocation", free.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--external-id", "crm-1", "--skip-scripts")).Expect(0);

        await Assert.That(result.Stdout).Contains("Lobby");
        await Assert.That(result.Stdout).Contains("installing");
        var server = panel.State.Servers.Single(s => s.Name == "Lobby");
        await Assert.That(server.Owner.Id).IsEqualTo(1);
        await Assert.That(server.Status).IsEqualTo("installing");
        await Assert.That(server.MemoryLimit).IsEqualTo(2048);
        await Assert.That(server.DatabaseLimit).IsEqualTo(1);
        await Assert.That(server.ExternalId).IsEqualTo("crm-1");
        await Assert.That(server.Variables.Single(v => v.EnvVariable == "MAX_PLAYERS").ServerValue).IsEqualTo("40");
        await Assert.That(server.Variables.Single(v => v.EnvVariable == "VANILLA_VERSION").ServerValue).IsEqualTo("latest");
        var body = JsonDocument.Parse(panel.Requests.Single(r => r.Method == "POST").Body).RootElement;
        await Assert.That(body.GetProperty("skip_scripts").GetBoolean()).IsTrue();
    }

    [Test]
    public async Task Builder_problems_exit_5_naming_fields_and_flags_before_any_post()
    {
        await using var panel = await FakePanel.StartAsync();
        using var sandbox = AdminSandbox(panel);

        var result = (await sandbox.RunAsync("admin", "servers", "create", "--name", "x", "--user", "1", "--egg", "1/2",
            "--env", "SERVER_JARFILE=server.zip", "--env", "MAX_PLAYERS=many", "--memory", "-5", "--disk", "10", "--io", "5",
            "--allocation", "1", "--deploy-location", "1")).Expect(5);

        await Assert.That(result.Stderr).Contains("the server request has 5 problems; nothing was sent");
        await Assert.That(result.Stderr).Contains("Memory (--memory): Memory must be 0 (unlimited) or more MiB, not -5.");
        await Assert.That(result.Stderr).Contains("Io (--io): Io must be between 10 and 1000, not 5.");
        await Assert.That(result.Stderr).Contains("SERVER_JARFILE (--env): SERVER_JARFILE (Server Jar File) does not match");
        await Assert.That(result.Stderr).Contains("MAX_PLAYERS (--env): MAX_PLAYERS (Max Players) must be a whole number.");
        await Assert.That(result.Stderr).Contains("Allocation (--allocation): give either --allocation or --deploy-location/--port-range, not both.");
        await Assert.That(AnyPost(panel)).IsFalse();
    }

    [Test]
    public async Task Missing_pieces_are_listed_with_the_flag_to_give()
    {
        await using var panel = await FakePanel.StartAsync();
        using var sandbox = AdminSandbox(panel);

        var result = (await sandbox.RunAsync("admin", "servers", "create", "--egg", "1/1", "--memory", "1024")).Expect(5);
        var noEgg = (await sandbox.RunAsync("admin", "servers", "create", "--name", "x")).Expect(2);
        var badEgg = (await sandbox.RunAsync("admin", "servers", "create", "--egg", "paper")).Expect(2);

        await Assert.That(result.Stderr).Contains("Name (--name): is required: give --name.");
        await Assert.That(result.Stderr).Contains("Owner (--user): is required: give --user.");
        await Assert.That(result.Stderr).Contains("Disk (--disk): is required: give --disk.");
        await Assert.That(result.Stderr).DoesNotContain("Memory (--memory)");
        await Assert.That(result.Stderr).Contains("Allocation (--allocation): an allocation is required");
        await Assert.That(noEgg.Stderr).Contains("--egg <nest>/<egg> is required");
        await Assert.That(badEgg.Stderr).Contains("--egg must be <nest>/<egg>");
        await Assert.That(AnyPost(panel)).IsFalse();
    }

    [Test]
    public async Task Dry_run_prints_the_full_request_without_sending_it()
    {
        await using var panel = await FakePanel.StartAsync();
        using var sandbox = AdminSandbox(panel);

        var result = (await sandbox.RunAsync("admin", "servers", "create", "--name", "Dry", "--user", "2", "--egg", "1/1",
            "--memory", "512", "--disk", "1024", "--deploy-location", "1", "--port-range", "25565-25600", "--port-range", "27015",
            "--dry-run")).Expect(0);

        using var doc = JsonDocument.Parse(result.Stdout);
        var body = doc.RootElement;
        await Assert.That(body.GetProperty("name").GetString()).IsEqualTo("Dry");
        await Assert.That(body.GetProperty("user").GetInt32()).IsEqualTo(2);
        await Assert.That(body.GetProperty("egg").GetInt32()).IsEqualTo(1);
        await Assert.That(body.GetProperty("docker_image").GetString()).IsEqualTo("ghcr.io/pterodactyl/yolks:java_17");
        await Assert.That(body.GetProperty("environment").GetProperty("SERVER_JARFILE").GetString()).IsEqualTo("server.jar");
        await Assert.That(body.GetProperty("environment").GetProperty("BUILD_NUMBER").GetString()).IsEqualTo("latest");
        await Assert.That(body.GetProperty("limits").GetProperty("io").GetInt32()).IsEqualTo(500);
        await Assert.That(body.GetProperty("feature_limits").GetProperty("databases").GetInt32()).IsEqualTo(0);
        await Assert.That(body.GetProperty("deploy").GetProperty("port_range").GetArrayLength()).IsEqualTo(2);
        await Assert.That(body.GetProperty("deploy").GetProperty("locations")[0].GetInt32()).IsEqualTo(1);
        await Assert.That(result.Stderr).Contains("nothing was sent");
        await Assert.That(panel.Requests.Any(r => r.PathAndQuery == "/api/application/nests/1/eggs/1?include=variables")).IsTrue();
        await Assert.That(AnyPost(panel)).IsFalse();
    }

    [Test]
    public async Task A_spec_file_is_read_and_flags_override_it()
    {
        await using var panel = await FakePanel.StartAsync();
        using var sandbox = AdminSandbox(panel);
        for (var p = 27100; p <= 27105; p++)
            panel.State.AddNodeAllocation(1, "10.0.1.2", p);
        var file = Path.Combine(sandbox.Dir, "spec.json");
        await File.WriteAllTextAsync(file, """
            {
              "name": "From file", "user": 1, "egg": "1/1",
              "env": { "SERVER_JARFILE": "paper.jar", "MINECRAFT_VERSION": "1.20.4" },
              "memory": 1024, "disk": 2048, "swap": -1, "backups": 3,
              "deploy_location": [1], "port-range": ["27103-27105"],
              "description": "made from a file"
            }
            """);

        var result = (await sandbox.RunAsync("admin", "servers", "create", "--file", file, "--name", "Overridden",
            "--env", "MINECRAFT_VERSION=1.21", "-o", "json")).Expect(0);

        using var doc = JsonDocument.Parse(result.Stdout);
        await Assert.That(doc.RootElement.GetProperty("name").GetString()).IsEqualTo("Overridden");
        await Assert.That(doc.RootElement.GetProperty("status").GetString()).IsEqualTo("installing");
        var server = panel.State.Servers.Single(s => s.Name == "Overridden");
        await Assert.That(server.PrimaryAllocation!.Port).IsGreaterThanOrEqualTo(27103);
        await Assert.That(server.SwapLimit).IsEqualTo(-1);
        await Assert.That(server.BackupLimit).IsEqualTo(3);
        await Assert.That(server.Description).IsEqualTo("made from a file");
        await Assert.That(server.Variables.Single(v => v.EnvVariable == "SERVER_JARFILE").ServerValue).IsEqualTo("paper.jar");
        await Assert.That(server.Variables.Single(v => v.EnvVariable == "MINECRAFT_VERSION").ServerValue).IsEqualTo("1.21");
    }

    [Test]
    public async Task A_bad_spec_file_is_a_usage_error()
    {
        await using var panel = await FakePanel.StartAsync();
        using var sandbox = AdminSandbox(panel);
        var unknown = Path.Combine(sandbox.Dir, "unknown.json");
        await File.WriteAllTextAsync(unknown, """{"egg": "1/1", "ram": 1024}""");
        var typed = Path.Combine(sandbox.Dir, "typed.json");
        await File.WriteAllTextAsync(typed, """{"egg": "1/1", "memory": "lots"}""");

        var first = (await sandbox.RunAsync("admin", "servers", "create", "--file", unknown)).Expect(2);
        var second = (await sandbox.RunAsync("admin", "servers", "create", "--file", typed)).Expect(2);

        await Assert.That(first.Stderr).Contains("unknown field \"ram\"");
        await Assert.That(second.Stderr).Contains("\"memory\" must be a whole number");
    }

    [Test]
    public async Task Panel_rejections_and_deployment_failures_exit_5()
    {
        await using var panel = await FakePanel.StartAsync();
        using var sandbox = AdminSandbox(panel);

        var owner = (await sandbox.RunAsync("admin", "servers", "create", "--name", "x", "--user", "999", "--egg", "1/1",
            "--memory", "1", "--disk", "1", "--allocation", "9999")).Expect(5);
        var noNode = (await sandbox.RunAsync("admin", "servers", "create", "--name", "x", "--user", "1", "--egg", "1/1",
            "--memory", "1", "--disk", "1", "--deploy-location", "42")).Expect(5);

        await Assert.That(owner.Stderr).Contains("the panel rejected the server request (422)");
        await Assert.That(owner.Stderr).Contains("Owner (--user): The selected user is invalid.");
        await Assert.That(owner.Stderr).Contains("Allocation (--allocation): The selected allocation.default is invalid.");
        await Assert.That(noNode.Stderr).Contains("No nodes satisfying the requirements specified for automatic deployment could be found.");
        await Assert.That(panel.State.Servers.Count).IsEqualTo(3);
    }

    [Test]
    public async Task A_client_key_is_refused()
    {
        await using var panel = await FakePanel.StartAsync();
        using var sandbox = new Sandbox(panel); // the demo user's client key

        var result = (await sandbox.RunAsync("admin", "servers", "create", "--egg", "1/1", "--dry-run")).Expect(3);

        await Assert.That(result.Stderr).Contains("403");
    }
}
