using System.Net;
using PteroAot.Testing.Tests.Support;

namespace PteroAot.Testing.Tests;

public class AuthAndErrorTests
{
    private static string FixtureDetail(string file) =>
        Fixtures.Load("errors/" + file).GetProperty("errors")[0].GetProperty("detail").GetString()!;

    [Test]
    [Arguments(null)]
    [Arguments("ptlc_short")]
    [Arguments("ptlc_AAAAAAAAAAAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public async Task MissingOrUnknownTokenIs401WithoutRateLimitHeaders(string? token)
    {
        await using var t = await TestPanel.StartAsync();
        using var response = await t.GetAsync("/api/client/account", token);
        await Expect.ErrorAsync(response, 401, "AuthenticationException", FixtureDetail("401-unauthenticated.json"));
        await Assert.That(TestPanel.Header(response, "X-RateLimit-Limit")).IsNull();
    }

    [Test]
    public async Task WrongSecretForARealIdentifierIs401()
    {
        await using var t = await TestPanel.StartAsync();
        var forged = t.Panel.ClientKey[..16] + new string('x', 32);
        using var response = await t.GetAsync("/api/client/account", forged);
        await Expect.ErrorAsync(response, 401, "AuthenticationException");
    }

    [Test]
    public async Task WithoutJsonAccept401IsARedirectAndOtherErrorsAreHtml()
    {
        await using var t = await TestPanel.StartAsync();
        using (var redirect = await t.SendAsync(HttpMethod.Get, "/api/client/account", token: null, accept: null))
        {
            await Assert.That(redirect.StatusCode).IsEqualTo(HttpStatusCode.Found);
            await Assert.That(redirect.Headers.Location!.ToString()).IsEqualTo(t.Panel.Url + "auth/login");
        }

        using (var html = await t.SendAsync(HttpMethod.Get, "/api/client/account/api-keys/nope", accept: "text/html"))
        {
            await Assert.That(html.StatusCode).IsEqualTo(HttpStatusCode.MethodNotAllowed);
            await Assert.That(html.Content.Headers.ContentType!.MediaType).IsEqualTo("text/html");
        }

        using (var json = await t.SendAsync(HttpMethod.Get, "/api/client/account", token: null, accept: "application/vnd.pterodactyl.v1+json"))
        {
            await Expect.ErrorAsync(json, 401, "AuthenticationException");
        }
    }

    [Test]
    public async Task ApplicationKeyOnClientApiIs403WithoutRateLimitHeaders()
    {
        await using var t = await TestPanel.StartAsync();
        using var response = await t.GetAsync("/api/client/account", t.Panel.ApplicationKey);
        await Expect.ErrorAsync(response, 403, "AccessDeniedHttpException", FixtureDetail("403-application-key-on-client-api.json"));
        await Assert.That(TestPanel.Header(response, "X-RateLimit-Remaining")).IsNull();
    }

    [Test]
    public async Task KeyWithForeignAllowedIpsIs403()
    {
        await using var t = await TestPanel.StartAsync();
        var blocked = t.Panel.State.IssueClientKey(t.Panel.DemoUser, "blocked", ["198.51.100.0/24"]);
        var allowed = t.Panel.State.IssueClientKey(t.Panel.DemoUser, "allowed", ["10.0.0.1", "127.0.0.0/8"]);
        using (var response = await t.GetAsync("/api/client/account", blocked))
        {
            await Expect.ErrorAsync(response, 403, "AccessDeniedHttpException",
                "This IP address (127.0.0.1) does not have permission to access the API using these credentials.");
        }

        using (var ok = await t.GetAsync("/api/client/account", allowed))
        {
            await Assert.That(ok.StatusCode).IsEqualTo(HttpStatusCode.OK);
        }

        await Assert.That(t.Panel.DemoUser.Activity.Any(a => a.Event == "auth:ip-blocked")).IsTrue();
    }

    [Test]
    public async Task UnknownRouteIs404AndWrongVerbIs405()
    {
        await using var t = await TestPanel.StartAsync();
        using (var missing = await t.GetAsync("/api/client/account/nope"))
        {
            await Expect.ErrorAsync(missing, 404, "NotFoundHttpException", "The route api/client/account/nope could not be found.");
        }

        using (var verb = await t.SendAsync(HttpMethod.Patch, "/api/client/account/email", "{}"))
        {
            await Expect.ErrorAsync(verb, 405, "MethodNotAllowedHttpException",
                "The PATCH method is not supported for route api/client/account/email. Supported methods: PUT.");
        }
    }

    [Test]
    public async Task MalformedJsonIs400()
    {
        await using var t = await TestPanel.StartAsync();
        using var response = await t.PostAsync("/api/client/account/api-keys", "{\"description\":");
        await Expect.ErrorAsync(response, 400, "BadRequestHttpException", FixtureDetail("400-malformed-json.json"));
        await Assert.That(t.Panel.DemoUser.ApiKeys.Count(k => k.Type == ApiKeyType.Client)).IsEqualTo(2);
    }

    [Test]
    public async Task FormBodiesWorkToo()
    {
        await using var t = await TestPanel.StartAsync();
        using var response = await t.SendAsync(HttpMethod.Post, "/api/client/account/api-keys", "description=from+a+form",
            contentType: "application/x-www-form-urlencoded");
        await Assert.That(response.StatusCode).IsEqualTo(HttpStatusCode.OK);
        var body = await TestPanel.JsonAsync(response);
        await Assert.That(body.GetProperty("attributes").GetProperty("description").GetString()).IsEqualTo("from a form");
    }

    [Test]
    public async Task RequestsAreRecordedWithRedactedAuthorization()
    {
        await using var t = await TestPanel.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Put, "api/client/account/email?x=1")
        {
            Content = new StringContent("""{"email":"r@example.com","password":"demo-password"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + t.Panel.ClientKey);
        request.Headers.TryAddWithoutValidation("Accept", "application/json");
        request.Headers.TryAddWithoutValidation("User-Agent", "PteroAot-Test/1.0");
        using var response = await t.Http.SendAsync(request);
        await Assert.That(response.StatusCode).IsEqualTo(HttpStatusCode.NoContent);

        var recorded = t.Panel.Requests.Single();
        await Assert.That(recorded.Method).IsEqualTo("PUT");
        await Assert.That(recorded.PathAndQuery).IsEqualTo("/api/client/account/email?x=1");
        await Assert.That(recorded.Header("authorization")).IsEqualTo("Bearer " + t.Panel.ClientKey[..16]);
        await Assert.That(recorded.Header("Accept")).IsEqualTo("application/json");
        await Assert.That(recorded.Header("User-Agent")).IsEqualTo("PteroAot-Test/1.0");
        await Assert.That(recorded.Body).Contains("r@example.com");
    }
}
