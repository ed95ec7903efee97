using System.Net;
using PteroAot.Testing.Tests.Support;

namespace PteroAot.Testing.Tests;

public class TwoFactorTests
{
    private static async Task<string> SetupAsync(TestPanel t)
    {
        using var response = await t.GetAsync("/api/client/account/two-factor");
        await Assert.That(response.StatusCode).IsEqualTo(HttpStatusCode.OK);
        var body = await TestPanel.JsonAsync(response);
        await Assert.That(Fixtures.ShapeDiff(Fixtures.Load("client/two-factor-setup.json"), body)).IsEqualTo("");
        var secret = body.GetProperty("data").GetProperty("secret").GetString()!;
        await Assert.That(secret).Matches("^[A-Z2-7]{32}$");
        await Assert.That(body.GetProperty("data").GetProperty("image_url_data").GetString())
            .IsEqualTo($"otpauth://totp/Pterodactyl:demo%40example.com?secret={secret}&issuer=Pterodactyl");
        return secret;
    }

    private static async Task EnableAsync(TestPanel t, string secret)
    {
        var code = Totp.Compute(secret, DateTimeOffset.UtcNow);
        using var response = await t.PostAsync("/api/client/account/two-factor", $$"""{"code":"{{code}}","password":"demo-password"}""");
        await Assert.That(response.StatusCode).IsEqualTo(HttpStatusCode.OK);
        var body = await TestPanel.JsonAsync(response);
        await Assert.That(Fixtures.ShapeDiff(Fixtures.Load("client/two-factor-enable.json"), body)).IsEqualTo("");
        var tokens = body.GetProperty("attributes").GetProperty("tokens").EnumerateArray().Select(e => e.GetString()!).ToList();
        await Assert.That(tokens.Count).IsEqualTo(10);
        await Assert.That(tokens.All(x => x.Length == 10)).IsTrue();
        await Assert.That(t.Panel.DemoUser.TwoFactorEnabled).IsTrue();
    }

    [Test]
    public async Task SetupGivesANewSecretEachCallAndRefusesWhenEnabled()
    {
        await using var t = await TestPanel.StartAsync();
        var first = await SetupAsync(t);
        var second = await SetupAsync(t);
        await Assert.That(second).IsNotEqualTo(first);
        await Assert.That(t.Panel.DemoUser.TotpSecret).IsEqualTo(second);
        await EnableAsync(t, second);
        using var again = await t.GetAsync("/api/client/account/two-factor");
        await Expect.ErrorAsync(again, 400, "BadRequestHttpException", "Two-factor authentication is already enabled on this account.");
    }

    [Test]
    public async Task EnableValidatesThenChecksPasswordThenCode()
    {
        await using var t = await TestPanel.StartAsync();
        var secret = await SetupAsync(t);
        using (var empty = await t.PostAsync("/api/client/account/two-factor", "{}"))
        {
            await Expect.ValidationAsync(empty, ("code", "required"), ("password", "required"));
        }

        using (var wrongTypes = await t.PostAsync("/api/client/account/two-factor", """{"code":123456,"password":"demo-password"}"""))
        {
            await Expect.ValidationAsync(wrongTypes, ("code", "string"));
        }

        using (var shortCode = await t.PostAsync("/api/client/account/two-factor", """{"code":"123","password":"demo-password"}"""))
        {
            var details = await Expect.ValidationAsync(shortCode, ("code", "size"));
            await Assert.That(details[0]).IsEqualTo("The code must be 6 characters.");
        }

        var good = Totp.Compute(secret, DateTimeOffset.UtcNow);
        using (var badPassword = await t.PostAsync("/api/client/account/two-factor", $$"""{"code":"{{good}}","password":"nope"}"""))
        {
            await Expect.ErrorAsync(badPassword, 400, "BadRequestHttpException", "The password provided was not valid.");
        }

        var wrong = Totp.Compute(secret, DateTimeOffset.UtcNow.AddMinutes(10));
        using (var badCode = await t.PostAsync("/api/client/account/two-factor", $$"""{"code":"{{wrong}}","password":"demo-password"}"""))
        {
            await Expect.ErrorAsync(badCode, 400, "TwoFactorAuthenticationTokenInvalid", "The provided two-factor authentication token was not valid.");
        }

        await Assert.That(t.Panel.DemoUser.TwoFactorEnabled).IsFalse();
        await EnableAsync(t, secret);
        await Assert.That(t.Panel.DemoUser.Activity.Last().Event).IsEqualTo("user:two-factor.create");
    }

    [Test]
    public async Task DisableOn1118IsPostDisableAndDeleteIs405()
    {
        await using var t = await TestPanel.StartAsync(new FakePanelOptions { Version = PanelVersion.V1_11_8 });
        await EnableAsync(t, await SetupAsync(t));

        using (var old = await t.DeleteAsync("/api/client/account/two-factor", """{"password":"demo-password"}"""))
        {
            var expected = Fixtures.Load("errors/405-method-not-allowed.json").GetProperty("errors")[0].GetProperty("detail").GetString();
            await Expect.ErrorAsync(old, 405, "MethodNotAllowedHttpException", expected);
        }

        using (var bad = await t.PostAsync("/api/client/account/two-factor/disable", """{"password":"nope"}"""))
        {
            await Expect.ErrorAsync(bad, 400, "BadRequestHttpException", "The password provided was not valid.");
        }

        await Assert.That(t.Panel.DemoUser.TwoFactorEnabled).IsTrue();
        using (var ok = await t.PostAsync("/api/client/account/two-factor/disable", """{"password":"demo-password"}"""))
        {
            await Assert.That(ok.StatusCode).IsEqualTo(HttpStatusCode.NoContent);
        }

        await Assert.That(t.Panel.DemoUser.TwoFactorEnabled).IsFalse();
        await Assert.That(t.Panel.DemoUser.Activity.Last().Event).IsEqualTo("user:two-factor.delete");
    }

    [Test]
    public async Task DisableOn1117IsDeleteAndPostDisableIs404()
    {
        await using var t = await TestPanel.StartAsync(new FakePanelOptions { Version = PanelVersion.V1_11_7 });
        await EnableAsync(t, await SetupAsync(t));

        using (var newer = await t.PostAsync("/api/client/account/two-factor/disable", """{"password":"demo-password"}"""))
        {
            await Expect.ErrorAsync(newer, 404, "NotFoundHttpException", "The route api/client/account/two-factor/disable could not be found.");
        }

        using (var bad = await t.DeleteAsync("/api/client/account/two-factor", """{"password":"nope"}"""))
        {
            await Expect.ErrorAsync(bad, 400, "BadRequestHttpException", "The password provided was not valid.");
        }

        using (var ok = await t.DeleteAsync("/api/client/account/two-factor", """{"password":"demo-password"}"""))
        {
            await Assert.That(ok.StatusCode).IsEqualTo(HttpStatusCode.NoContent);
        }

        await Assert.That(t.Panel.DemoUser.TwoFactorEnabled).IsFalse();
    }
}
