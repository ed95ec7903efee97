using System.Text.Json;
using PteroAot.Cli.Tests.Support;
using PteroAot.Testing;

namespace PteroAot.Cli.Tests;

/// <summary><c>ptero admin nodes|allocations|databases</c> against the fake panel with the application key.</summary>
public sealed class AdminNodeCommandTests
{
    private static Sandbox Admin(FakePanel panel)
    {
        var sandbox = new Sandbox(panel);
        sandbox.Env["PTERO_TOKEN"] = panel.ApplicationKey;
        return sandbox;
    }

    [Test]
    public async Task Nodes_create_list_show_update_delete()
    {
        await using var panel = await FakePanel.StartAsync();
        using var sandbox = Admin(panel);

        var created = (await sandbox.RunAsync("admin", "nodes", "create", "--name", "de-fra-01", "--location", "1", "--fqdn", "fra.example.com",
            "--memory", "32768", "--disk", "512000", "--upload-size", "250", "-o", "json")).Expect(0);
        int id;
        using (var doc = JsonDocument.Parse(created.Stdout))
        {
            id = doc.RootElement.GetProperty("id").GetInt32();
            await Assert.That(doc.RootElement.GetProperty("daemon_listen").GetInt32()).IsEqualTo(8080);
        }

        var list = (await sandbox.RunAsync("admin", "nodes", "list")).Expect(0);
        await Assert.That(list.Stdout).Contains("de-fra-01");
        await Assert.That(list.Stdout).Contains("Node 1");
        var limited = (await sandbox.RunAsync("admin", "nodes", "list", "--limit", "1", "-o", "json")).Expect(0);
        using (var doc = JsonDocument.Parse(limited.Stdout))
            await Assert.That(doc.RootElement.GetArrayLength()).IsEqualTo(1);

        var text = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        (await sandbox.RunAsync("admin", "nodes", "update", text, "--memory", "65536", "--maintenance", "true")).Expect(0);
        var node = panel.State.FindNode(id)!;
        await Assert.That(node.Memory).IsEqualTo(65536);
        await Assert.That(node.MaintenanceMode).IsTrue();
        await Assert.That(node.UploadSize).IsEqualTo(250);
        await Assert.That(node.Fqdn).IsEqualTo("fra.example.com");

        var show = (await sandbox.RunAsync("admin", "nodes", "show", text)).Expect(0);
        await Assert.That(show.Stdout).Contains("us.nyc");
        await Assert.That(show.Stdout).Contains("65536 MiB");

        var refused = (await sandbox.RunAsync("admin", "nodes", "delete", text)).Expect(2);
        await Assert.That(refused.Stderr).Contains("--yes");
        await Assert.That(panel.State.FindNode(id)).IsNotNull();
        var busy = (await sandbox.RunAsync("admin", "nodes", "delete", "1", "--yes")).Expect(5);
        await Assert.That(busy.Stderr).Contains("no servers");
        (await sandbox.RunAsync("admin", "nodes", "delete", text, "--yes")).Expect(0);
        await Assert.That(panel.State.FindNode(id)).IsNull();
        (await sandbox.RunAsync("admin", "nodes", "show", text)).Expect(4);
    }

    [Test]
    public async Task Nodes_create_reports_each_bad_field()
    {
        await using var panel = await FakePanel.StartAsync();
        using var sandbox = Admin(panel);

        var missing = (await sandbox.RunAsync("admin", "nodes", "create", "--name", "x")).Expect(2);
        await Assert.That(missing.Stderr).Contains("--location");
        var bad = (await sandbox.RunAsync("admin", "nodes", "create", "--name", "bad/name", "--location", "99", "--fqdn", "x.example.com",
            "--memory", "1024", "--disk", "1024", "--upload-size", "5000")).Expect(5);
        await Assert.That(bad.Stderr).Contains("name");
        await Assert.That(bad.Stderr).Contains("location_id");
        await Assert.That(bad.Stderr).Contains("upload_size");
    }

    [Test]
    public async Task Config_masks_the_daemon_token_unless_show_token()
    {
        await using var panel = await FakePanel.StartAsync();
        using var sandbox = Admin(panel);
        var token = panel.State.DefaultNode.DaemonToken;

        var masked = (await sandbox.RunAsync("admin", "nodes", "config", "1")).Expect(0);
        await Assert.That(masked.All).DoesNotContain(token);
        await Assert.That(masked.Stdout).Contains(panel.State.DefaultNode.DaemonTokenId);
        await Assert.That(masked.Stderr).Contains("--show-token");
        var maskedJson = (await sandbox.RunAsync("admin", "nodes", "config", "1", "-o", "json")).Expect(0);
        await Assert.That(maskedJson.All).DoesNotContain(token);

        var shown = (await sandbox.RunAsync("admin", "nodes", "config", "1", "--show-token", "-o", "json")).Expect(0);
        using var doc = JsonDocument.Parse(shown.Stdout);
        await Assert.That(doc.RootElement.GetProperty("token").GetString()).IsEqualTo(token);

        (await sandbox.RunAsync("admin", "nodes", "update", "1", "--reset-token")).Expect(0);
        await Assert.That(panel.State.DefaultNode.DaemonToken).IsNotEqualTo(token);
    }

    [Test]
    public async Task Deployable_filters_by_size_and_location()
    {
        await using var panel = await FakePanel.StartAsync();
        using var sandbox = Admin(panel);
        var fra = panel.State.CreateLocation("eu.fra");
        panel.State.CreateNode("fra-1", fra.Id, "fra.example.com");

        var all = (await sandbox.RunAsync("admin", "nodes", "deployable", "--memory", "1024", "--disk", "1024")).Expect(0);
        await Assert.That(all.Stdout).Contains("Node 1");
        await Assert.That(all.Stdout).Contains("fra-1");
        var inFra = (await sandbox.RunAsync("admin", "nodes", "deployable", "--memory", "1024", "--disk", "1024", "--location", fra.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).Expect(0);
        await Assert.That(inFra.Stdout).Contains("fra-1");
        await Assert.That(inFra.Stdout).DoesNotContain("Node 1");
        var none = (await sandbox.RunAsync("admin", "nodes", "deployable", "--memory", "99999999", "--disk", "1")).Expect(0);
        await Assert.That(none.Stderr).Contains("No node has room");
        (await sandbox.RunAsync("admin", "nodes", "deployable", "--memory", "1")).Expect(2);
    }

    [Test]
    public async Task Allocations_create_list_unassigned_delete()
    {
        await using var panel = await FakePanel.StartAsync();
        using var sandbox = Admin(panel);

        var created = (await sandbox.RunAsync("admin", "allocations", "create", "1", "--ip", "10.0.0.5", "--ports", "25565,25570-25572", "-o", "json")).Expect(0);
        int first;
        using (var doc = JsonDocument.Parse(created.Stdout))
        {
            await Assert.That(doc.RootElement.GetArrayLength()).IsEqualTo(4);
            first = doc.RootElement[0].GetProperty("id").GetInt32();
        }

        var free = (await sandbox.RunAsync("admin", "allocations", "list", "1", "--unassigned", "-o", "json")).Expect(0);
        using (var doc = JsonDocument.Parse(free.Stdout))
            await Assert.That(doc.RootElement.GetArrayLength()).IsEqualTo(4);
        var table = (await sandbox.RunAsync("admin", "allocations", "list", "1")).Expect(0);
        await Assert.That(table.Stdout).Contains("Survival");
        await Assert.That(table.Stdout).Contains("25572");

        var bad = (await sandbox.RunAsync("admin", "allocations", "create", "1", "--ip", "10.0.0.5", "--ports", "80")).Expect(5);
        await Assert.That(bad.Stderr).Contains("greater than 1024");

        var text = first.ToString(System.Globalization.CultureInfo.InvariantCulture);
        (await sandbox.RunAsync("admin", "allocations", "delete", "1", text)).Expect(2);
        (await sandbox.RunAsync("admin", "allocations", "delete", "1", text, "--yes")).Expect(0);
        await Assert.That(panel.State.AllocationsOnNode(1).Any(p => p.Allocation.Id == first)).IsFalse();
        (await sandbox.RunAsync("admin", "allocations", "delete", "1", text, "--yes")).Expect(4);
    }

    [Test]
    public async Task Databases_create_show_reset_delete_keep_the_password_hidden_unless_asked()
    {
        await using var panel = await FakePanel.StartAsync();
        using var sandbox = Admin(panel);
        var server = panel.State.Servers.First(s => s.Name == "Survival");
        var sid = server.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var created = (await sandbox.RunAsync("admin", "databases", "create", sid, "shop", "--host", "1", "-o", "json")).Expect(0);
        int id;
        using (var doc = JsonDocument.Parse(created.Stdout))
        {
            await Assert.That(doc.RootElement.GetProperty("database").GetString()).IsEqualTo($"s{server.Id}_shop");
            id = doc.RootElement.GetProperty("id").GetInt32();
        }

        var password = server.Databases.Single().Password;
        var did = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var list = (await sandbox.RunAsync("admin", "databases", "list", sid)).Expect(0);
        await Assert.That(list.Stdout).Contains($"s{server.Id}_shop");
        await Assert.That(list.All).DoesNotContain(password);
        var show = (await sandbox.RunAsync("admin", "databases", "show", sid, did)).Expect(0);
        await Assert.That(show.All).DoesNotContain(password);
        var showJson = (await sandbox.RunAsync("admin", "databases", "show", sid, did, "-o", "json")).Expect(0);
        await Assert.That(showJson.All).DoesNotContain(password);
        var revealed = (await sandbox.RunAsync("admin", "databases", "show", sid, did, "--show-password")).Expect(0);
        await Assert.That(revealed.Stdout).Contains(password);

        var reset = (await sandbox.RunAsync("admin", "databases", "reset-password", sid, did)).Expect(0);
        var newPassword = server.Databases.Single().Password;
        await Assert.That(newPassword).IsNotEqualTo(password);
        await Assert.That(reset.All).DoesNotContain(newPassword);

        (await sandbox.RunAsync("admin", "databases", "create", sid, "shop", "--host", "1")).Expect(5);
        (await sandbox.RunAsync("admin", "databases", "delete", sid, did)).Expect(2);
        (await sandbox.RunAsync("admin", "databases", "delete", sid, did, "--yes")).Expect(0);
        await Assert.That(server.Databases).IsEmpty();
        (await sandbox.RunAsync("admin", "databases", "show", sid, did)).Expect(4);
    }

    [Test]
    public async Task A_client_key_gets_a_permission_error()
    {
        await using var panel = await FakePanel.StartAsync();
        using var sandbox = new Sandbox(panel);

        (await sandbox.RunAsync("admin", "nodes", "list")).Expect(3);
    }
}
