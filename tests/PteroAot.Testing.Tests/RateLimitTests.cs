using System.Net;
using PteroAot.Testing.Tests.Support;

namespace PteroAot.Testing.Tests;

public class RateLimitTests
{
    [Test]
    public async Task HeadersCountDownThen429ThenResetAfterTheWindow()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2024, 5, 7, 18, 40, 0, TimeSpan.Zero));
        await using var t = await TestPanel.StartAsync(new FakePanelOptions { ClientRateLimitPerMinute = 3, TimeProvider = clock });

        for (var expected = 2; expected >= 0; expected--)
        {
            using var ok = await t.GetAsync("/api/client/account");
            await Assert.That(ok.StatusCode).IsEqualTo(HttpStatusCode.OK);
            await Assert.That(TestPanel.Header(ok, "X-RateLimit-Limit")).IsEqualTo("3");
            await Assert.That(TestPanel.Header(ok, "X-RateLimit-Remaining")).IsEqualTo(expected.ToString());
            clock.Advance(TimeSpan.FromSeconds(10));
        }

        using (var limited = await t.GetAsync("/api/client/account"))
        {
            await Expect.ErrorAsync(limited, 429, "ThrottleRequestsException", "Too Many Attempts.");
            await Assert.That(TestPanel.Header(limited, "X-RateLimit-Remaining")).IsEqualTo("0");
            await Assert.That(TestPanel.Header(limited, "Retry-After")).IsEqualTo("30");
            var reset = new DateTimeOffset(2024, 5, 7, 18, 41, 0, TimeSpan.Zero).ToUnixTimeSeconds();
            await Assert.That(TestPanel.Header(limited, "X-RateLimit-Reset")).IsEqualTo(reset.ToString());
        }

        // Another key of the same user shares the bucket.
        var second = t.Panel.State.IssueClientKey(t.Panel.DemoUser);
        using (var shared = await t.GetAsync("/api/client/account", second))
        {
            await Assert.That((int)shared.StatusCode).IsEqualTo(429);
        }

        clock.Advance(TimeSpan.FromSeconds(31));
        using var again = await t.GetAsync("/api/client/account");
        await Assert.That(again.StatusCode).IsEqualTo(HttpStatusCode.OK);
        await Assert.That(TestPanel.Header(again, "X-RateLimit-Remaining")).IsEqualTo("2");
    }

    [Test]
    public async Task ErrorsAfterTheLimiterCarryHeadersAndOtherUsersHaveTheirOwnBucket()
    {
        await using var t = await TestPanel.StartAsync(new FakePanelOptions { ClientRateLimitPerMinute = 5 });
        using (var validation = await t.PostAsync("/api/client/account/api-keys", "{}"))
        {
            await Assert.That((int)validation.StatusCode).IsEqualTo(422);
            await Assert.That(TestPanel.Header(validation, "X-RateLimit-Remaining")).IsEqualTo("4");
        }

        var adminClient = t.Panel.State.IssueClientKey(t.Panel.AdminUser);
        using var admin = await t.GetAsync("/api/client/account", adminClient);
        await Assert.That(TestPanel.Header(admin, "X-RateLimit-Remaining")).IsEqualTo("4");
    }
}
