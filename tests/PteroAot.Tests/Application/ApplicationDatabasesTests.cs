using System.Net;
using PteroAot.Application;
using PteroAot.Testing;
using PteroAot.Tests.Support;

namespace PteroAot.Tests.Application;

/// <summary>Server databases in the Application API, and that they are the same databases the Client API shows.</summary>
public class ApplicationDatabasesTests
{
    private static readonly DatabaseHostId Host1 = new(1);

    private static FakeServer Survival(TestPanel t) => t.Panel.State.Servers.First(s => s.Name == "Survival");

    [Test]
    public async Task Create_answers_201_with_the_prefixed_name_and_the_client_api_shows_it()
    {
        await using var t = await TestPanel.StartAsync();
        var fake = Survival(t);
        var server = new ServerId(fake.Id);

        var created = await t.Admin.Application.Databases.CreateAsync(server, "luckperms", Host1, "10.0.0.%");

        await Assert.That(t.Panel.Requests.Last().Status).IsEqualTo(201);
        await Assert.That(created.Database).IsEqualTo($"s{fake.Id}_luckperms");
        await Assert.That(created.Username).StartsWith($"u{fake.Id}_");
        await Assert.That(created.Remote).IsEqualTo("10.0.0.%");
        await Assert.That(created.ServerId).IsEqualTo(server);
        await Assert.That(created.HostId).IsEqualTo(Host1);
        await Assert.That(created.Password).IsNull();

        var client = await t.Client.Databases.ListAsync(ServerIdentifier.Parse(fake.Identifier), "password");
        var shown = client.Items.Single();
        await Assert.That(shown.Name).IsEqualTo(created.Database);
        await Assert.That(shown.Username).IsEqualTo(created.Username);
        await Assert.That(shown.Host.Address).IsEqualTo("10.0.0.20");
        await Assert.That(shown.Password).IsEqualTo(fake.Databases.Single().Password);
    }

    [Test]
    public async Task A_database_made_through_the_client_api_is_listed_with_its_numeric_id_password_and_host()
    {
        await using var t = await TestPanel.StartAsync();
        var fake = Survival(t);
        var clientMade = await t.Client.Databases.CreateAsync(ServerIdentifier.Parse(fake.Identifier), "plan");
        var appMade = await t.Admin.Application.Databases.CreateAsync(new ServerId(fake.Id), "shop", Host1);

        var plain = await t.Admin.Application.Databases.ListAsync(new ServerId(fake.Id));
        await Assert.That(plain.Pagination).IsNull();
        await Assert.That(plain.Items.Select(d => d.Database)).IsEquivalentTo([$"s{fake.Id}_plan", $"s{fake.Id}_shop"]);
        await Assert.That(plain.Items.All(d => d.Relationships is null)).IsTrue();
        // One id sequence across both APIs.
        await Assert.That(plain.Items.Select(d => d.Id).Distinct().Count()).IsEqualTo(2);
        await Assert.That(plain.Items[1].Id).IsEqualTo(appMade.Id);

        var full = await t.Admin.Application.Databases.ListAsync(new ServerId(fake.Id), ApplicationDatabaseInclude.Password | ApplicationDatabaseInclude.Host);
        await Assert.That(full.Items[0].Password).IsEqualTo(clientMade.Password);
        await Assert.That(full.Items[0].Host!.Name).IsEqualTo("MySQL on node 1");
        await Assert.That(full.Items[0].Host!.Port).IsEqualTo(3306);
        await Assert.That(full.Items[0].ToString()).DoesNotContain(clientMade.Password!);
    }

    [Test]
    public async Task Get_is_scoped_to_the_server()
    {
        await using var t = await TestPanel.StartAsync();
        var survival = new ServerId(Survival(t).Id);
        var creative = new ServerId(t.Panel.State.Servers.First(s => s.Name == "Creative").Id);
        var db = await t.Admin.Application.Databases.CreateAsync(survival, "economy", Host1);

        var got = await t.Admin.Application.Databases.GetAsync(survival, db.Id, ApplicationDatabaseInclude.Host);
        await Assert.That(got.Database).IsEqualTo(db.Database);
        await Assert.That(got.Host!.Id).IsEqualTo(Host1);
        await Assert.That(got.Password).IsNull();

        await Assert.ThrowsAsync<PteroNotFoundException>(() => t.Admin.Application.Databases.GetAsync(creative, db.Id));
        await Assert.ThrowsAsync<PteroNotFoundException>(() => t.Admin.Application.Databases.GetAsync(survival, new ServerDatabaseId(999)));
        await Assert.ThrowsAsync<PteroNotFoundException>(() => t.Admin.Application.Databases.ListAsync(new ServerId(999)));
        await Assert.ThrowsAsync<PteroPermissionException>(() => t.Client.Application.Databases.GetAsync(survival, db.Id));
        await Assert.ThrowsAsync<PteroPermissionException>(() => t.Client.Application.Databases.ListAsync(survival));
    }

    [Test]
    public async Task Reset_password_answers_204_and_the_new_password_reads_with_the_include()
    {
        await using var t = await TestPanel.StartAsync();
        var server = new ServerId(Survival(t).Id);
        var db = await t.Admin.Application.Databases.CreateAsync(server, "economy", Host1);
        var before = (await t.Admin.Application.Databases.GetAsync(server, db.Id, ApplicationDatabaseInclude.Password)).Password;

        var after = await t.Admin.Application.Databases.ResetPasswordAndGetAsync(server, db.Id);

        await Assert.That(t.Panel.Requests.Last(r => r.Method == "POST").Status).IsEqualTo(204);
        await Assert.That(after.Password).IsNotNull();
        await Assert.That(after.Password).IsNotEqualTo(before);
        await Assert.That(after.Password!.Length).IsEqualTo(24);
        await Assert.That(after.Password).IsEqualTo(Survival(t).Databases.Single().Password);
        await Assert.ThrowsAsync<PteroNotFoundException>(() => t.Admin.Application.Databases.ResetPasswordAsync(server, new ServerDatabaseId(999)));
        await Assert.ThrowsAsync<PteroPermissionException>(() => t.Client.Application.Databases.ResetPasswordAsync(server, db.Id));
    }

    [Test]
    public async Task Delete_answers_204_and_the_client_api_no_longer_lists_it()
    {
        await using var t = await TestPanel.StartAsync();
        var fake = Survival(t);
        var server = new ServerId(fake.Id);
        var db = await t.Admin.Application.Databases.CreateAsync(server, "economy", Host1);

        await Assert.ThrowsAsync<PteroPermissionException>(() => t.Client.Application.Databases.DeleteAsync(server, db.Id));
        await t.Admin.Application.Databases.DeleteAsync(server, db.Id);

        await Assert.That(t.Panel.Requests.Last().Status).IsEqualTo(204);
        await Assert.That((await t.Client.Databases.ListAsync(ServerIdentifier.Parse(fake.Identifier))).Items).IsEmpty();
        await Assert.ThrowsAsync<PteroNotFoundException>(() => t.Admin.Application.Databases.DeleteAsync(server, db.Id));
    }

    [Test]
    public async Task Bad_name_remote_or_host_is_422_per_field()
    {
        await using var t = await TestPanel.StartAsync();
        var server = new ServerId(Survival(t).Id);
        await t.Admin.Application.Databases.CreateAsync(server, "shop", Host1);

        var bad = await Assert.ThrowsAsync<PteroValidationException>(() => t.Admin.Application.Databases.CreateAsync(server,
            new CreateServerDatabaseRequest { Database = "no spaces!", Remote = "any host", HostId = new DatabaseHostId(42) }));
        await Assert.That(bad!.FieldErrors.Keys).IsEquivalentTo(["database", "remote", "host"]);
        await Assert.That(bad.Errors.Single(e => e.SourceField == "database").Rule).IsEqualTo("alpha_dash");
        await Assert.That(bad.Errors.Single(e => e.SourceField == "remote").Rule).IsEqualTo("regex");
        await Assert.That(bad.Errors.Single(e => e.SourceField == "host").Rule).IsEqualTo("exists");

        var duplicate = await Assert.ThrowsAsync<PteroValidationException>(() => t.Admin.Application.Databases.CreateAsync(server, "shop", Host1));
        await Assert.That(duplicate!.Errors.Single().Rule).IsEqualTo("unique");
        var tooLong = await Assert.ThrowsAsync<PteroValidationException>(() => t.Admin.Application.Databases.CreateAsync(server, new string('d', 49), Host1));
        await Assert.That(tooLong!.Errors.Single().Rule).IsEqualTo("max");
        var longRemote = await Assert.ThrowsAsync<PteroValidationException>(() => t.Admin.Application.Databases.CreateAsync(server, "x", Host1, "1234567890.12345%"));
        await Assert.That(longRemote!.FieldErrors.Keys).IsEquivalentTo(["remote"]);

        // One character and 48 characters are both fine; the same name on another server is too.
        await t.Admin.Application.Databases.CreateAsync(new ServerId(t.Panel.State.Servers.First(s => s.Name == "Creative").Id), "shop", Host1);
        Survival(t).DatabaseLimit = null;
        await t.Admin.Application.Databases.CreateAsync(server, "a", Host1);
        await t.Admin.Application.Databases.CreateAsync(server, new string('d', 48), Host1);
    }

    [Test]
    public async Task Creating_past_the_servers_database_limit_is_400()
    {
        await using var t = await TestPanel.StartAsync();
        var fake = Survival(t);
        fake.DatabaseLimit = 1;
        await t.Admin.Application.Databases.CreateAsync(new ServerId(fake.Id), "first", Host1);

        var ex = await Assert.ThrowsAsync<PteroApiException>(() => t.Admin.Application.Databases.CreateAsync(new ServerId(fake.Id), "second", Host1));

        await Assert.That(ex!.StatusCode).IsEqualTo(HttpStatusCode.BadRequest);
        await Assert.That(ex.Code).IsEqualTo("TooManyDatabasesException");
        await Assert.That(fake.Databases.Count).IsEqualTo(1);
    }
}
