using PteroAot.Tests.Support;

namespace PteroAot.Tests.Account;

public class ActivityTests
{
    [Test]
    public async Task One_page_carries_its_pagination()
    {
        await using var t = await TestPanel.StartAsync();
        Seed(t, 12);
        var total = t.Panel.DemoUser.Activity.Count;

        var page = await t.Client.Account.ListActivityAsync(page: 2, perPage: 5);

        await Assert.That(page.Items.Count).IsEqualTo(5);
        await Assert.That(page.Pagination!.Total).IsEqualTo(total);
        await Assert.That(page.Pagination.CurrentPage).IsEqualTo(2);
        await Assert.That(page.Pagination.PerPage).IsEqualTo(5);
        await Assert.That(page.Pagination.TotalPages).IsEqualTo((total + 4) / 5);
    }

    [Test]
    public async Task Enumerating_walks_every_page_lazily_and_returns_every_entry_once()
    {
        await using var t = await TestPanel.StartAsync();
        Seed(t, 23);
        var expected = t.Panel.DemoUser.Activity.Count;
        var before = t.Panel.Requests.Count;

        var ids = new List<string>();
        await foreach (var entry in t.Client.Account.EnumerateActivityAsync(perPage: 4))
            ids.Add(entry.Id);

        await Assert.That(ids.Count).IsEqualTo(expected);
        await Assert.That(ids.Distinct().Count()).IsEqualTo(expected);
        var requests = t.Panel.Requests.Skip(before).ToList();
        await Assert.That(requests.Count).IsEqualTo((expected + 3) / 4);
        await Assert.That(requests.Last().PathAndQuery).Contains($"page={(expected + 3) / 4}");
    }

    [Test]
    public async Task Enumerating_stops_where_the_caller_stops()
    {
        await using var t = await TestPanel.StartAsync();
        Seed(t, 30);
        var before = t.Panel.Requests.Count;

        var taken = 0;
        await foreach (var _ in t.Client.Account.EnumerateActivityAsync(perPage: 5))
            if (++taken == 6) break;

        await Assert.That(t.Panel.Requests.Count - before).IsEqualTo(2);
    }

    [Test]
    public async Task Filter_sort_and_actor_include_reach_the_panel_and_come_back_typed()
    {
        await using var t = await TestPanel.StartAsync();
        Seed(t, 3);
        t.Panel.State.RecordActivity(t.Panel.DemoUser, "user:account.email-changed", t.Panel.DemoUser,
            properties: new Dictionary<string, string> { ["old"] = "a@example.com", ["new"] = "b@example.com" });

        var page = await t.Client.Account.ListActivityAsync(eventFilter: "email-changed", sort: "-timestamp", include: "actor");

        await Assert.That(page.Items.Count).IsGreaterThanOrEqualTo(1);
        await Assert.That(page.Items.All(e => e.Event.Contains("email-changed"))).IsTrue();
        var entry = page.Items[0];
        await Assert.That(entry.Actor!.Username).IsEqualTo("demo");
        await Assert.That(entry.Properties!.Value.GetProperty("new").GetString()).IsEqualTo("b@example.com");
        await Assert.That(t.Panel.Requests.Last().PathAndQuery).Contains("filter%5Bevent%5D=email-changed");
    }

    [Test]
    public async Task An_unknown_filter_is_the_panels_400()
    {
        await using var t = await TestPanel.StartAsync();
        var api = new RawActivityApi(t.Client.Connection);

        var ex = await Assert.ThrowsAsync<PteroApiException>(() => api.ListAsync("x"));

        await Assert.That(ex!.Code).IsEqualTo("InvalidFilterQuery");
    }

    private static void Seed(TestPanel t, int count)
    {
        for (int i = 0; i < count; i++)
            t.Panel.State.RecordActivity(t.Panel.DemoUser, $"user:test.event-{i}", t.Panel.DemoUser,
                timestamp: DateTimeOffset.UtcNow.AddMinutes(-i));
    }
}

/// <summary>A user-declared endpoint (as a panel add-on would add): the same generator, a custom query name.</summary>
[Endpoints.PteroApi(typeof(Json.PteroJsonContext))]
public sealed partial class RawActivityApi
{
    [Endpoints.Get("/api/client/account/activity")]
    public partial Task<ResourceList<PteroAot.Account.ActivityLogEntry>> ListAsync([Endpoints.Query("filter[owner]")] string owner, CancellationToken cancellationToken = default);
}
