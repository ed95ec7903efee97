using System.Net;
using System.Text.Json;
using PteroAot.Application;
using PteroAot.Tests.Support;

namespace PteroAot.Tests.Application;

/// <summary><c>/api/application/users</c> through <c>panel.Application.Users</c> against the fake panel.</summary>
public class UsersTests
{
    private static CreateUserRequest NewUser(string name, string? externalId = null, string? password = null) => new()
    {
        Email = $"{name}@example.com",
        Username = name,
        FirstName = "First " + name,
        LastName = "Last " + name,
        ExternalId = externalId,
        Password = password,
    };

    [Test]
    public async Task List_shows_the_seeded_users_with_pagination_and_filters_match_parts()
    {
        await using var t = await TestPanel.StartAsync();
        var users = t.Admin.Application.Users;

        var page = await users.ListAsync();
        await Assert.That(page.Items.Select(u => u.Username)).IsEquivalentTo(["demo", "admin"]);
        await Assert.That(page.Pagination!.PerPage).IsEqualTo(50);
        await Assert.That(page.Pagination.Total).IsEqualTo(2);
        var demo = page.Items[0];
        await Assert.That(demo.Id).IsEqualTo(new UserId(1));
        await Assert.That(demo.Email).IsEqualTo("demo@example.com");
        await Assert.That(demo.FirstName).IsEqualTo("Demo");
        await Assert.That(demo.RootAdmin).IsFalse();
        await Assert.That(page.Items[1].RootAdmin).IsTrue();

        var byEmail = await users.ListAsync(email: "ADMIN@");
        await Assert.That(byEmail.Items.Single().Username).IsEqualTo("admin");
        var either = await users.ListAsync(username: "dem,adm");
        await Assert.That(either.Items.Count).IsEqualTo(2);
        var descending = await users.ListAsync(sort: "-id");
        await Assert.That(descending.Items[0].Id).IsEqualTo(new UserId(2));
        var byUuid = await users.ListAsync(uuid: demo.Uuid.ToString()[..8]);
        await Assert.That(byUuid.Items.Single().Id).IsEqualTo(demo.Id);
    }

    [Test]
    public async Task Unknown_sort_is_a_400_naming_the_allowed_ones_even_from_the_walk()
    {
        await using var t = await TestPanel.StartAsync();

        var sort = await Assert.ThrowsAsync<PteroApiException>(async () =>
        {
            await foreach (var _ in t.Admin.Application.Users.EnumerateAsync(sort: "email"))
            {
            }
        });

        await Assert.That(sort!.StatusCode).IsEqualTo(HttpStatusCode.BadRequest);
        await Assert.That(sort.Code).IsEqualTo("InvalidSortQuery");
        await Assert.That(sort.Detail).Contains("`id, uuid`");
    }

    [Test]
    public async Task Enumerate_walks_every_page_and_per_page_has_no_cap()
    {
        await using var t = await TestPanel.StartAsync();
        var users = t.Admin.Application.Users;
        for (var i = 0; i < 5; i++)
            await users.CreateAsync(NewUser($"walker{i}"));
        t.Panel.ClearRequests();

        var all = new List<ApplicationUser>();
        await foreach (var u in users.EnumerateAsync(perPage: 2))
            all.Add(u);

        await Assert.That(all.Count).IsEqualTo(7);
        await Assert.That(all.Select(u => u.Id.Value).Distinct().Count()).IsEqualTo(7);
        await Assert.That(t.Panel.Requests.Count(r => r.Path == "/api/application/users")).IsEqualTo(4);

        var big = await users.ListAsync(perPage: 500);
        await Assert.That(big.Pagination!.PerPage).IsEqualTo(500);
        await Assert.That(big.Items.Count).IsEqualTo(7);
    }

    [Test]
    public async Task Get_by_id_and_external_id_with_servers_included()
    {
        await using var t = await TestPanel.StartAsync();
        var users = t.Admin.Application.Users;
        var created = await users.CreateAsync(NewUser("integrated", externalId: "billing 42+x"));

        var demo = await users.GetAsync(new UserId(1), ApplicationUserInclude.Servers);
        await Assert.That(demo.Username).IsEqualTo("demo");
        await Assert.That(demo.Servers!.Select(s => s.Name)).IsEquivalentTo(["Survival", "Creative"]);
        await Assert.That(demo.Servers!.All(s => s.UserId == demo.Id)).IsTrue();
        var plain = await users.GetAsync(new UserId(1));
        await Assert.That(plain.Servers).IsNull();

        var external = await users.GetByExternalIdAsync("billing 42+x");
        await Assert.That(external.Id).IsEqualTo(created.Id);
        await Assert.That(external.ExternalId).IsEqualTo("billing 42+x");
        var externalWithServers = await users.GetByExternalIdAsync("billing 42+x", ApplicationUserInclude.Servers);
        await Assert.That(externalWithServers.Servers!).IsEmpty();

        await Assert.ThrowsAsync<PteroNotFoundException>(() => users.GetAsync(new UserId(999)));
        await Assert.ThrowsAsync<PteroNotFoundException>(() => users.GetByExternalIdAsync("nobody"));
    }

    [Test]
    public async Task Create_answers_201_with_meta_resource_and_the_user_can_use_the_panel()
    {
        await using var t = await TestPanel.StartAsync();
        var request = NewUser("NewPlayer", externalId: "billing-2231", password: "s3cret-Passw0rd") with { RootAdmin = false };

        var created = await t.Admin.Application.Users.CreateAsync(request);

        await Assert.That(created.Username).IsEqualTo("newplayer");
        await Assert.That(created.Email).IsEqualTo("NewPlayer@example.com");
        await Assert.That(created.FirstName).IsEqualTo("First NewPlayer");
        await Assert.That(created.ExternalId).IsEqualTo("billing-2231");
        await Assert.That(created.Language).IsEqualTo("en");
        await Assert.That(created.TwoFactor).IsFalse();
        var post = t.Panel.Requests.Last(r => r.Method == "POST");
        await Assert.That(post.Status).IsEqualTo(201);

        var fake = t.Panel.State.FindUser(created.Id.Value)!;
        await Assert.That(fake.Username).IsEqualTo("newplayer");
        await Assert.That(fake.CheckPassword("s3cret-Passw0rd")).IsTrue();
        // A real user: a client key of theirs works on the client API.
        using var own = t.ClientWith(t.Panel.State.IssueClientKey(fake));
        var account = await own.Account.GetAsync();
        await Assert.That(account.Username).IsEqualTo("newplayer");

        var noPassword = await t.Admin.Application.Users.CreateAsync(NewUser("setup-link"));
        await Assert.That(t.Panel.State.FindUser(noPassword.Id.Value)!.CheckPassword("")).IsFalse();
    }

    [Test]
    public async Task Create_meta_resource_is_the_new_users_url()
    {
        await using var t = await TestPanel.StartAsync();
        using var http = new HttpClient();
        using var message = new HttpRequestMessage(HttpMethod.Post, new Uri(t.Panel.Url, "/api/application/users"))
        {
            Content = new StringContent("""{"email":"raw@example.com","username":"raw","first_name":"R","last_name":"W"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        message.Headers.Add("Authorization", "Bearer " + t.Panel.ApplicationKey);
        message.Headers.Add("Accept", "application/json");
        using var response = await http.SendAsync(message);

        await Assert.That(response.StatusCode).IsEqualTo(HttpStatusCode.Created);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var id = doc.RootElement.GetProperty("attributes").GetProperty("id").GetInt32();
        await Assert.That(doc.RootElement.GetProperty("meta").GetProperty("resource").GetString()!)
            .EndsWith($"/api/application/users/{id}");
    }

    [Test]
    public async Task Create_422_names_each_field_and_rule()
    {
        await using var t = await TestPanel.StartAsync();
        var users = t.Admin.Application.Users;
        await users.CreateAsync(NewUser("taken", externalId: "ext-1"));

        var ex = await Assert.ThrowsAsync<PteroValidationException>(() => users.CreateAsync(new CreateUserRequest
        {
            Email = "not-an-email",
            Username = "-bad-",
            FirstName = "",
            LastName = "  ",
            ExternalId = "EXT-1",
        }));

        await Assert.That(ex!.FieldErrors.Keys).IsEquivalentTo(["email", "username", "first_name", "last_name", "external_id"]);
        var rules = ex.Errors.Select(e => $"{e.SourceField}:{e.Rule}").ToList();
        await Assert.That(rules).Contains("email:email");
        await Assert.That(rules).Contains("username:p_username");
        await Assert.That(rules).Contains("first_name:required");
        await Assert.That(rules).Contains("external_id:unique");
        await Assert.That(ex.FieldErrors["first_name"][0]).IsEqualTo("The first name field is required.");

        var duplicate = await Assert.ThrowsAsync<PteroValidationException>(() => users.CreateAsync(NewUser("TAKEN")));
        await Assert.That(duplicate!.Errors.Select(e => $"{e.SourceField}:{e.Rule}")).IsEquivalentTo(["email:unique", "username:unique"]);
        await Assert.That(t.Panel.State.Users.Count).IsEqualTo(3);
    }

    [Test]
    public async Task Update_is_a_full_replacement_and_missing_required_fields_are_422()
    {
        await using var t = await TestPanel.StartAsync();
        var users = t.Admin.Application.Users;
        var created = await users.CreateAsync(NewUser("replace", externalId: "keep-me", password: "old-password"));

        var ex = await Assert.ThrowsAsync<PteroValidationException>(() => users.UpdateAsync(created.Id, new UpdateUserRequest
        {
            Email = "replace@example.com",
            Username = "replace",
            FirstName = "",
            LastName = "",
        }));
        await Assert.That(ex!.FieldErrors.Keys).IsEquivalentTo(["first_name", "last_name"]);

        // The whole request is written: the external id, sent as null, is cleared.
        var updated = await users.UpdateAsync(created.Id, new UpdateUserRequest
        {
            Email = "replaced@example.com",
            Username = "Replaced",
            FirstName = "New",
            LastName = "Name",
            RootAdmin = true,
        });
        await Assert.That(updated.Username).IsEqualTo("replaced");
        await Assert.That(updated.ExternalId).IsNull();
        await Assert.That(updated.RootAdmin).IsTrue();
        await Assert.That(t.Panel.State.FindUser(created.Id.Value)!.CheckPassword("old-password")).IsTrue();

        var taken = await Assert.ThrowsAsync<PteroValidationException>(() => users.UpdateAsync(created.Id, r => r with { Email = "demo@example.com" }));
        await Assert.That(taken!.Errors.Single().Rule).IsEqualTo("unique");
        await Assert.ThrowsAsync<PteroNotFoundException>(() => users.UpdateAsync(new UserId(999), ApplicationUsersApi.ToUpdateRequest(updated)));
    }

    [Test]
    public async Task Read_modify_write_changes_one_field_and_keeps_the_others()
    {
        await using var t = await TestPanel.StartAsync();
        var users = t.Admin.Application.Users;
        var created = await users.CreateAsync(NewUser("keeper", externalId: "crm-7", password: "keep-this-password") with { RootAdmin = true });
        t.Panel.ClearRequests();

        var updated = await users.UpdateAsync(created.Id, r => r with { Email = "keeper@new.example.com" });

        await Assert.That(updated.Email).IsEqualTo("keeper@new.example.com");
        await Assert.That(updated.Username).IsEqualTo(created.Username);
        await Assert.That(updated.FirstName).IsEqualTo(created.FirstName);
        await Assert.That(updated.LastName).IsEqualTo(created.LastName);
        await Assert.That(updated.ExternalId).IsEqualTo("crm-7");
        await Assert.That(updated.RootAdmin).IsTrue();
        await Assert.That(updated.Language).IsEqualTo(created.Language);
        var fake = t.Panel.State.FindUser(created.Id.Value)!;
        await Assert.That(fake.CheckPassword("keep-this-password")).IsTrue();
        // GET then one PATCH that carries every field but no password.
        await Assert.That(t.Panel.Requests.Select(r => r.Method)).IsEquivalentTo(["GET", "PATCH"]);
        using var body = JsonDocument.Parse(t.Panel.Requests.Single(r => r.Method == "PATCH").Body);
        await Assert.That(body.RootElement.GetProperty("external_id").GetString()).IsEqualTo("crm-7");
        await Assert.That(body.RootElement.GetProperty("first_name").GetString()).IsEqualTo("First keeper");
        await Assert.That(body.RootElement.TryGetProperty("password", out _)).IsFalse();

        await users.UpdateAsync(created.Id, r => r with { Password = "brand-new-password" });
        await Assert.That(fake.CheckPassword("brand-new-password")).IsTrue();
        await Assert.That(fake.Email).IsEqualTo("keeper@new.example.com");
    }

    [Test]
    public async Task Delete_answers_204_and_refuses_users_who_own_servers()
    {
        await using var t = await TestPanel.StartAsync();
        var users = t.Admin.Application.Users;
        var created = await users.CreateAsync(NewUser("leaving", password: "leaving-password"));
        var key = t.Panel.State.IssueClientKey(t.Panel.State.FindUser(created.Id.Value)!);

        await users.DeleteAsync(created.Id);

        await Assert.That(t.Panel.Requests.Last().Status).IsEqualTo(204);
        await Assert.That(t.Panel.State.FindUser(created.Id.Value)).IsNull();
        await Assert.That(t.Panel.State.Authenticate(key)).IsNull();
        await Assert.ThrowsAsync<PteroNotFoundException>(() => users.DeleteAsync(created.Id));

        var owner = await Assert.ThrowsAsync<PteroApiException>(() => users.DeleteAsync(new UserId(1)));
        await Assert.That(owner!.StatusCode).IsEqualTo(HttpStatusCode.BadRequest);
        await Assert.That(owner.Code).IsEqualTo("DisplayException");
        await Assert.That(owner.Detail).StartsWith("Cannot delete a user with active servers");
        await Assert.That(t.Panel.State.FindUser(1)).IsNotNull();
    }

    [Test]
    public async Task A_non_admin_key_gets_403_on_every_user_route()
    {
        await using var t = await TestPanel.StartAsync();
        var users = t.Client.Application.Users;

        await Assert.ThrowsAsync<PteroPermissionException>(() => users.ListAsync());
        await Assert.ThrowsAsync<PteroPermissionException>(() => users.GetAsync(new UserId(1)));
        await Assert.ThrowsAsync<PteroPermissionException>(() => users.CreateAsync(NewUser("sneaky")));
        await Assert.ThrowsAsync<PteroPermissionException>(() => users.DeleteAsync(new UserId(2)));
        await Assert.That(t.Panel.State.Users.Count).IsEqualTo(2);
    }
}
