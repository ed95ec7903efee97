using PteroAot.Subusers;
using PteroAot.Tests.Support;

namespace PteroAot.Tests.Client.Subusers;

public class SubuserTests
{
    [Test]
    public async Task Create_get_list_update_and_delete_a_subuser()
    {
        await using var t = await TestPanel.StartAsync();
        var server = t.Server("Survival").Id();

        var created = await t.Client.Subusers.CreateAsync(server, "helper@example.com", ["control.console", "file.read", "bogus.permission"]);
        await Assert.That(created.Email).IsEqualTo("helper@example.com");
        await Assert.That(created.Username).StartsWith("helper");
        await Assert.That(created.Image).StartsWith("https://gravatar.com/avatar/");
        await Assert.That(created.TwoFactorEnabled).IsFalse();
        await Assert.That(created.Permissions).IsEquivalentTo(["control.console", "file.read", "websocket.connect"]);
        await Assert.That(t.Panel.State.FindUserByEmail("helper@example.com")).IsNotNull(); // the account was created

        var fetched = await t.Client.Subusers.GetAsync(server, created.Uuid);
        await Assert.That(fetched).IsEqualTo(created with { Permissions = fetched.Permissions });
        await Assert.That(fetched.Permissions).IsEquivalentTo(created.Permissions);
        var listed = await t.Client.Subusers.ListAsync(server);
        await Assert.That(listed.Items.Select(s => s.Uuid)).Contains(created.Uuid);
        await Assert.That(listed.Pagination).IsNull();

        var updated = await t.Client.Subusers.UpdateAsync(server, created.Uuid, ["backup.read", "nope"]);
        await Assert.That(updated.Permissions).IsEquivalentTo(["backup.read", "websocket.connect"]);
        await Assert.That((await t.Client.Subusers.GetAsync(server, created.Uuid)).Permissions).IsEquivalentTo(["backup.read", "websocket.connect"]);

        await t.Client.Subusers.DeleteAsync(server, created.Uuid);
        await Assert.ThrowsAsync<PteroNotFoundException>(() => t.Client.Subusers.GetAsync(server, created.Uuid));
        await Assert.That((await t.Client.Subusers.ListAsync(server)).Items).IsEmpty();
        await Assert.That(t.Panel.State.FindUserByEmail("helper@example.com")).IsNotNull(); // the account stays
    }

    [Test]
    public async Task An_existing_user_is_added_by_email()
    {
        await using var t = await TestPanel.StartAsync();
        var other = t.Panel.State.CreateUser("friend", "friend@example.com", "pw");
        var created = await t.Client.Subusers.CreateAsync(t.Server("Survival").Id(), "friend@example.com", ["control.start"]);
        await Assert.That(created.Uuid.Value).IsEqualTo(other.Uuid.ToString());
        await Assert.That(created.Username).IsEqualTo("friend");
    }

    [Test]
    public async Task An_existing_subuser_is_a_400()
    {
        await using var t = await TestPanel.StartAsync();
        var server = t.Server("Survival").Id();
        await t.Client.Subusers.CreateAsync(server, "twice@example.com", ["control.console"]);

        var ex = await Assert.ThrowsAsync<PteroApiException>(() => t.Client.Subusers.CreateAsync(server, "twice@example.com", ["control.console"]));
        await Assert.That((int)ex!.StatusCode).IsEqualTo(400);
        await Assert.That(ex.Errors[0].Code).IsEqualTo("ServerSubuserExistsException");
        await Assert.That(ex.Errors[0].Detail).IsEqualTo("A user with that email address is already assigned as a subuser for this server.");
    }

    [Test]
    public async Task The_owner_as_subuser_is_a_400()
    {
        await using var t = await TestPanel.StartAsync();
        var ex = await Assert.ThrowsAsync<PteroApiException>(
            () => t.Client.Subusers.CreateAsync(t.Server("Survival").Id(), t.Panel.DemoUser.Email, ["control.console"]));
        await Assert.That((int)ex!.StatusCode).IsEqualTo(400);
        await Assert.That(ex.Errors[0].Code).IsEqualTo("UserIsServerOwnerException");
    }

    [Test]
    public async Task A_limited_subuser_cannot_grant_a_permission_they_lack_nor_see_themselves()
    {
        await using var t = await TestPanel.StartAsync();
        var survival = t.Server("Survival");
        var limitedUser = t.Panel.State.CreateUser("limited", "limited@example.com", "pw");
        t.Panel.State.AddSubuser(survival, limitedUser, ["user.create", "user.read", "user.update", "control.console"]);
        using var limited = t.ClientWith(t.Panel.State.IssueClientKey(limitedUser));

        var ex = await Assert.ThrowsAsync<PteroPermissionException>(
            () => limited.Subusers.CreateAsync(survival.Id(), "granted@example.com", ["control.console", "file.delete"]));
        await Assert.That(ex!.Errors[0].Detail).IsEqualTo("Cannot assign permissions to a subuser that your account does not actively possess.");

        var ok = await limited.Subusers.CreateAsync(survival.Id(), "granted@example.com", ["control.console"]);
        await Assert.That(ok.Permissions).IsEquivalentTo(["control.console", "websocket.connect"]);
        await Assert.ThrowsAsync<PteroPermissionException>(() => limited.Subusers.UpdateAsync(survival.Id(), ok.Uuid, ["file.delete"]));
        await Assert.ThrowsAsync<PteroPermissionException>(() => limited.Subusers.DeleteAsync(survival.Id(), ok.Uuid)); // no user.delete
        await Assert.ThrowsAsync<PteroPermissionException>(() => limited.Subusers.GetAsync(survival.Id(), UserUuid.Parse(limitedUser.Uuid.ToString())));
    }

    [Test]
    public async Task Without_user_read_the_list_is_a_403()
    {
        await using var t = await TestPanel.StartAsync();
        var lobby = t.Server("Shared Lobby").Id(); // the demo user is a subuser without user.* there
        await Assert.ThrowsAsync<PteroPermissionException>(() => t.Client.Subusers.ListAsync(lobby));
    }

    [Test]
    public async Task An_unknown_user_uuid_is_a_404()
    {
        await using var t = await TestPanel.StartAsync();
        var server = t.Server("Survival").Id();
        var unknown = UserUuid.Parse(Guid.NewGuid().ToString());
        await Assert.ThrowsAsync<PteroNotFoundException>(() => t.Client.Subusers.GetAsync(server, unknown));
        await Assert.ThrowsAsync<PteroNotFoundException>(() => t.Client.Subusers.UpdateAsync(server, unknown, ["control.console"]));
        await Assert.ThrowsAsync<PteroNotFoundException>(() => t.Client.Subusers.DeleteAsync(server, unknown));
    }

    [Test]
    public async Task An_invalid_email_is_a_422()
    {
        await using var t = await TestPanel.StartAsync();
        var ex = await Assert.ThrowsAsync<PteroValidationException>(
            () => t.Client.Subusers.CreateAsync(t.Server("Survival").Id(), "not-an-email", ["control.console"]));
        await Assert.That(ex!.FieldErrors.ContainsKey("email")).IsTrue();
    }

    [Test]
    public async Task The_list_fixture_parses()
    {
        using var client = AreaSupport.Canned(RepoPaths.Spec("fixtures", "client", "subusers-list.json"));
        var list = await client.Subusers.ListAsync(ServerIdentifier.Parse("1a7ce997"));
        var alex = list.Items.Single();
        await Assert.That(alex.Uuid.Value).IsEqualTo("60a7aec3-e17d-4aa9-abb3-56d944d204b4");
        await Assert.That(alex.Username).IsEqualTo("alex");
        await Assert.That(alex.CreatedAt).IsEqualTo(DateTimeOffset.Parse("2024-04-01T08:30:00+00:00", System.Globalization.CultureInfo.InvariantCulture));
        await Assert.That(alex.Permissions).Contains("websocket.connect");
    }
}
