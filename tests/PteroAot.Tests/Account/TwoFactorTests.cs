using System.Net;
using PteroAot.Testing;
using PteroAot.Tests.Support;

namespace PteroAot.Tests.Account;

public class TwoFactorTests
{
    [Test]
    public async Task Setup_returns_an_otpauth_uri_carrying_the_secret()
    {
        await using var t = await TestPanel.StartAsync();

        var setup = await t.Client.Account.GetTwoFactorSetupAsync();

        await Assert.That(setup.OtpAuthUri).StartsWith("otpauth://totp/");
        await Assert.That(setup.OtpAuthUri).Contains("secret=" + setup.Secret);
        await Assert.That(setup.Secret.Length).IsGreaterThanOrEqualTo(16);
        await Assert.That(setup.ToString()).DoesNotContain(setup.Secret);
    }

    [Test]
    public async Task Enable_with_a_real_totp_code_returns_ten_recovery_tokens()
    {
        await using var t = await TestPanel.StartAsync();
        var setup = await t.Client.Account.GetTwoFactorSetupAsync();

        var tokens = await t.Client.Account.EnableTwoFactorAsync(Totp.Compute(setup.Secret, DateTimeOffset.UtcNow), TestPanel.DemoPassword);

        await Assert.That(tokens.Tokens.Count).IsEqualTo(10);
        await Assert.That(tokens.Tokens.All(x => x.Length == 10)).IsTrue();
        await Assert.That(t.Panel.DemoUser.TwoFactorEnabled).IsTrue();

        // Setup again is refused once enabled.
        var again = await Assert.ThrowsAsync<PteroApiException>(() => t.Client.Account.GetTwoFactorSetupAsync());
        await Assert.That(again!.StatusCode).IsEqualTo(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task A_wrong_code_or_password_is_refused_and_leaves_two_factor_off()
    {
        await using var t = await TestPanel.StartAsync();
        var setup = await t.Client.Account.GetTwoFactorSetupAsync();
        var wrongCode = Totp.Compute(setup.Secret, DateTimeOffset.UtcNow.AddHours(-1));

        var badCode = await Assert.ThrowsAsync<PteroApiException>(() => t.Client.Account.EnableTwoFactorAsync(wrongCode, TestPanel.DemoPassword));
        var badPassword = await Assert.ThrowsAsync<PteroApiException>(() =>
            t.Client.Account.EnableTwoFactorAsync(Totp.Compute(setup.Secret, DateTimeOffset.UtcNow), "wrong-password"));
        var badShape = await Assert.ThrowsAsync<PteroValidationException>(() => t.Client.Account.EnableTwoFactorAsync("12", TestPanel.DemoPassword));

        await Assert.That(badCode!.Code).IsEqualTo("TwoFactorAuthenticationTokenInvalid");
        await Assert.That(badPassword!.Detail).IsEqualTo("The password provided was not valid.");
        await Assert.That(badShape!.FieldErrors.ContainsKey("code")).IsTrue();
        await Assert.That(t.Panel.DemoUser.TwoFactorEnabled).IsFalse();
    }

    [Test]
    [Arguments(PanelVersion.V1_11_8, "POST", "/api/client/account/two-factor/disable")]
    [Arguments(PanelVersion.V1_11_7, "DELETE", "/api/client/account/two-factor")]
    public async Task Disable_works_on_both_panel_versions(PanelVersion version, string method, string path)
    {
        await using var t = await TestPanel.StartAsync(new FakePanelOptions { Version = version });
        await EnableAsync(t);

        await t.Client.Account.DisableTwoFactorAsync(TestPanel.DemoPassword);

        await Assert.That(t.Panel.DemoUser.TwoFactorEnabled).IsFalse();
        var last = t.Panel.Requests.Last(r => r.Path.StartsWith("/api/client/account/two-factor"));
        await Assert.That(last.Method).IsEqualTo(method);
        await Assert.That(last.Path).IsEqualTo(path);
    }

    [Test]
    public async Task On_an_old_panel_the_legacy_form_is_remembered_after_the_first_fallback()
    {
        await using var t = await TestPanel.StartAsync(new FakePanelOptions { Version = PanelVersion.V1_11_7 });
        await EnableAsync(t);
        await t.Client.Account.DisableTwoFactorAsync(TestPanel.DemoPassword);
        await EnableAsync(t);
        var before = t.Panel.Requests.Count;

        await t.Client.Account.DisableTwoFactorAsync(TestPanel.DemoPassword);

        var sent = t.Panel.Requests.Skip(before).ToList();
        await Assert.That(sent.Count).IsEqualTo(1);
        await Assert.That(sent[0].Method).IsEqualTo("DELETE");
        await Assert.That(t.Panel.DemoUser.TwoFactorEnabled).IsFalse();
    }

    [Test]
    public async Task The_explicit_forms_fail_as_the_panel_says_on_the_other_version()
    {
        await using var modern = await TestPanel.StartAsync(new FakePanelOptions { Version = PanelVersion.V1_11_8 });
        await using var old = await TestPanel.StartAsync(new FakePanelOptions { Version = PanelVersion.V1_11_7 });
        var body = new PteroAot.Account.DisableTwoFactorRequest { Password = TestPanel.DemoPassword };

        var onModern = await Assert.ThrowsAsync<PteroApiException>(() => modern.Client.Account.DisableTwoFactorLegacyAsync(body));
        var onOld = await Assert.ThrowsAsync<PteroNotFoundException>(() => old.Client.Account.DisableTwoFactorV1118Async(body));

        await Assert.That(onModern!.StatusCode).IsEqualTo(HttpStatusCode.MethodNotAllowed);
        await Assert.That(onModern.Code).IsEqualTo("MethodNotAllowedHttpException");
        await Assert.That(onOld!.Detail).Contains("could not be found");
    }

    [Test]
    public async Task Disable_with_a_wrong_password_keeps_two_factor_on()
    {
        await using var t = await TestPanel.StartAsync();
        await EnableAsync(t);

        var ex = await Assert.ThrowsAsync<PteroApiException>(() => t.Client.Account.DisableTwoFactorAsync("wrong-password"));

        await Assert.That(ex!.StatusCode).IsEqualTo(HttpStatusCode.BadRequest);
        await Assert.That(t.Panel.DemoUser.TwoFactorEnabled).IsTrue();
    }

    private static async Task EnableAsync(TestPanel t)
    {
        var setup = await t.Client.Account.GetTwoFactorSetupAsync();
        await t.Client.Account.EnableTwoFactorAsync(Totp.Compute(setup.Secret, DateTimeOffset.UtcNow), TestPanel.DemoPassword);
    }
}
