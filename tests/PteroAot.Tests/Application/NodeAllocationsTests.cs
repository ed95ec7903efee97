using System.Net;
using PteroAot.Application;
using PteroAot.Tests.Support;

namespace PteroAot.Tests.Application;

/// <summary>Allocations of a node in the Application API: list with filters and includes, create (204), delete.</summary>
public class NodeAllocationsTests
{
    private static readonly NodeId Node1 = new(1);

    private static CreateNodeAllocationsRequest Ports(string ip, params string[] ports) => new() { Ip = ip, Ports = ports };

    [Test]
    public async Task List_filters_by_ip_port_server_and_unassigned_and_includes_node_and_server()
    {
        await using var t = await TestPanel.StartAsync();
        var survival = t.Panel.State.Servers.First(s => s.Name == "Survival");
        var primary = survival.Allocations[0];
        var free = t.Panel.State.AddNodeAllocation(1, "10.0.0.9", 30000, alias: "play.example.com")!;

        var all = await t.Admin.Application.Nodes.ListAllocationsAsync(Node1);
        await Assert.That(all.Items.Count).IsEqualTo(4);
        await Assert.That(all.Pagination!.PerPage).IsEqualTo(50);

        var byIp = await t.Admin.Application.Nodes.ListAllocationsAsync(Node1, ip: "10.0.0.9");
        await Assert.That(byIp.Items.Single().Id.Value).IsEqualTo(free.Id);
        await Assert.That(byIp.Items[0].Alias).IsEqualTo("play.example.com");
        await Assert.That(byIp.Items[0].Assigned).IsFalse();
        await Assert.That((await t.Admin.Application.Nodes.ListAllocationsAsync(Node1, ip: "10.0.0")).Items).IsEmpty();
        var byPort = await t.Admin.Application.Nodes.ListAllocationsAsync(Node1, port: primary.Port);
        await Assert.That(byPort.Items.Single().Id.Value).IsEqualTo(primary.Id);
        var byAlias = await t.Admin.Application.Nodes.ListAllocationsAsync(Node1, ipAlias: "PLAY");
        await Assert.That(byAlias.Items.Single().Id.Value).IsEqualTo(free.Id);

        var ofServer = new List<NodeAllocation>();
        await foreach (var a in t.Admin.Application.Nodes.EnumerateAllocationsAsync(Node1, new ServerId(survival.Id)))
            ofServer.Add(a);
        await Assert.That(ofServer.Select(a => a.Id.Value)).IsEquivalentTo([primary.Id]);

        var unassigned = new List<NodeAllocation>();
        await foreach (var a in t.Admin.Application.Nodes.EnumerateAllocationsAsync(Node1, NodeAllocationInclude.Server | NodeAllocationInclude.Node, unassignedOnly: true))
            unassigned.Add(a);
        await Assert.That(unassigned.Select(a => a.Id.Value)).IsEquivalentTo([free.Id]);
        await Assert.That(unassigned[0].Server).IsNull();
        await Assert.That(unassigned[0].Relationships!.Server!.Object).IsEqualTo("null_resource");
        await Assert.That(unassigned[0].Node!.Name).IsEqualTo("Node 1");

        var included = await t.Admin.Application.Nodes.ListAllocationsAsync(Node1, NodeAllocationInclude.Server);
        await Assert.That(included.Items.Single(a => a.Id.Value == primary.Id).Server!.Name).IsEqualTo("Survival");

        await Assert.ThrowsAsync<PteroNotFoundException>(() => t.Admin.Application.Nodes.ListAllocationsAsync(new NodeId(77)));
        await Assert.ThrowsAsync<PteroPermissionException>(() => t.Client.Application.Nodes.ListAllocationsAsync(Node1));
    }

    [Test]
    public async Task Walk_pages_past_the_default_of_50()
    {
        await using var t = await TestPanel.StartAsync();
        await t.Admin.Application.Nodes.CreateAllocationsAsync(Node1, Ports("10.1.0.1", "40000-40059"));

        var first = await t.Admin.Application.Nodes.ListAllocationsAsync(Node1);
        await Assert.That(first.Pagination!.Total).IsEqualTo(63);
        await Assert.That(first.Pagination.TotalPages).IsEqualTo(2);

        var all = new List<NodeAllocation>();
        await foreach (var a in t.Admin.Application.Nodes.EnumerateAllocationsAsync(Node1))
            all.Add(a);
        await Assert.That(all.Count).IsEqualTo(63);
        await Assert.That(all.Select(a => a.Id).Distinct().Count()).IsEqualTo(63);
    }

    [Test]
    public async Task Create_answers_204_and_the_helper_lists_what_was_asked_for_skipping_duplicates()
    {
        await using var t = await TestPanel.StartAsync();

        var created = await t.Admin.Application.Nodes.CreateAllocationsAndListAsync(Node1,
            new CreateNodeAllocationsRequest { Ip = "10.0.0.5", Alias = "mc.example.com", Ports = ["25565", "25570-25572"] });

        var post = t.Panel.Requests.Last(r => r.Method == "POST");
        await Assert.That(post.Status).IsEqualTo(204);
        await Assert.That(created.Select(a => a.Port)).IsEquivalentTo([25565, 25570, 25571, 25572]);
        await Assert.That(created.All(a => a.Ip == "10.0.0.5" && a.Alias == "mc.example.com" && !a.Assigned)).IsTrue();
        await Assert.That(t.Panel.State.AllocationsOnNode(1).Count(p => p.Allocation.Ip == "10.0.0.5")).IsEqualTo(4);

        // The same pairs again (and one new): the existing ones are skipped silently, and still listed.
        var again = await t.Admin.Application.Nodes.CreateAllocationsAndListAsync(Node1, Ports("10.0.0.5", "25565", "25566"));
        await Assert.That(again.Select(a => a.Port)).IsEquivalentTo([25565, 25566]);
        await Assert.That(again[0].Id).IsEqualTo(created[0].Id);
        await Assert.That(t.Panel.State.AllocationsOnNode(1).Count(p => p.Allocation.Ip == "10.0.0.5")).IsEqualTo(5);
    }

    [Test]
    public async Task Create_expands_a_cidr_and_resolves_a_host_name()
    {
        await using var t = await TestPanel.StartAsync();

        var cidr = await t.Admin.Application.Nodes.CreateAllocationsAndListAsync(Node1, Ports("192.168.5.1/30", "27015"));
        await Assert.That(cidr.Select(a => a.Ip)).IsEquivalentTo(["192.168.5.0", "192.168.5.1", "192.168.5.2", "192.168.5.3"]);

        var host = await t.Admin.Application.Nodes.CreateAllocationsAndListAsync(Node1, Ports("localhost", "28000"));
        await Assert.That(host.Single().Ip).IsEqualTo("127.0.0.1");
        await Assert.That(host[0].Port).IsEqualTo(28000);
    }

    [Test]
    [Arguments("1024", "PortOutOfRangeException")]
    [Arguments("65536", "PortOutOfRangeException")]
    [Arguments("1000-1100", "PortOutOfRangeException")]
    [Arguments("25565-26565", "TooManyPortsInRangeException")]
    [Arguments("25565:25570", "InvalidPortMappingException")]
    [Arguments("abc", "InvalidPortMappingException")]
    public async Task Bad_ports_are_400_and_nothing_is_created(string port, string code)
    {
        await using var t = await TestPanel.StartAsync();
        var before = t.Panel.State.AllocationsOnNode(1).Count;

        var ex = await Assert.ThrowsAsync<PteroApiException>(() => t.Admin.Application.Nodes.CreateAllocationsAsync(Node1, Ports("10.0.0.7", "30000", port)));

        await Assert.That(ex!.StatusCode).IsEqualTo(HttpStatusCode.BadRequest);
        await Assert.That(ex.Code).IsEqualTo(code);
        await Assert.That(t.Panel.State.AllocationsOnNode(1).Count).IsEqualTo(before);
    }

    [Test]
    public async Task Range_of_exactly_1000_ports_and_the_port_limits_are_accepted()
    {
        await using var t = await TestPanel.StartAsync();

        await t.Admin.Application.Nodes.CreateAllocationsAsync(Node1, Ports("10.0.0.8", "20000-20999", "1025", "65535"));

        await Assert.That(t.Panel.State.AllocationsOnNode(1).Count(p => p.Allocation.Ip == "10.0.0.8")).IsEqualTo(1002);
    }

    [Test]
    public async Task Bad_ip_or_missing_fields()
    {
        await using var t = await TestPanel.StartAsync();

        var cidr = await Assert.ThrowsAsync<PteroApiException>(() => t.Admin.Application.Nodes.CreateAllocationsAsync(Node1, Ports("10.0.0.0/24", "30000")));
        await Assert.That(cidr!.Code).IsEqualTo("CidrOutOfRangeException");
        var unparsable = await Assert.ThrowsAsync<PteroApiException>(() => t.Admin.Application.Nodes.CreateAllocationsAsync(Node1, Ports("not an ip!", "30000")));
        await Assert.That(unparsable!.Code).IsEqualTo("DisplayException");
        var missing = await Assert.ThrowsAsync<PteroValidationException>(() => t.Admin.Application.Nodes.CreateAllocationsAsync(Node1, Ports(" ")));
        await Assert.That(missing!.FieldErrors.Keys).IsEquivalentTo(["ip", "ports"]);
        await Assert.ThrowsAsync<PteroNotFoundException>(() => t.Admin.Application.Nodes.CreateAllocationsAsync(new NodeId(9), Ports("10.0.0.1", "30000")));
        await Assert.ThrowsAsync<PteroPermissionException>(() => t.Client.Application.Nodes.CreateAllocationsAsync(Node1, Ports("10.0.0.1", "30000")));
    }

    [Test]
    public async Task Delete_removes_a_free_allocation_and_refuses_an_assigned_or_foreign_one()
    {
        await using var t = await TestPanel.StartAsync();
        var free = t.Panel.State.AddNodeAllocation(1, "10.0.0.9", 30000)!;
        var other = t.Panel.State.CreateNode("Node 2", 1, "node2.example.com");
        var foreign = t.Panel.State.AddNodeAllocation(other.Id, "10.0.1.9", 30000)!;
        var assigned = t.Panel.State.Servers.First(s => s.Name == "Survival").Allocations[0];

        await t.Admin.Application.Nodes.DeleteAllocationAsync(Node1, new AllocationId(free.Id));
        await Assert.That(t.Panel.Requests.Last().Status).IsEqualTo(204);
        await Assert.That(t.Panel.State.AllocationsOnNode(1).Any(p => p.Allocation.Id == free.Id)).IsFalse();

        var inUse = await Assert.ThrowsAsync<PteroApiException>(() => t.Admin.Application.Nodes.DeleteAllocationAsync(Node1, new AllocationId(assigned.Id)));
        await Assert.That(inUse!.StatusCode).IsEqualTo(HttpStatusCode.BadRequest);
        await Assert.That(inUse.Code).IsEqualTo("ServerUsingAllocationException");

        await Assert.ThrowsAsync<PteroNotFoundException>(() => t.Admin.Application.Nodes.DeleteAllocationAsync(Node1, new AllocationId(foreign.Id)));
        await Assert.ThrowsAsync<PteroNotFoundException>(() => t.Admin.Application.Nodes.DeleteAllocationAsync(Node1, new AllocationId(free.Id)));
        await Assert.That(t.Panel.State.AllocationsOnNode(other.Id).Count).IsEqualTo(1);
        await Assert.ThrowsAsync<PteroPermissionException>(() => t.Client.Application.Nodes.DeleteAllocationAsync(new NodeId(other.Id), new AllocationId(foreign.Id)));
    }
}
