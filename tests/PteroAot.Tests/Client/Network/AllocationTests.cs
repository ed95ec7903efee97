using System.Net;
using PteroAot.Network;
using PteroAot.Tests.Support;

namespace PteroAot.Tests.Client.Network;

public class AllocationTests
{
    [Test]
    public async Task The_seeded_primary_allocation_is_listed_as_default()
    {
        await using var t = await TestPanel.StartAsync();
        var fake = t.Server("Survival");

        var list = await t.Client.Network.ListAsync(fake.Id());

        var only = list.Items.Single();
        await Assert.That(only.Id).IsEqualTo(new AllocationId(fake.PrimaryAllocation!.Id));
        await Assert.That(only.IsDefault).IsTrue();
        await Assert.That(only.Ip).IsEqualTo("127.0.0.1");
        await Assert.That(only.IpAlias).IsNull();
        await Assert.That(only.Notes).IsNull();
        await Assert.That(list.Pagination).IsNull();
    }

    [Test]
    public async Task Auto_allocation_is_refused_until_the_panel_enables_it()
    {
        await using var t = await TestPanel.StartAsync();
        var server = t.Server("Survival").Id();

        var ex = await Assert.ThrowsAsync<PteroApiException>(() => t.Client.Network.AssignAsync(server));

        await Assert.That(ex!.StatusCode).IsEqualTo(HttpStatusCode.BadRequest);
        await Assert.That(ex.Code).IsEqualTo("AutoAllocationNotEnabledException");
        await Assert.That(ex.Detail).IsEqualTo("Server auto-allocation is not enabled for this instance.");
    }

    [Test]
    public async Task Assign_annotate_make_primary_and_unassign()
    {
        await using var t = await TestPanel.StartAsync();
        t.Panel.State.EnableClientAllocations(30000, 30010);
        var server = t.Server("Survival").Id();
        var original = (await t.Client.Network.ListAsync(server)).Items.Single();

        var added = await t.Client.Network.AssignAsync(server);

        await Assert.That(added.Port).IsBetween(30000, 30010);
        await Assert.That(added.Ip).IsEqualTo(original.Ip);
        await Assert.That(added.IsDefault).IsFalse();
        await Assert.That((await t.Client.Network.ListAsync(server)).Items.Count).IsEqualTo(2);

        var noted = await t.Client.Network.SetNotesAsync(server, added.Id, "Dynmap");
        await Assert.That(noted.Notes).IsEqualTo("Dynmap");
        var cleared = await t.Client.Network.SetNotesAsync(server, added.Id, null);
        await Assert.That(cleared.Notes).IsNull();
        await t.Client.Network.SetNotesAsync(server, original.Id, "Java edition");

        var primary = await t.Client.Network.SetPrimaryAsync(server, added.Id);
        await Assert.That(primary.IsDefault).IsTrue();
        var after = (await t.Client.Network.ListAsync(server)).Items;
        await Assert.That(after.Single(a => a.IsDefault).Id).IsEqualTo(added.Id);

        await t.Client.Network.DeleteAsync(server, original.Id);

        await Assert.That((await t.Client.Network.ListAsync(server)).Items.Single().Id).IsEqualTo(added.Id);
        // Unassigned allocations stay on the node (notes cleared) and are handed out again first.
        var again = await t.Client.Network.AssignAsync(server);
        await Assert.That(again.Id).IsEqualTo(original.Id);
        await Assert.That(again.Notes).IsNull();
    }

    [Test]
    public async Task The_primary_allocation_cannot_be_deleted()
    {
        await using var t = await TestPanel.StartAsync();
        var fake = t.Server("Survival");

        var ex = await Assert.ThrowsAsync<PteroApiException>(() =>
            t.Client.Network.DeleteAsync(fake.Id(), new AllocationId(fake.PrimaryAllocation!.Id)));

        await Assert.That(ex!.StatusCode).IsEqualTo(HttpStatusCode.BadRequest);
        await Assert.That(ex.Code).IsEqualTo("DisplayException");
        await Assert.That(ex.Detail).IsEqualTo("You cannot delete the primary allocation for this server.");
    }

    [Test]
    public async Task The_allocation_limit_is_enforced_on_assign_and_a_missing_limit_blocks_deletes()
    {
        await using var t = await TestPanel.StartAsync();
        t.Panel.State.EnableClientAllocations(30000, 30010);
        var fake = t.Server("Survival");
        fake.AllocationLimit = 2;
        var server = fake.Id();
        var extra = await t.Client.Network.AssignAsync(server);

        var full = await Assert.ThrowsAsync<PteroApiException>(() => t.Client.Network.AssignAsync(server));
        await Assert.That(full!.StatusCode).IsEqualTo(HttpStatusCode.BadRequest);
        await Assert.That(full.Detail).IsEqualTo("Cannot assign additional allocations to this server: limit has been reached.");

        fake.AllocationLimit = null;
        var noLimit = await Assert.ThrowsAsync<PteroApiException>(() => t.Client.Network.DeleteAsync(server, extra.Id));
        await Assert.That(noLimit!.Detail).IsEqualTo("You cannot delete allocations for this server: no allocation limit is set.");
        await Assert.ThrowsAsync<PteroApiException>(() => t.Client.Network.AssignAsync(server));
    }

    [Test]
    public async Task A_full_port_range_has_no_space_left()
    {
        await using var t = await TestPanel.StartAsync();
        t.Panel.State.EnableClientAllocations(30000, 30000);
        var server = t.Server("Survival").Id();
        await t.Client.Network.AssignAsync(server);

        var ex = await Assert.ThrowsAsync<PteroApiException>(() => t.Client.Network.AssignAsync(server));

        await Assert.That(ex!.Code).IsEqualTo("NoAutoAllocationSpaceAvailableException");
    }

    [Test]
    public async Task Notes_over_256_characters_or_without_the_key_are_validation_errors()
    {
        await using var t = await TestPanel.StartAsync();
        var fake = t.Server("Survival");
        var id = new AllocationId(fake.PrimaryAllocation!.Id);

        var tooLong = await Assert.ThrowsAsync<PteroValidationException>(() => t.Client.Network.SetNotesAsync(fake.Id(), id, new string('n', 257)));
        await Assert.That(tooLong!.FieldErrors["notes"]).IsEquivalentTo(["The notes may not be greater than 256 characters."]);

        using var missing = await AreaSupport.SendRawAsync(t, HttpMethod.Post, $"api/client/servers/{fake.Identifier}/network/allocations/{id}", "{}");
        await Assert.That((int)missing.StatusCode).IsEqualTo(422);
        await Assert.That(await missing.Content.ReadAsStringAsync()).Contains("The notes field must be present.");
    }

    [Test]
    public async Task Another_servers_allocation_is_not_found_and_the_limited_subuser_gets_403()
    {
        await using var t = await TestPanel.StartAsync();
        var survival = t.Server("Survival");
        var creative = t.Server("Creative");
        var creativePrimary = new AllocationId(creative.PrimaryAllocation!.Id);

        var ex = await Assert.ThrowsAsync<PteroNotFoundException>(() => t.Client.Network.SetPrimaryAsync(survival.Id(), creativePrimary));
        await Assert.That(ex!.Detail).IsEqualTo("The requested resource was not found for this server.");
        await Assert.ThrowsAsync<PteroNotFoundException>(() => t.Client.Network.DeleteAsync(survival.Id(), creativePrimary));
        await Assert.ThrowsAsync<PteroNotFoundException>(() => t.Client.Network.SetNotesAsync(survival.Id(), new AllocationId(424242), "x"));

        var lobby = t.Server("Shared Lobby");
        await Assert.ThrowsAsync<PteroPermissionException>(() => t.Client.Network.ListAsync(lobby.Id()));
        await Assert.ThrowsAsync<PteroPermissionException>(() => t.Client.Network.AssignAsync(lobby.Id()));
        await Assert.ThrowsAsync<PteroPermissionException>(() =>
            t.Client.Network.SetNotesAsync(lobby.Id(), new AllocationId(lobby.PrimaryAllocation!.Id), "mine"));
    }

    [Test]
    public async Task The_reference_fixture_parses()
    {
        using var client = AreaSupport.Canned(RepoPaths.Spec("fixtures", "client", "allocations-list.json"));

        var list = await client.Network.ListAsync(ServerIdentifier.Parse("1a7ce997"));

        await Assert.That(list.Items.Count).IsEqualTo(2);
        await Assert.That(list.Items[0].Id).IsEqualTo(new AllocationId(12));
        await Assert.That(list.Items[0].Address).IsEqualTo("203.0.113.10:25565");
        await Assert.That(list.Items[1].Notes).IsEqualTo("Dynmap");
        await Assert.That(list.Items[1].IsDefault).IsFalse();
    }
}
