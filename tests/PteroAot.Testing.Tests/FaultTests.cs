using System.Net;
using System.Text.Json;
using PteroAot.Testing.Tests.Support;

namespace PteroAot.Testing.Tests;

public class FaultTests
{
    [Test]
    public async Task Html200AndHtml500()
    {
        await using var t = await TestPanel.StartAsync();
        t.Panel.Faults.Next(FaultKind.Html200);
        t.Panel.Faults.Next(FaultKind.Html500);
        using (var page = await t.GetAsync("/api/client/account"))
        {
            await Assert.That(page.StatusCode).IsEqualTo(HttpStatusCode.OK);
            await Assert.That(page.Content.Headers.ContentType!.MediaType).IsEqualTo("text/html");
            await Assert.That(await page.Content.ReadAsStringAsync()).StartsWith("<!DOCTYPE html>");
        }

        using (var error = await t.GetAsync("/api/client/account"))
        {
            await Assert.That(error.StatusCode).IsEqualTo(HttpStatusCode.InternalServerError);
            await Assert.That(error.Content.Headers.ContentType!.MediaType).IsEqualTo("text/html");
        }

        using var normal = await t.GetAsync("/api/client/account");
        await Assert.That(normal.StatusCode).IsEqualTo(HttpStatusCode.OK);
        await Assert.That(normal.Content.Headers.ContentType!.MediaType).IsEqualTo("application/json");
        await Assert.That(t.Panel.Faults.Pending).IsEqualTo(0);
    }

    [Test]
    public async Task TruncatedJsonDoesNotParse()
    {
        await using var t = await TestPanel.StartAsync();
        t.Panel.Faults.Next(FaultKind.TruncatedJson);
        using var response = await t.GetAsync("/api/client/account");
        await Assert.That(response.StatusCode).IsEqualTo(HttpStatusCode.OK);
        var text = await response.Content.ReadAsStringAsync();
        await Assert.That(text).StartsWith("{\"object\":\"user\"");
        await Assert.That(() => JsonDocument.Parse(text)).Throws<JsonException>();
    }

    [Test]
    public async Task EmptyBodyAndWrongShape()
    {
        await using var t = await TestPanel.StartAsync();
        t.Panel.Faults.Next(FaultKind.EmptyBody);
        t.Panel.Faults.Next(FaultKind.WrongShape);
        using (var empty = await t.GetAsync("/api/client/account"))
        {
            await Assert.That(empty.StatusCode).IsEqualTo(HttpStatusCode.OK);
            await Assert.That(await empty.Content.ReadAsStringAsync()).IsEqualTo("");
        }

        using var wrong = await t.GetAsync("/api/client/account");
        await Assert.That(await wrong.Content.ReadAsStringAsync()).IsEqualTo("{\"foo\":1}");
    }

    [Test]
    public async Task DropConnectionFailsTheRequest()
    {
        await using var t = await TestPanel.StartAsync();
        t.Panel.Faults.Next(FaultKind.DropConnection);
        await Assert.That(async () => await t.GetAsync("/api/client/account")).Throws<HttpRequestException>();
        using var after = await t.GetAsync("/api/client/account");
        await Assert.That(after.StatusCode).IsEqualTo(HttpStatusCode.OK);
    }

    [Test]
    public async Task PathPrefixAndStatusFaults()
    {
        await using var t = await TestPanel.StartAsync();
        t.Panel.Faults.NextStatus(503, "/api/client/account/ssh-keys", retryAfterSeconds: 7);
        using (var unaffected = await t.GetAsync("/api/client/account"))
        {
            await Assert.That(unaffected.StatusCode).IsEqualTo(HttpStatusCode.OK);
        }

        await Assert.That(t.Panel.Faults.Pending).IsEqualTo(1);
        using var hit = await t.GetAsync("/api/client/account/ssh-keys");
        await Expect.ErrorAsync(hit, 503, "HttpException");
        await Assert.That(TestPanel.Header(hit, "Retry-After")).IsEqualTo("7");
    }
}
