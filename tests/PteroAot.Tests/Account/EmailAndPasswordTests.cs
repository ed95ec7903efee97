using System.Net;
using PteroAot.Tests.Support;

namespace PteroAot.Tests.Account;

public class EmailAndPasswordTests
{
    [Test]
    public async Task Update_email_changes_it_and_sends_the_panels_field_names()
    {
        await using var t = await TestPanel.StartAsync();

        await t.Client.Account.UpdateEmailAsync("new@example.com", TestPanel.DemoPassword);

        await Assert.That((await t.Client.Account.GetAsync()).Email).IsEqualTo("new@example.com");
        var body = t.Panel.Requests.Last(r => r.Path == "/api/client/account/email").Body;
        await Assert.That(body).Contains("\"email\":\"new@example.com\"");
        await Assert.That(body).Contains("\"password\":");
    }

    [Test]
    public async Task Update_email_with_a_wrong_password_is_a_400_with_the_panels_detail()
    {
        await using var t = await TestPanel.StartAsync();

        var ex = await Assert.ThrowsAsync<PteroApiException>(() => t.Client.Account.UpdateEmailAsync("x@example.com", "wrong-password"));

        await Assert.That(ex!.StatusCode).IsEqualTo(HttpStatusCode.BadRequest);
        await Assert.That(ex.Code).IsEqualTo("InvalidPasswordProvidedException");
        await Assert.That(ex.Detail).IsEqualTo("The password provided was invalid for this account.");
        await Assert.That(ex.Message).Contains("PUT /api/client/account/email");
        await Assert.That(ex.Message).DoesNotContain("wrong-password");
        await Assert.That((await t.Client.Account.GetAsync()).Email).IsEqualTo(t.Panel.DemoUser.Email);
    }

    [Test]
    public async Task Update_email_with_an_invalid_address_is_a_validation_exception_naming_the_field()
    {
        await using var t = await TestPanel.StartAsync();

        var ex = await Assert.ThrowsAsync<PteroValidationException>(() => t.Client.Account.UpdateEmailAsync("not-an-email", TestPanel.DemoPassword));

        await Assert.That(ex!.StatusCode).IsEqualTo(HttpStatusCode.UnprocessableEntity);
        await Assert.That(ex.FieldErrors.ContainsKey("email")).IsTrue();
        await Assert.That(ex.Errors[0].Rule).IsEqualTo("email");
        await Assert.That(ex.Errors[0].SourceField).IsEqualTo("email");
    }

    [Test]
    public async Task Update_password_takes_effect()
    {
        await using var t = await TestPanel.StartAsync();

        await t.Client.Account.UpdatePasswordAsync(TestPanel.DemoPassword, "a-much-better-one");

        await Assert.That(t.Panel.DemoUser.CheckPassword("a-much-better-one")).IsTrue();
        await Assert.That(t.Panel.DemoUser.CheckPassword(TestPanel.DemoPassword)).IsFalse();
        var body = t.Panel.Requests.Last(r => r.Path == "/api/client/account/password").Body;
        await Assert.That(body).Contains("\"current_password\":");
        await Assert.That(body).Contains("\"password_confirmation\":");
    }

    [Test]
    public async Task A_short_or_unconfirmed_password_is_rejected_per_field()
    {
        await using var t = await TestPanel.StartAsync();

        var tooShort = await Assert.ThrowsAsync<PteroValidationException>(() => t.Client.Account.UpdatePasswordAsync(TestPanel.DemoPassword, "short"));
        var unconfirmed = await Assert.ThrowsAsync<PteroValidationException>(() => t.Client.Account.UpdatePasswordAsync(
            new PteroAot.Account.UpdatePasswordRequest { CurrentPassword = TestPanel.DemoPassword, Password = "long-enough-1", PasswordConfirmation = "long-enough-2" }));

        await Assert.That(tooShort!.Errors.Select(e => e.Rule)).Contains("min");
        await Assert.That(unconfirmed!.Errors.Select(e => e.Rule)).Contains("confirmed");
        await Assert.That(t.Panel.DemoUser.CheckPassword(TestPanel.DemoPassword)).IsTrue();
    }

    [Test]
    public async Task A_wrong_current_password_wins_over_validation()
    {
        await using var t = await TestPanel.StartAsync();

        var ex = await Assert.ThrowsAsync<PteroApiException>(() => t.Client.Account.UpdatePasswordAsync("wrong-password", "short"));

        await Assert.That(ex!.StatusCode).IsEqualTo(HttpStatusCode.BadRequest);
        await Assert.That(ex).IsNotTypeOf<PteroValidationException>();
    }
}
