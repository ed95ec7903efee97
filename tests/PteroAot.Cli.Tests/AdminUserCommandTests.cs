using System.Text.Json;
using PteroAot.Cli.Tests.Support;
using PteroAot.Testing;

namespace PteroAot.Cli.Tests;

/// <summary><c>ptero admin users|locations|nests|eggs</c> against the fake panel with the admin's application key.</summary>
public sealed class AdminUserCommandTests
{
    private static Sandbox Admin(FakePanel panel)
    {
        var sandbox = new Sandbox(panel);
        sandbox.Env["PTERO_TOKEN"] = panel.ApplicationKey;
        return sandbox;
    }

    private static string Id(CliResult result)
    {
        using var doc = JsonDocument.Parse(result.Stdout);
        return doc.RootElement.GetProperty("id").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    [Test]
    public async Task Users_create_with_password_from_stdin_then_list_show_update_delete()
    {
        await using var panel = await FakePanel.StartAsync();
        using var sandbox = Admin(panel);
        const string password = "Sup3r-secret-pw";

        var created = (await sandbox.RunWithStdinAsync(password + "\n", "admin", "users", "create", "--email", "steve@example.com",
            "--username", "Steve", "--first-name", "Steve", "--last-name", "Miner", "--external-id", "crm-42", "--password-stdin", "-o", "json")).Expect(0);
        await Assert.That(created.All).DoesNotContain(password);
        var id = Id(created);
        var fake = panel.State.FindUserByUsername("steve")!;
        await Assert.That(fake.CheckPassword(password)).IsTrue();

        var list = (await sandbox.RunAsync("admin", "users", "list")).Expect(0);
        await Assert.That(list.Stdout).Contains("steve@example.com");
        await Assert.That(list.Stdout).Contains("demo@example.com");
        var filtered = (await sandbox.RunAsync("admin", "users", "list", "--username", "stev", "-o", "jsonl")).Expect(0);
        await Assert.That(filtered.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length).IsEqualTo(1);

        var show = (await sandbox.RunAsync("admin", "users", "show", "crm-42", "--external")).Expect(0);
        await Assert.That(show.Stdout).Contains("Steve Miner");
        var demo = (await sandbox.RunAsync("admin", "users", "show", "1")).Expect(0);
        await Assert.That(demo.Stdout).Contains("Survival");

        // Only the first name changes; e-mail, external id and password stay.
        (await sandbox.RunAsync("admin", "users", "update", id, "--first-name", "Steven")).Expect(0);
        await Assert.That(fake.FirstName).IsEqualTo("Steven");
        await Assert.That(fake.Email).IsEqualTo("steve@example.com");
        await Assert.That(fake.ExternalId).IsEqualTo("crm-42");
        await Assert.That(fake.CheckPassword(password)).IsTrue();
        (await sandbox.RunWithStdinAsync("N3w-password\n", "admin", "users", "update", id, "--password-stdin")).Expect(0);
        await Assert.That(fake.CheckPassword("N3w-password")).IsTrue();
        (await sandbox.RunAsync("admin", "users", "update", id)).Expect(2);

        var refused = (await sandbox.RunAsync("admin", "users", "delete", id)).Expect(2);
        await Assert.That(refused.Stderr).Contains("--yes");
        await Assert.That(panel.State.FindUser(fake.Id)).IsNotNull();
        (await sandbox.RunAsync("admin", "users", "delete", id, "--yes")).Expect(0);
        await Assert.That(panel.State.FindUser(fake.Id)).IsNull();
        (await sandbox.RunAsync("admin", "users", "show", id)).Expect(4);
    }

    [Test]
    public async Task Users_errors_name_the_fields_and_owners_of_servers_cannot_be_deleted()
    {
        await using var panel = await FakePanel.StartAsync();
        using var sandbox = Admin(panel);

        var invalid = (await sandbox.RunAsync("admin", "users", "create", "--email", "nope", "--username", "demo",
            "--first-name", "A", "--last-name", "B")).Expect(5);
        await Assert.That(invalid.Stderr).Contains("email: The email must be a valid email address.");
        await Assert.That(invalid.Stderr).Contains("username: The username has already been taken.");

        var owner = (await sandbox.RunAsync("admin", "users", "delete", "1", "--yes")).Expect(5);
        await Assert.That(owner.Stderr).Contains("Cannot delete a user with active servers");

        (await sandbox.RunAsync("admin", "users", "show", "abc")).Expect(2);
        sandbox.Env["PTERO_TOKEN"] = panel.ClientKey;
        (await sandbox.RunAsync("admin", "users", "list")).Expect(3);
    }

    [Test]
    public async Task Locations_create_list_update_delete()
    {
        await using var panel = await FakePanel.StartAsync();
        using var sandbox = Admin(panel);

        var created = (await sandbox.RunAsync("admin", "locations", "create", "eu.fra", "--description", "Frankfurt", "-o", "json")).Expect(0);
        var id = Id(created);
        var list = (await sandbox.RunAsync("admin", "locations", "list")).Expect(0);
        await Assert.That(list.Stdout).Contains("eu.fra");
        await Assert.That(list.Stdout).Contains("us.nyc");

        (await sandbox.RunAsync("admin", "locations", "update", id, "--description", "Frankfurt am Main")).Expect(0);
        var location = panel.State.FindLocation(int.Parse(id, System.Globalization.CultureInfo.InvariantCulture))!;
        await Assert.That(location.Short).IsEqualTo("eu.fra");
        await Assert.That(location.Long).IsEqualTo("Frankfurt am Main");
        var show = (await sandbox.RunAsync("admin", "locations", "show", "1")).Expect(0);
        await Assert.That(show.Stdout).Contains("Node 1");

        (await sandbox.RunAsync("admin", "locations", "create", "eu.fra")).Expect(5);
        (await sandbox.RunAsync("admin", "locations", "delete", id)).Expect(2);
        (await sandbox.RunAsync("admin", "locations", "delete", id, "--yes")).Expect(0);
        await Assert.That(panel.State.FindLocation(location.Id)).IsNull();
        var busy = (await sandbox.RunAsync("admin", "locations", "delete", "1", "--yes")).Expect(5);
        await Assert.That(busy.Stderr).Contains("active nodes");
    }

    [Test]
    public async Task Nests_and_eggs_list_and_show_variables_with_defaults_and_rules()
    {
        await using var panel = await FakePanel.StartAsync();
        using var sandbox = Admin(panel);

        var nests = (await sandbox.RunAsync("admin", "nests", "list")).Expect(0);
        await Assert.That(nests.Stdout).Contains("Minecraft");
        await Assert.That(nests.Stdout).Contains("Paper (1)");
        var nest = (await sandbox.RunAsync("admin", "nests", "show", "1")).Expect(0);
        await Assert.That(nest.Stdout).Contains("Vanilla Minecraft");

        var eggs = (await sandbox.RunAsync("admin", "eggs", "list", "1", "-o", "json")).Expect(0);
        using (var doc = JsonDocument.Parse(eggs.Stdout))
            await Assert.That(doc.RootElement.GetArrayLength()).IsEqualTo(2);

        var paper = (await sandbox.RunAsync("admin", "eggs", "show", "1", "1")).Expect(0);
        await Assert.That(paper.Stdout).Contains("SERVER_JARFILE");
        await Assert.That(paper.Stdout).Contains("server.jar");
        await Assert.That(paper.Stdout).Contains("required|regex:");
        await Assert.That(paper.Stdout).Contains("ghcr.io/pterodactyl/yolks:java_21");
        var json = (await sandbox.RunAsync("admin", "eggs", "show", "1", "2", "-o", "json")).Expect(0);
        using (var doc = JsonDocument.Parse(json.Stdout))
        {
            var variables = doc.RootElement.GetProperty("relationships").GetProperty("variables").GetProperty("data");
            await Assert.That(variables.GetArrayLength()).IsEqualTo(3);
        }

        (await sandbox.RunAsync("admin", "eggs", "show", "1", "99")).Expect(4);
        (await sandbox.RunAsync("admin", "eggs", "list", "42")).Expect(4);
    }
}
