using PteroAot.Tests.Support;

namespace PteroAot.Tests.Account;

public class AccountDetailsTests
{
    [Test]
    public async Task Get_returns_the_key_owner_with_every_field()
    {
        await using var t = await TestPanel.StartAsync();
        var user = t.Panel.DemoUser;

        var account = await t.Client.Account.GetAsync();

        await Assert.That(account.Id).IsEqualTo(user.Id);
        await Assert.That(account.Username).IsEqualTo("demo");
        await Assert.That(account.Email).IsEqualTo(user.Email);
        await Assert.That(account.FirstName).IsEqualTo(user.FirstName);
        await Assert.That(account.LastName).IsEqualTo(user.LastName);
        await Assert.That(account.Language).IsEqualTo("en");
        await Assert.That(account.Admin).IsFalse();
    }

    [Test]
    public async Task Every_request_carries_bearer_json_accept_and_user_agent()
    {
        await using var t = await TestPanel.StartAsync();

        await t.Client.Account.GetAsync();

        var request = t.Panel.Requests.Single(r => r.Path == "/api/client/account");
        await Assert.That(request.Method).IsEqualTo("GET");
        await Assert.That(Header(request, "Accept")).IsEqualTo("application/json");
        await Assert.That(Header(request, "User-Agent")).StartsWith("PteroAot/");
        await Assert.That(Header(request, "Authorization")).IsEqualTo("Bearer " + t.Panel.ClientKey[..16]);
    }

    [Test]
    public async Task A_client_over_a_callers_HttpClient_works_and_leaves_it_open()
    {
        await using var t = await TestPanel.StartAsync();
        using var http = new HttpClient();
        using (var client = new PteroClient(http, t.Panel.Url.ToString(), t.Panel.ClientKey))
            await Assert.That((await client.Account.GetAsync()).Username).IsEqualTo("demo");

        // Disposing the PteroClient must not have disposed the caller's HttpClient.
        using var response = await http.GetAsync(t.Panel.Url);
        await Assert.That(response).IsNotNull();
    }

    [Test]
    public async Task Rate_limit_headers_are_readable_after_a_call()
    {
        await using var t = await TestPanel.StartAsync(new Testing.FakePanelOptions { ClientRateLimitPerMinute = 100 });

        await t.Client.Account.GetAsync();
        var first = t.Client.LastRateLimit;
        await t.Client.Account.GetAsync();
        var second = t.Client.LastRateLimit;

        await Assert.That(first.Limit).IsEqualTo(100);
        await Assert.That(first.Remaining).IsEqualTo(99);
        await Assert.That(second.Remaining).IsEqualTo(98);
    }

    internal static string? Header(Testing.RecordedRequest request, string name)
        => request.Header(name);
}
