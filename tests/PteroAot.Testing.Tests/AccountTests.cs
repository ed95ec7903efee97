using System.Net;
using PteroAot.Testing.Tests.Support;

namespace PteroAot.Testing.Tests;

public class AccountTests
{
    [Test]
    public async Task GetAccountMatchesFixtureShapeAndDemoUser()
    {
        await using var t = await TestPanel.StartAsync();
        using var response = await t.GetAsync("/api/client/account");
        await Assert.That(response.StatusCode).IsEqualTo(HttpStatusCode.OK);
        var body = await TestPanel.JsonAsync(response);
        await Assert.That(Fixtures.ShapeDiff(Fixtures.Load("client/account.json"), body)).IsEqualTo("");
        var a = body.GetProperty("attributes");
        await Assert.That(a.GetProperty("username").GetString()).IsEqualTo("demo");
        await Assert.That(a.GetProperty("email").GetString()).IsEqualTo("demo@example.com");
        await Assert.That(a.GetProperty("admin").GetBoolean()).IsFalse();
        await Assert.That(a.GetProperty("language").GetString()).IsEqualTo("en");
        await Assert.That(a.GetProperty("id").GetInt32()).IsEqualTo(t.Panel.DemoUser.Id);
    }

    [Test]
    public async Task SeededKeysHaveTheRealFormat()
    {
        await using var t = await TestPanel.StartAsync();
        await Assert.That(t.Panel.ClientKey).Matches("^ptlc_[A-Za-z0-9]{43}$");
        await Assert.That(t.Panel.ApplicationKey).Matches("^ptla_[A-Za-z0-9]{43}$");
        await Assert.That(t.Panel.AdminUser.Admin).IsTrue();
        await Assert.That(t.Panel.DemoUser.CheckPassword("demo-password")).IsTrue();
        await Assert.That(t.Panel.DemoUser.CheckPassword("wrong")).IsFalse();
        await Assert.That(t.Panel.DemoUser.ApiKeys.Count(k => k.Type == ApiKeyType.Client)).IsEqualTo(2);
        await Assert.That(t.Panel.DemoUser.SshKeys.Count).IsEqualTo(1);
        await Assert.That(t.Panel.DemoUser.Activity.Count).IsGreaterThan(0);
    }

    [Test]
    public async Task UpdateEmailChecksPasswordFirstThenValidatesThenChanges()
    {
        await using var t = await TestPanel.StartAsync();
        using (var bad = await t.PutAsync("/api/client/account/email", """{"email":"nope","password":"wrong"}"""))
        {
            await Expect.ErrorAsync(bad, 400, "InvalidPasswordProvidedException", "The password provided was invalid for this account.");
        }

        using (var missing = await t.PutAsync("/api/client/account/email", """{"email":"  ","password":"demo-password"}"""))
        {
            var details = await Expect.ValidationAsync(missing, ("email", "required"));
            await Assert.That(details[0]).IsEqualTo("The email field is required.");
        }

        using (var invalid = await t.PutAsync("/api/client/account/email", """{"email":"not-an-email","password":"demo-password"}"""))
        {
            var details = await Expect.ValidationAsync(invalid, ("email", "email"));
            await Assert.That(details[0]).IsEqualTo("The email must be a valid email address.");
        }

        var longEmail = new string('a', 190) + "@example.com";
        using (var tooLong = await t.PutAsync("/api/client/account/email", $$"""{"email":"{{longEmail}}","password":"demo-password"}"""))
        {
            await Expect.ValidationAsync(tooLong, ("email", "between"));
        }

        using (var taken = await t.PutAsync("/api/client/account/email", """{"email":"admin@example.com","password":"demo-password"}"""))
        {
            var details = await Expect.ValidationAsync(taken, ("email", "unique"));
            await Assert.That(details[0]).IsEqualTo("The email has already been taken.");
        }

        using (var ok = await t.PutAsync("/api/client/account/email", """{"email":"  new@example.com ","password":"demo-password"}"""))
        {
            await Assert.That(ok.StatusCode).IsEqualTo(HttpStatusCode.NoContent);
            await Assert.That(await ok.Content.ReadAsStringAsync()).IsEqualTo("");
        }

        var account = await TestPanel.JsonAsync(await t.GetAsync("/api/client/account"));
        await Assert.That(account.GetProperty("attributes").GetProperty("email").GetString()).IsEqualTo("new@example.com");
        var entry = t.Panel.DemoUser.Activity.Last();
        await Assert.That(entry.Event).IsEqualTo("user:account.email-changed");
        await Assert.That(entry.Properties["old"]).IsEqualTo("demo@example.com");
        await Assert.That(entry.Properties["new"]).IsEqualTo("new@example.com");
    }

    [Test]
    public async Task UpdatePasswordChecksCurrentThenValidatesThenChanges()
    {
        await using var t = await TestPanel.StartAsync();
        using (var bad = await t.PutAsync("/api/client/account/password", """{"current_password":"nope","password":"x","password_confirmation":"x"}"""))
        {
            await Expect.ErrorAsync(bad, 400, "InvalidPasswordProvidedException", "The password provided was invalid for this account.");
        }

        using (var missing = await t.PutAsync("/api/client/account/password", """{"current_password":"demo-password"}"""))
        {
            await Expect.ValidationAsync(missing, ("password", "required"));
        }

        using (var weak = await t.PutAsync("/api/client/account/password", """{"current_password":"demo-password","password":"short","password_confirmation":"other"}"""))
        {
            var details = await Expect.ValidationAsync(weak, ("password", "confirmed"), ("password", "min"));
            await Assert.That(details[0]).IsEqualTo("The password confirmation does not match.");
            await Assert.That(details[1]).IsEqualTo("The password must be at least 8 characters.");
        }

        using (var ok = await t.PutAsync("/api/client/account/password", """{"current_password":"demo-password","password":"new-password-1","password_confirmation":"new-password-1"}"""))
        {
            await Assert.That(ok.StatusCode).IsEqualTo(HttpStatusCode.NoContent);
        }

        await Assert.That(t.Panel.DemoUser.CheckPassword("new-password-1")).IsTrue();
        await Assert.That(t.Panel.DemoUser.CheckPassword("demo-password")).IsFalse();
        await Assert.That(t.Panel.DemoUser.Activity.Last().Event).IsEqualTo("user:account.password-changed");

        // The new password is what the next password-checked call accepts.
        using var again = await t.PutAsync("/api/client/account/email", """{"email":"x@example.com","password":"new-password-1"}""");
        await Assert.That(again.StatusCode).IsEqualTo(HttpStatusCode.NoContent);
    }
}
