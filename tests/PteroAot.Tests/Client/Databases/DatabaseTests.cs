using System.Net;
using PteroAot.Tests.Client.Files;
using PteroAot.Tests.Support;

namespace PteroAot.Tests.Client.Databases;

public class DatabaseTests
{
    [Test]
    public async Task Create_returns_200_with_prefixed_name_and_password_and_list_shows_it()
    {
        await using var t = await TestPanel.StartAsync();
        var fake = TestServers.Survival(t.Panel);
        var server = TestServers.Id(fake);

        var created = await t.Client.Databases.CreateAsync(server, "luckperms", "172.18.0.%");

        await Assert.That(created.Name).IsEqualTo($"s{fake.Id}_luckperms");
        await Assert.That(created.Username).StartsWith($"u{fake.Id}_");
        await Assert.That(created.ConnectionsFrom).IsEqualTo("172.18.0.%");
        await Assert.That(created.Host.Port).IsEqualTo(3306);
        await Assert.That(created.MaxConnections).IsEqualTo(0);
        await Assert.That(created.Password!.Length).IsEqualTo(24);
        await Assert.That(created.ToString()).DoesNotContain(created.Password!);
        await Assert.That(t.Panel.Requests.Last(r => r.Method == "POST").Status).IsEqualTo(200);

        var plain = await t.Client.Databases.ListAsync(server);
        await Assert.That(plain.Items.Single().Id).IsEqualTo(created.Id);
        await Assert.That(plain.Items.Single().Relationships).IsNull();
        var withPasswords = await t.Client.Databases.ListWithPasswordsAsync(server);
        await Assert.That(withPasswords.Items.Single().Password).IsEqualTo(created.Password);
    }

    [Test]
    public async Task Rotate_password_changes_it_and_delete_removes_the_database()
    {
        await using var t = await TestPanel.StartAsync();
        var server = TestServers.Id(TestServers.Survival(t.Panel));
        var created = await t.Client.Databases.CreateAsync(server, "plan");

        var rotated = await t.Client.Databases.RotatePasswordAsync(server, created.Id);
        await Assert.That(rotated.Id).IsEqualTo(created.Id);
        await Assert.That(rotated.Password).IsNotEqualTo(created.Password);

        await t.Client.Databases.DeleteAsync(server, created.Id);
        await Assert.That((await t.Client.Databases.ListAsync(server)).Items).IsEmpty();
        await Assert.That(t.Panel.Requests.Last().Status).IsEqualTo(200);
        await Assert.ThrowsAsync<PteroNotFoundException>(() => t.Client.Databases.DeleteAsync(server, created.Id));
    }

    [Test]
    public async Task Unknown_database_id_is_404_and_another_servers_database_is_404()
    {
        await using var t = await TestPanel.StartAsync();
        var survival = TestServers.Id(TestServers.Survival(t.Panel));
        var creative = TestServers.Id(t.Panel.State.Servers.First(s => s.Name == "Creative"));
        var other = await t.Client.Databases.CreateAsync(creative, "coreprotect");

        var unknown = await Assert.ThrowsAsync<PteroNotFoundException>(() => t.Client.Databases.RotatePasswordAsync(survival, DatabaseId.Parse("zzzzzzzz")));
        await Assert.That(unknown!.StatusCode).IsEqualTo(HttpStatusCode.NotFound);
        await Assert.ThrowsAsync<PteroNotFoundException>(() => t.Client.Databases.DeleteAsync(survival, other.Id));
    }

    [Test]
    public async Task Creating_past_the_database_limit_is_400_TooManyDatabases()
    {
        await using var t = await TestPanel.StartAsync();
        var fake = TestServers.Survival(t.Panel);
        var server = TestServers.Id(fake);
        fake.DatabaseLimit = 1;
        await t.Client.Databases.CreateAsync(server, "first");

        var ex = await Assert.ThrowsAsync<PteroApiException>(() => t.Client.Databases.CreateAsync(server, "second"));

        await Assert.That(ex!.StatusCode).IsEqualTo(HttpStatusCode.BadRequest);
        await Assert.That(ex.Errors[0].Code).IsEqualTo("TooManyDatabasesException");
    }

    [Test]
    public async Task Invalid_or_duplicate_names_are_422()
    {
        await using var t = await TestPanel.StartAsync();
        var server = TestServers.Id(TestServers.Survival(t.Panel));
        await t.Client.Databases.CreateAsync(server, "shop");

        var bad = await Assert.ThrowsAsync<PteroValidationException>(() => t.Client.Databases.CreateAsync(server, "no spaces!", "%"));
        await Assert.That(bad!.FieldErrors.ContainsKey("database")).IsTrue();
        var dup = await Assert.ThrowsAsync<PteroValidationException>(() => t.Client.Databases.CreateAsync(server, "shop"));
        await Assert.That(dup!.FieldErrors["database"][0]).Contains("already in use");
        var remote = await Assert.ThrowsAsync<PteroValidationException>(() => t.Client.Databases.CreateAsync(server, "other", "bad remote"));
        await Assert.That(remote!.FieldErrors.ContainsKey("remote")).IsTrue();
    }

    [Test]
    public async Task Password_include_without_view_password_is_a_null_resource()
    {
        await using var t = await TestPanel.StartAsync();
        var lobbyFake = TestServers.SharedLobby(t.Panel);
        var lobby = TestServers.Id(lobbyFake);
        using (var admin = t.ClientWith(t.Panel.State.IssueClientKey(t.Panel.AdminUser)))
            await admin.Databases.CreateAsync(lobby, "lobbydb");
        t.Panel.State.AddSubuser(lobbyFake, t.Panel.DemoUser, ["database.read"]);

        var list = await t.Client.Databases.ListWithPasswordsAsync(lobby);

        var db = list.Items.Single();
        await Assert.That(db.Relationships!.Password!.Object).IsEqualTo("null_resource");
        await Assert.That(db.Password).IsNull();
    }

    [Test]
    public async Task Subusers_without_database_permissions_get_403_and_strangers_404()
    {
        await using var t = await TestPanel.StartAsync();
        var lobby = TestServers.Id(TestServers.SharedLobby(t.Panel));
        var foreign = TestServers.Foreign(t.Panel);

        await Assert.ThrowsAsync<PteroPermissionException>(() => t.Client.Databases.ListAsync(lobby));
        await Assert.ThrowsAsync<PteroPermissionException>(() => t.Client.Databases.CreateAsync(lobby, "nope"));
        await Assert.ThrowsAsync<PteroNotFoundException>(() => t.Client.Databases.ListAsync(foreign));
        await Assert.ThrowsAsync<PteroNotFoundException>(() => t.Client.Databases.CreateAsync(foreign, "nope"));
    }
}
