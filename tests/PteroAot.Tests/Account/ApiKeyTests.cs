using System.Net;
using PteroAot.Tests.Support;

namespace PteroAot.Tests.Account;

public class ApiKeyTests
{
    [Test]
    public async Task List_returns_the_client_keys_without_secrets()
    {
        await using var t = await TestPanel.StartAsync();

        var keys = await t.Client.Account.ListApiKeysAsync();

        var expected = t.Panel.DemoUser.ApiKeys.Where(k => k.Type == Testing.ApiKeyType.Client).Select(k => k.Identifier).Order().ToList();
        await Assert.That(keys.Items.Select(k => k.Identifier).Order().ToList()).IsEquivalentTo(expected);
        await Assert.That(keys.Pagination).IsNull();
        await Assert.That(keys.Items.All(k => k.Identifier.StartsWith("ptlc_") && k.Identifier.Length == 16)).IsTrue();
    }

    [Test]
    public async Task Create_returns_a_token_that_authenticates_and_delete_revokes_it()
    {
        await using var t = await TestPanel.StartAsync();

        var created = await t.Client.Account.CreateApiKeyAsync("from the sdk", ["127.0.0.1", "10.0.0.0/8"]);

        await Assert.That(created.Token.Length).IsEqualTo(48);
        await Assert.That(created.Token).StartsWith(created.Key.Identifier);
        await Assert.That(created.Key.Description).IsEqualTo("from the sdk");
        await Assert.That(created.Key.AllowedIps).IsEquivalentTo(["127.0.0.1", "10.0.0.0/8"]);
        await Assert.That(created.ToString()).DoesNotContain(created.SecretToken);

        using (var second = t.ClientWith(created.Token))
            await Assert.That((await second.Account.GetAsync()).Username).IsEqualTo("demo");

        await t.Client.Account.DeleteApiKeyAsync(created.Key.Identifier);

        var after = await t.Client.Account.ListApiKeysAsync();
        await Assert.That(after.Items.Any(k => k.Identifier == created.Key.Identifier)).IsFalse();
        using var revoked = t.ClientWith(created.Token);
        await Assert.ThrowsAsync<PteroAuthenticationException>(() => revoked.Account.GetAsync());
    }

    [Test]
    public async Task Deleting_an_unknown_key_is_not_found()
    {
        await using var t = await TestPanel.StartAsync();

        var ex = await Assert.ThrowsAsync<PteroNotFoundException>(() => t.Client.Account.DeleteApiKeyAsync("ptlc_NoSuchKey00"));

        await Assert.That(ex!.StatusCode).IsEqualTo(HttpStatusCode.NotFound);
        await Assert.That(ex.Path).IsEqualTo("/api/client/account/api-keys/ptlc_NoSuchKey00");
    }

    [Test]
    public async Task Route_values_are_escaped()
    {
        await using var t = await TestPanel.StartAsync();

        await Assert.ThrowsAsync<PteroNotFoundException>(() => t.Client.Account.DeleteApiKeyAsync("a/b c"));

        await Assert.That(t.Panel.Requests.Any(r => r.Path.StartsWith("/api/client/account/api-keys/a%2Fb%20c"))).IsTrue();
    }

    [Test]
    public async Task Invalid_allowed_ips_are_reported_per_array_item()
    {
        await using var t = await TestPanel.StartAsync();

        var ex = await Assert.ThrowsAsync<PteroValidationException>(() => t.Client.Account.CreateApiKeyAsync("bad ips", ["hodor", "127.0.0.1", "hodor/24"]));

        await Assert.That(ex!.FieldErrors.Keys).IsEquivalentTo(["allowed_ips.0", "allowed_ips.2"]);
        await Assert.That(ex.FieldErrors["allowed_ips.0"][0]).Contains("hodor");
        await Assert.That(ex.Errors.All(e => e.Rule == "")).IsTrue();
    }

    [Test]
    public async Task An_empty_description_is_required()
    {
        await using var t = await TestPanel.StartAsync();

        var ex = await Assert.ThrowsAsync<PteroValidationException>(() => t.Client.Account.CreateApiKeyAsync(""));

        await Assert.That(ex!.Errors.Single().SourceField).IsEqualTo("description");
        await Assert.That(ex.Errors.Single().Rule).IsEqualTo("required");
    }

    [Test]
    public async Task The_25_key_limit_is_a_400_display_exception()
    {
        await using var t = await TestPanel.StartAsync();
        var existing = (await t.Client.Account.ListApiKeysAsync()).Items.Count;
        for (int i = existing; i < 25; i++)
            await t.Client.Account.CreateApiKeyAsync($"key {i}");

        var ex = await Assert.ThrowsAsync<PteroApiException>(() => t.Client.Account.CreateApiKeyAsync("one too many"));

        await Assert.That(ex!.StatusCode).IsEqualTo(HttpStatusCode.BadRequest);
        await Assert.That(ex.Code).IsEqualTo("DisplayException");
        await Assert.That(ex.Detail).IsEqualTo("You have reached the account limit for number of API keys.");
    }
}
