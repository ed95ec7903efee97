using PteroAot.Servers;
using PteroAot.Testing;
using PteroAot.Tests.Support;

namespace PteroAot.Tests.Client.Servers;

public class ServerActivityTests
{
    [Test]
    public async Task Actions_show_up_in_the_servers_activity_with_their_actor()
    {
        await using var t = await TestPanel.StartAsync();
        var id = t.Creative().Id();
        await t.Client.Servers.StartAsync(id);
        await t.Client.Servers.RenameAsync(id, "Creative 2");

        var page = await t.Client.Servers.ListActivityAsync(id, include: "actor");

        await Assert.That(page.Items.Select(e => e.Event)).IsEquivalentTo(["server:settings.rename", "server:power.start"]);
        await Assert.That(page.Items[0].Actor!.Username).IsEqualTo("demo");
        await Assert.That(page.Items[0].Properties!.Value.GetProperty("new").GetString()).IsEqualTo("Creative 2");
        await Assert.That(page.Pagination!.Total).IsEqualTo(2);
    }

    [Test]
    public async Task Enumerating_walks_every_page_with_filter_and_sort()
    {
        await using var t = await TestPanel.StartAsync();
        var survival = t.Survival();
        var start = DateTimeOffset.UtcNow.AddHours(-1);
        for (int i = 0; i < 30; i++)
            t.Panel.State.RecordServerActivity(survival, i % 3 == 0 ? "server:file.write" : "server:power.start", null, timestamp: start.AddMinutes(i));
        var before = t.Panel.Requests.Count;

        var entries = new List<PteroAot.Account.ActivityLogEntry>();
        await foreach (var entry in t.Client.Servers.EnumerateActivityAsync(survival.Id(), perPage: 4, eventFilter: "file.write", sort: "timestamp"))
            entries.Add(entry);

        await Assert.That(entries.Count).IsEqualTo(10);
        await Assert.That(entries.Select(e => e.Timestamp).SequenceEqual(entries.Select(e => e.Timestamp).Order())).IsTrue();
        await Assert.That(t.Panel.Requests.Count - before).IsEqualTo(3);
        await Assert.That(t.Panel.Requests.Last().PathAndQuery).Contains("filter%5Bevent%5D=file.write");
    }

    [Test]
    public async Task A_subuser_without_activity_read_is_refused()
    {
        await using var t = await TestPanel.StartAsync();

        await Assert.ThrowsAsync<PteroPermissionException>(() => t.Client.Servers.ListActivityAsync(t.SharedLobby().Id()));
    }
}
