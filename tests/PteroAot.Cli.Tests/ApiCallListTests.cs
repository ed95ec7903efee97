using PteroAot.Cli.Tests.Support;
using PteroAot.Testing;

namespace PteroAot.Cli.Tests;

/// <summary>
/// <c>ptero api call</c> with a list parameter (<c>location_ids[]</c> of <c>app.nodes.list-deployable</c>) and required
/// query values: commas and repeated keys both become one <c>name=value</c> pair per element, in order.
/// </summary>
public sealed class ApiCallListTests
{
    private const string Deployable = "/api/application/nodes/deployable";

    [Test]
    public async Task List_values_from_commas_and_repeated_keys_are_sent_as_repeated_pairs()
    {
        await using var panel = await FakePanel.StartAsync();
        var fra = panel.State.CreateLocation("eu.fra");
        var lon = panel.State.CreateLocation("eu.lon");
        panel.State.CreateNode("fra-1", fra.Id, "fra.example.com");
        panel.State.CreateNode("lon-1", lon.Id, "lon.example.com");
        using var sandbox = new Sandbox(panel);
        sandbox.Env["PTERO_TOKEN"] = panel.ApplicationKey;

        var commas = (await sandbox.RunAsync("api", "call", "app.nodes.list-deployable", "memory=512", "disk=0", $"location_ids={fra.Id},{lon.Id}")).Expect(0);
        await Assert.That(commas.Stdout).Contains("fra-1");
        await Assert.That(commas.Stdout).Contains("lon-1");
        await Assert.That(panel.Requests.Last().PathAndQuery)
            .IsEqualTo($"{Deployable}?memory=512&disk=0&location_ids%5B%5D={fra.Id}&location_ids%5B%5D={lon.Id}");

        (await sandbox.RunAsync("api", "call", "app.nodes.list-deployable", "memory=512", "disk=0", $"locations={lon.Id}", $"location_ids[]={fra.Id}")).Expect(0);
        await Assert.That(panel.Requests.Last().PathAndQuery)
            .IsEqualTo($"{Deployable}?memory=512&disk=0&location_ids%5B%5D={lon.Id}&location_ids%5B%5D={fra.Id}");
    }

    [Test]
    public async Task Required_values_and_bad_elements_are_usage_errors_before_any_request()
    {
        await using var panel = await FakePanel.StartAsync();
        using var sandbox = new Sandbox(panel);
        sandbox.Env["PTERO_TOKEN"] = panel.ApplicationKey;
        var before = panel.Requests.Count;

        var missing = (await sandbox.RunAsync("api", "call", "app.nodes.list-deployable", "memory=512")).Expect(2);
        await Assert.That(missing.Stderr).Contains("needs 'disk'");
        await Assert.That(missing.Stderr).Contains("memory=<int> disk=<int> [locations=<id,...>]");

        var empty = (await sandbox.RunAsync("api", "call", "app.nodes.list-deployable", "memory=1", "disk=1", "locations=1,,2")).Expect(2);
        await Assert.That(empty.Stderr).Contains("without empty items");

        var bad = (await sandbox.RunAsync("api", "call", "app.nodes.list-deployable", "memory=x", "disk=1")).Expect(2);
        await Assert.That(bad.Stderr).Contains("must be a whole number");
        await Assert.That(panel.Requests.Count).IsEqualTo(before);
    }
}
