using System.Net;
using System.Text.Json;
using PteroAot.Application;
using PteroAot.Tests.Support;

namespace PteroAot.Tests.Application;

/// <summary><c>/api/application/locations</c> through <c>panel.Application.Locations</c> against the fake panel.</summary>
public class LocationsTests
{
    [Test]
    public async Task List_filters_sorts_includes_and_the_walk_reaches_every_page()
    {
        await using var t = await TestPanel.StartAsync();
        var locations = t.Admin.Application.Locations;
        await locations.CreateAsync("eu.fra", "Frankfurt, Germany");
        await locations.CreateAsync("eu.ams", "Amsterdam, Netherlands");

        var page = await locations.ListAsync(LocationInclude.Nodes);
        await Assert.That(page.Items.Select(l => l.Short)).IsEquivalentTo(["us.nyc", "eu.fra", "eu.ams"]);
        await Assert.That(page.Pagination!.Total).IsEqualTo(3);
        var nyc = page.Items[0];
        await Assert.That(nyc.Id).IsEqualTo(new LocationId(1));
        await Assert.That(nyc.Long).IsEqualTo("New York, USA");
        await Assert.That(nyc.Nodes!.Single().Name).IsEqualTo("Node 1");
        await Assert.That(page.Items[1].Nodes!).IsEmpty();

        await Assert.That((await locations.ListAsync(shortCode: "EU.")).Items.Count).IsEqualTo(2);
        await Assert.That((await locations.ListAsync(longName: "netherlands")).Items.Single().Short).IsEqualTo("eu.ams");
        await Assert.That((await locations.ListAsync(sort: "-id")).Items[0].Short).IsEqualTo("eu.ams");

        var sort = await Assert.ThrowsAsync<PteroApiException>(() => locations.ListAsync(sort: "short"));
        await Assert.That(sort!.Code).IsEqualTo("InvalidSortQuery");

        var walked = new List<Location>();
        await foreach (var l in locations.EnumerateAsync(perPage: 1))
            walked.Add(l);
        await Assert.That(walked.Select(l => l.Id.Value)).IsEquivalentTo([1, 2, 3]);
    }

    [Test]
    public async Task Get_with_servers_and_404()
    {
        await using var t = await TestPanel.StartAsync();

        var nyc = await t.Admin.Application.Locations.GetAsync(new LocationId(1), LocationInclude.Servers | LocationInclude.Nodes);

        await Assert.That(nyc.Short).IsEqualTo("us.nyc");
        await Assert.That(nyc.Servers!.Select(s => s.Name)).IsEquivalentTo(t.Panel.State.Servers.Select(s => s.Name));
        await Assert.That(nyc.Nodes!.Count).IsEqualTo(1);
        var missing = await Assert.ThrowsAsync<PteroNotFoundException>(() => t.Admin.Application.Locations.GetAsync(new LocationId(99)));
        await Assert.That(missing!.Errors[0].Detail).IsEqualTo("The requested resource could not be found on the server.");
    }

    [Test]
    public async Task Create_answers_201_and_422_for_missing_long_or_taken_short()
    {
        await using var t = await TestPanel.StartAsync();
        var locations = t.Admin.Application.Locations;

        var created = await locations.CreateAsync("eu.fra", "Frankfurt");

        await Assert.That(t.Panel.Requests.Last().Status).IsEqualTo(201);
        await Assert.That(created.Short).IsEqualTo("eu.fra");
        await Assert.That(created.Long).IsEqualTo("Frankfurt");
        await Assert.That(t.Panel.State.FindLocation(created.Id.Value)!.Short).IsEqualTo("eu.fra");

        var missing = await Assert.ThrowsAsync<PteroValidationException>(() => locations.CreateAsync("  "));
        await Assert.That(missing!.Errors.Single().Rule).IsEqualTo("required");
        await Assert.That(missing.FieldErrors["short"][0]).IsEqualTo("The short field is required.");
        var tooLong = await Assert.ThrowsAsync<PteroValidationException>(() => locations.CreateAsync(new string('x', 61), new string('y', 192)));
        await Assert.That(tooLong!.Errors.Select(e => $"{e.SourceField}:{e.Rule}")).IsEquivalentTo(["short:between", "long:between"]);
        var taken = await Assert.ThrowsAsync<PteroValidationException>(() => locations.CreateAsync("EU.FRA"));
        await Assert.That(taken!.Errors.Single().Rule).IsEqualTo("unique");
        await Assert.That(t.Panel.State.Locations.Count).IsEqualTo(2);
    }

    [Test]
    public async Task Update_requires_short_and_read_modify_write_keeps_the_other_field()
    {
        await using var t = await TestPanel.StartAsync();
        var locations = t.Admin.Application.Locations;
        var fra = await locations.CreateAsync("eu.fra", "Frankfurt");

        var missing = await Assert.ThrowsAsync<PteroValidationException>(() => locations.UpdateAsync(fra.Id, new LocationRequest { Short = "", Long = "x" }));
        await Assert.That(missing!.FieldErrors.Keys).IsEquivalentTo(["short"]);

        t.Panel.ClearRequests();
        var described = await locations.UpdateAsync(fra.Id, r => r with { Long = "Frankfurt am Main" });
        await Assert.That(described.Short).IsEqualTo("eu.fra");
        await Assert.That(described.Long).IsEqualTo("Frankfurt am Main");
        using (var body = JsonDocument.Parse(t.Panel.Requests.Single(r => r.Method == "PATCH").Body))
            await Assert.That(body.RootElement.GetProperty("short").GetString()).IsEqualTo("eu.fra");

        var renamed = await locations.UpdateAsync(fra.Id, r => r with { Short = "de.fra" });
        await Assert.That(renamed.Short).IsEqualTo("de.fra");
        await Assert.That(renamed.Long).IsEqualTo("Frankfurt am Main");

        var taken = await Assert.ThrowsAsync<PteroValidationException>(() => locations.UpdateAsync(fra.Id, r => r with { Short = "us.nyc" }));
        await Assert.That(taken!.Errors.Single().Rule).IsEqualTo("unique");
        await Assert.ThrowsAsync<PteroNotFoundException>(() => locations.UpdateAsync(new LocationId(99), new LocationRequest { Short = "zz" }));
    }

    [Test]
    public async Task Delete_answers_204_and_refuses_a_location_with_nodes()
    {
        await using var t = await TestPanel.StartAsync();
        var locations = t.Admin.Application.Locations;
        var empty = await locations.CreateAsync("tmp");

        await locations.DeleteAsync(empty.Id);

        await Assert.That(t.Panel.Requests.Last().Status).IsEqualTo(204);
        await Assert.That(t.Panel.State.FindLocation(empty.Id.Value)).IsNull();
        await Assert.ThrowsAsync<PteroNotFoundException>(() => locations.DeleteAsync(empty.Id));
        var busy = await Assert.ThrowsAsync<PteroApiException>(() => locations.DeleteAsync(new LocationId(1)));
        await Assert.That(busy!.StatusCode).IsEqualTo(HttpStatusCode.BadRequest);
        await Assert.That(busy.Code).IsEqualTo("HasActiveNodesException");
        await Assert.That(t.Panel.State.FindLocation(1)).IsNotNull();
    }

    [Test]
    public async Task A_non_admin_key_gets_403()
    {
        await using var t = await TestPanel.StartAsync();

        await Assert.ThrowsAsync<PteroPermissionException>(() => t.Client.Application.Locations.ListAsync());
        await Assert.ThrowsAsync<PteroPermissionException>(() => t.Client.Application.Locations.CreateAsync("nope"));
        await Assert.That(t.Panel.State.Locations.Count).IsEqualTo(1);
    }
}
