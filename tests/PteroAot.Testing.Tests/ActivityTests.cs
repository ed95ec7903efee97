using System.Net;
using System.Text.Json;
using PteroAot.Testing.Tests.Support;

namespace PteroAot.Testing.Tests;

public class ActivityTests
{
    private static async Task<TestPanel> StartWithEntriesAsync(int extra)
    {
        var t = await TestPanel.StartAsync();
        var start = DateTimeOffset.UtcNow.AddDays(-1);
        for (var i = 0; i < extra; i++)
        {
            t.Panel.State.RecordActivity(t.Panel.DemoUser, i % 2 == 0 ? "user:test.even" : "user:test.odd", t.Panel.DemoUser,
                timestamp: start.AddMinutes(i));
        }

        return t;
    }

    private static List<string> Events(JsonElement body) =>
        body.GetProperty("data").EnumerateArray().Select(e => e.GetProperty("attributes").GetProperty("event").GetString()!).ToList();

    [Test]
    public async Task ShapeMatchesFixtureWithActorInclude()
    {
        await using var t = await TestPanel.StartAsync();
        using var response = await t.GetAsync("/api/client/account/activity?include=actor&per_page=3");
        var body = await TestPanel.JsonAsync(response);
        await Assert.That(Fixtures.ShapeDiff(Fixtures.Load("client/server-activity-list.json"), body)).IsEqualTo("");
        await Assert.That(body.GetProperty("meta").GetProperty("pagination").GetProperty("per_page").GetInt32()).IsEqualTo(3);
        var first = body.GetProperty("data")[0].GetProperty("attributes");
        await Assert.That(first.GetProperty("timestamp").GetString()).Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$");

        using var plain = await t.GetAsync("/api/client/account/activity");
        var plainFirst = (await TestPanel.JsonAsync(plain)).GetProperty("data")[0].GetProperty("attributes");
        await Assert.That(plainFirst.TryGetProperty("relationships", out _)).IsFalse();
    }

    [Test]
    public async Task PaginationDefaultsCapsAndLinks()
    {
        await using var t = await StartWithEntriesAsync(150);
        var total = t.Panel.DemoUser.Activity.Count;

        var first = await TestPanel.JsonAsync(await t.GetAsync("/api/client/account/activity"));
        var p = first.GetProperty("meta").GetProperty("pagination");
        await Assert.That(p.GetProperty("total").GetInt32()).IsEqualTo(total);
        await Assert.That(p.GetProperty("per_page").GetInt32()).IsEqualTo(25);
        await Assert.That(p.GetProperty("count").GetInt32()).IsEqualTo(25);
        await Assert.That(p.GetProperty("total_pages").GetInt32()).IsEqualTo((total + 24) / 25);
        await Assert.That(p.GetProperty("links").TryGetProperty("previous", out _)).IsFalse();
        await Assert.That(p.GetProperty("links").GetProperty("next").GetString())
            .IsEqualTo(t.Panel.Url + "api/client/account/activity?page=2");

        var capped = await TestPanel.JsonAsync(await t.GetAsync("/api/client/account/activity?per_page=500&filter[event]=test&page=2"));
        var cp = capped.GetProperty("meta").GetProperty("pagination");
        await Assert.That(cp.GetProperty("per_page").GetInt32()).IsEqualTo(100);
        await Assert.That(cp.GetProperty("total").GetInt32()).IsEqualTo(150);
        await Assert.That(cp.GetProperty("count").GetInt32()).IsEqualTo(50);
        await Assert.That(cp.GetProperty("links").GetProperty("previous").GetString())
            .IsEqualTo(t.Panel.Url + "api/client/account/activity?per_page=500&filter%5Bevent%5D=test&page=1");
        await Assert.That(cp.GetProperty("links").TryGetProperty("next", out _)).IsFalse();

        var single = await TestPanel.JsonAsync(await t.GetAsync("/api/client/account/activity?filter[event]=auth:success"));
        var links = single.GetProperty("meta").GetProperty("pagination").GetProperty("links");
        await Assert.That(links.ValueKind).IsEqualTo(JsonValueKind.Object);
        await Assert.That(links.EnumerateObject().Count()).IsEqualTo(0);
    }

    [Test]
    public async Task FilterAndSort()
    {
        await using var t = await StartWithEntriesAsync(6);
        var odd = Events(await TestPanel.JsonAsync(await t.GetAsync("/api/client/account/activity?filter[event]=ODD")));
        await Assert.That(odd.Count).IsEqualTo(3);
        await Assert.That(odd.All(e => e == "user:test.odd")).IsTrue();

        var newest = await TestPanel.JsonAsync(await t.GetAsync("/api/client/account/activity"));
        var oldest = await TestPanel.JsonAsync(await t.GetAsync("/api/client/account/activity?sort=timestamp"));
        var newestTimes = newest.GetProperty("data").EnumerateArray().Select(e => DateTimeOffset.Parse(e.GetProperty("attributes").GetProperty("timestamp").GetString()!)).ToList();
        var oldestTimes = oldest.GetProperty("data").EnumerateArray().Select(e => DateTimeOffset.Parse(e.GetProperty("attributes").GetProperty("timestamp").GetString()!)).ToList();
        await Assert.That(newestTimes.SequenceEqual(newestTimes.OrderByDescending(x => x))).IsTrue();
        await Assert.That(oldestTimes.SequenceEqual(oldestTimes.OrderBy(x => x))).IsTrue();
        await Assert.That(newestTimes[0]).IsGreaterThan(oldestTimes[0]);
    }

    [Test]
    public async Task UnknownFilterAndSortAre400()
    {
        await using var t = await TestPanel.StartAsync();
        using (var filter = await t.GetAsync("/api/client/account/activity?filter[owner]=x"))
        {
            await Expect.ErrorAsync(filter, 400, "InvalidFilterQuery", "Requested filter(s) `owner` are not allowed. Allowed filter(s) are `event`.");
        }

        using var sort = await t.GetAsync("/api/client/account/activity?sort=-id");
        await Expect.ErrorAsync(sort, 400, "InvalidSortQuery", "Requested sort(s) `id` is not allowed. Allowed sort(s) are `timestamp`.");
    }

    [Test]
    public async Task AccountActionsAreListed()
    {
        await using var t = await TestPanel.StartAsync();
        using (var ok = await t.PostAsync("/api/client/account/api-keys", """{"description":"logged"}"""))
        {
            await Assert.That(ok.StatusCode).IsEqualTo(HttpStatusCode.OK);
        }

        var body = await TestPanel.JsonAsync(await t.GetAsync("/api/client/account/activity?include=actor"));
        var top = body.GetProperty("data")[0].GetProperty("attributes");
        await Assert.That(top.GetProperty("event").GetString()).IsEqualTo("user:api-key.create");
        await Assert.That(top.GetProperty("is_api").GetBoolean()).IsTrue();
        await Assert.That(top.GetProperty("ip").GetString()).IsEqualTo("127.0.0.1");
        await Assert.That(top.GetProperty("properties").GetProperty("identifier").GetString()).StartsWith("ptlc_");
        await Assert.That(top.GetProperty("relationships").GetProperty("actor").GetProperty("attributes").GetProperty("username").GetString()).IsEqualTo("demo");
    }
}
