using System.Net;
using PteroAot.Testing.Tests.Support;

namespace PteroAot.Testing.Tests;

public class ApiKeyTests
{
    [Test]
    public async Task ListShowsOnlyClientKeysWithoutSecrets()
    {
        await using var t = await TestPanel.StartAsync();
        t.Panel.State.IssueApplicationKey(t.Panel.DemoUser);
        using var response = await t.GetAsync("/api/client/account/api-keys");
        var body = await TestPanel.JsonAsync(response);
        await Assert.That(Fixtures.ShapeDiff(Fixtures.Load("client/api-keys-list.json"), body)).IsEqualTo("");
        var identifiers = body.GetProperty("data").EnumerateArray().Select(e => e.GetProperty("attributes").GetProperty("identifier").GetString()!).ToList();
        await Assert.That(identifiers.Count).IsEqualTo(2);
        await Assert.That(identifiers.All(i => i.StartsWith("ptlc_") && i.Length == 16)).IsTrue();
        await Assert.That(identifiers).Contains(t.Panel.ClientKey[..16]);
        await Assert.That(await response.Content.ReadAsStringAsync()).DoesNotContain(t.Panel.ClientKey[16..]);
    }

    [Test]
    public async Task CreateReturns200WithSecretAndTheNewTokenWorks()
    {
        await using var t = await TestPanel.StartAsync();
        using var response = await t.PostAsync("/api/client/account/api-keys", """{"description":"  SDK test  ","allowed_ips":["127.0.0.1","10.0.0.0/8"]}""");
        await Assert.That(response.StatusCode).IsEqualTo(HttpStatusCode.OK);
        var body = await TestPanel.JsonAsync(response);
        await Assert.That(Fixtures.ShapeDiff(Fixtures.Load("client/api-key-create.json"), body)).IsEqualTo("");
        var identifier = body.GetProperty("attributes").GetProperty("identifier").GetString()!;
        var secret = body.GetProperty("meta").GetProperty("secret_token").GetString()!;
        await Assert.That(identifier).Matches("^ptlc_[A-Za-z0-9]{11}$");
        await Assert.That(secret).Matches("^[A-Za-z0-9]{32}$");
        await Assert.That(body.GetProperty("attributes").GetProperty("description").GetString()).IsEqualTo("SDK test");
        await Assert.That(body.GetProperty("attributes").GetProperty("allowed_ips").GetArrayLength()).IsEqualTo(2);

        using var withNew = await t.GetAsync("/api/client/account", identifier + secret);
        await Assert.That(withNew.StatusCode).IsEqualTo(HttpStatusCode.OK);
        var entry = t.Panel.DemoUser.Activity.Last(a => a.Event == "user:api-key.create");
        await Assert.That(entry.Properties["identifier"]).IsEqualTo(identifier);
    }

    [Test]
    public async Task CreateValidation()
    {
        await using var t = await TestPanel.StartAsync();
        using (var empty = await t.PostAsync("/api/client/account/api-keys", """{"description":""}"""))
        {
            var details = await Expect.ValidationAsync(empty, ("description", "required"));
            await Assert.That(details[0]).IsEqualTo("The description field is required.");
        }

        using (var tooLong = await t.PostAsync("/api/client/account/api-keys", $$"""{"description":"{{new string('x', 501)}}"}"""))
        {
            await Expect.ValidationAsync(tooLong, ("description", "max"));
        }

        using (var ips = await t.PostAsync("/api/client/account/api-keys", """{"description":"x","allowed_ips":["hodor","127.0.0.1","hodor/24"]}"""))
        {
            var details = await Expect.ValidationAsync(ips, ("allowed_ips.0", ""), ("allowed_ips.2", ""));
            var fixture = Fixtures.Load("errors/422-validation-array-fields.json").GetProperty("errors");
            await Assert.That(details[0]).IsEqualTo(fixture[0].GetProperty("detail").GetString());
            await Assert.That(details[1]).IsEqualTo(fixture[1].GetProperty("detail").GetString());
        }

        var many = string.Join(",", Enumerable.Range(1, 51).Select(i => $"\"10.0.0.{i}\""));
        using (var tooMany = await t.PostAsync("/api/client/account/api-keys", $$"""{"description":"x","allowed_ips":[{{many}}]}"""))
        {
            await Expect.ValidationAsync(tooMany, ("allowed_ips", "max"));
        }

        using (var notArray = await t.PostAsync("/api/client/account/api-keys", """{"description":"x","allowed_ips":"1.2.3.4"}"""))
        {
            await Expect.ValidationAsync(notArray, ("allowed_ips", "array"));
        }
    }

    [Test]
    public async Task TwentyFiveKeyLimit()
    {
        await using var t = await TestPanel.StartAsync();
        for (var i = t.Panel.DemoUser.ApiKeys.Count(k => k.Type == ApiKeyType.Client); i < 25; i++)
        {
            using var ok = await t.PostAsync("/api/client/account/api-keys", $$"""{"description":"key {{i}}"}""");
            await Assert.That(ok.StatusCode).IsEqualTo(HttpStatusCode.OK);
        }

        using var refused = await t.PostAsync("/api/client/account/api-keys", """{"description":"one too many"}""");
        await Expect.ErrorAsync(refused, 400, "DisplayException", "You have reached the account limit for number of API keys.");
        await Assert.That(t.Panel.DemoUser.ApiKeys.Count(k => k.Type == ApiKeyType.Client)).IsEqualTo(25);
    }

    [Test]
    public async Task DeleteOwnKeyThenItNoLongerAuthenticates()
    {
        await using var t = await TestPanel.StartAsync();
        var other = t.Panel.DemoUser.ApiKeys.First(k => k.Type == ApiKeyType.Client && k.Token != t.Panel.ClientKey);
        using (var ok = await t.DeleteAsync("/api/client/account/api-keys/" + other.Identifier))
        {
            await Assert.That(ok.StatusCode).IsEqualTo(HttpStatusCode.NoContent);
        }

        using (var gone = await t.GetAsync("/api/client/account", other.Token))
        {
            await Expect.ErrorAsync(gone, 401, "AuthenticationException", "Unauthenticated.");
        }

        using (var again = await t.DeleteAsync("/api/client/account/api-keys/" + other.Identifier))
        {
            await Expect.ErrorAsync(again, 404, "NotFoundHttpException", "The requested resource could not be found on the server.");
        }

        var adminsKey = t.Panel.State.IssueClientKey(t.Panel.AdminUser);
        using (var notMine = await t.DeleteAsync("/api/client/account/api-keys/" + adminsKey[..16]))
        {
            await Expect.ErrorAsync(notMine, 404, "NotFoundHttpException");
        }

        await Assert.That(t.Panel.DemoUser.Activity.Last().Event).IsEqualTo("user:api-key.delete");
    }
}
