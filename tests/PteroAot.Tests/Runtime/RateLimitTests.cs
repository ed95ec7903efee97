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
}
