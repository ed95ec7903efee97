using System.Net;
using PteroAot.Testing;
using PteroAot.Tests.Support;

namespace PteroAot.Tests.Runtime;

public class RateLimitTests
{
    [Test]
    public async Task Past_the_budget_a_429_carries_retry_after_and_the_limit()
    {
        await using var t = await TestPanel.StartAsync(new FakePanelOptions { ClientRateLimitPerMinute = 3 },
            new PteroClientOptions { MaxRateLimitRetries = 0 });
        for (int i = 0; i < 3; i++)
            await t.Client.Account.GetAsync();

        var ex = await Assert.ThrowsAsync<PteroRateLimitException>(() => t.Client.Account.GetAsync());

        await Assert.That(ex!.StatusCode).IsEqualTo(HttpStatusCode.TooManyRequests);
        await Assert.That(ex.Code).IsEqualTo("ThrottleRequestsException");
        await Assert.That(ex.RetryAfter!.Value).IsGreaterThan(TimeSpan.Zero);
        await Assert.That(ex.RetryAfter!.Value).IsLessThanOrEqualTo(TimeSpan.FromSeconds(60));
        await Assert.That(ex.RateLimit.Limit).IsEqualTo(3);
        await Assert.That(ex.RateLimit.Remaining).IsEqualTo(0);
        await Assert.That(ex.RateLimit.ResetAt).IsNotNull();
    }

    [Test]
    public async Task The_application_api_has_its_own_240_per_minute_bucket()
    {
        await using var t = await TestPanel.StartAsync(new FakePanelOptions { ClientRateLimitPerMinute = 1 },
            new PteroClientOptions { MaxRateLimitRetries = 0 });
        // The admin's client-key budget is spent; the application API keeps its own.
        using var adminClientKey = t.ClientWith(t.Panel.State.IssueClientKey(t.Panel.AdminUser), new PteroClientOptions { MaxRateLimitRetries = 0 });
        await adminClientKey.Account.GetAsync();
        await Assert.ThrowsAsync<PteroRateLimitException>(() => adminClientKey.Account.GetAsync());

        var admin = new PteroClient(t.Panel.Url.ToString(), t.Panel.ApplicationKey, new PteroClientOptions { MaxRateLimitRetries = 0 });
        using (admin)
        {
            await admin.Application.Locations.ListAsync();
            await Assert.That(admin.LastRateLimit.Limit).IsEqualTo(240);
            for (int i = 1; i < 240; i++)
                await admin.Application.Locations.ListAsync();
            await Assert.That(admin.LastRateLimit.Remaining).IsEqualTo(0);

            var ex = await Assert.ThrowsAsync<PteroRateLimitException>(() => admin.Application.Locations.ListAsync());
            await Assert.That(ex!.RateLimit.Limit).IsEqualTo(240);
        }
    }

    [Test]
    public async Task The_client_waits_out_retry_after_and_the_call_succeeds()
    {
        var clock = new SkippingTimeProvider();
        await using var t = await TestPanel.StartAsync(new FakePanelOptions { ClientRateLimitPerMinute = 2, TimeProvider = clock },
            new PteroClientOptions { TimeProvider = clock });
        await t.Client.Account.GetAsync();
        await t.Client.Account.GetAsync();

        var account = await t.Client.Account.GetAsync();

        await Assert.That(account.Username).IsEqualTo("demo");
        await Assert.That(clock.Skipped).IsGreaterThan(TimeSpan.Zero);
        var statuses = t.Panel.Requests.Select(r => r.Status).ToList();
        await Assert.That(statuses.Count(s => s == 429)).IsEqualTo(1);
        await Assert.That(statuses.Last()).IsEqualTo(200);
    }

    [Test]
    public async Task A_retry_after_longer_than_the_client_may_wait_is_raised_at_once()
    {
        await using var t = await TestPanel.StartAsync(new FakePanelOptions { ClientRateLimitPerMinute = 1 },
            new PteroClientOptions { MaxRetryDelay = TimeSpan.FromMilliseconds(1) });
        await t.Client.Account.GetAsync();

        await Assert.ThrowsAsync<PteroRateLimitException>(() => t.Client.Account.GetAsync());

        await Assert.That(t.Panel.Requests.Count(r => r.Status == 429)).IsEqualTo(1);
    }

    [Test]
    public async Task Several_429s_in_a_row_are_waited_out_and_the_same_body_is_resent_each_time()
    {
        var clock = new SkippingTimeProvider();
        await using var t = await TestPanel.StartAsync(new FakePanelOptions { TimeProvider = clock },
            new PteroClientOptions { TimeProvider = clock, MaxRateLimitRetries = 3 });
        t.Panel.Faults.NextStatus(429, "/api/client/account/api-keys", retryAfterSeconds: 2);
        t.Panel.Faults.NextStatus(429, "/api/client/account/api-keys", retryAfterSeconds: 3);

        var created = await t.Client.Account.CreateApiKeyAsync("after two 429s");

        await Assert.That(created.Key.Description).IsEqualTo("after two 429s");
        var posts = t.Panel.Requests.Where(r => r.Method == "POST" && r.Path == "/api/client/account/api-keys").ToList();
        await Assert.That(posts.Select(r => r.Status)).IsEquivalentTo([429, 429, 200]);
        await Assert.That(posts.Select(r => r.Body).Distinct().Count()).IsEqualTo(1);
        await Assert.That(posts[0].Body).Contains("after two 429s");
        await Assert.That(clock.Skipped).IsGreaterThanOrEqualTo(TimeSpan.FromSeconds(5));
    }
}
