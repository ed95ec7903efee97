using PteroAot.Application;
using PteroAot.Tests.Support;

namespace PteroAot.Tests.Application;

/// <summary><c>/api/application/nests</c> and their eggs through <c>panel.Application.Nests</c>.</summary>
public class NestsTests
{
    [Test]
    public async Task List_is_paginated_and_includes_eggs()
    {
        await using var t = await TestPanel.StartAsync();

        var page = await t.Admin.Application.Nests.ListAsync(NestInclude.Eggs);

        await Assert.That(page.Pagination!.Total).IsEqualTo(1);
        var minecraft = page.Items.Single();
        await Assert.That(minecraft.Id).IsEqualTo(new NestId(1));
        await Assert.That(minecraft.Name).IsEqualTo("Minecraft");
        await Assert.That(minecraft.Eggs!.Select(e => e.Name)).IsEquivalentTo(["Paper", "Vanilla Minecraft"]);
        await Assert.That(minecraft.Servers).IsNull();

        var walked = new List<Nest>();
        await foreach (var n in t.Admin.Application.Nests.EnumerateAsync(NestInclude.Servers))
            walked.Add(n);
        await Assert.That(walked.Single().Servers!.Count).IsEqualTo(t.Panel.State.Servers.Count);
    }

    [Test]
    public async Task Get_nest_and_404()
    {
        await using var t = await TestPanel.StartAsync();

        var nest = await t.Admin.Application.Nests.GetAsync(new NestId(1));

        await Assert.That(nest.Author).IsEqualTo("support@pterodactyl.io");
        await Assert.That(nest.Relationships).IsNull();
        await Assert.ThrowsAsync<PteroNotFoundException>(() => t.Admin.Application.Nests.GetAsync(new NestId(42)));
    }

    [Test]
    public async Task Eggs_list_is_not_paginated_and_carries_variables_on_request()
    {
        await using var t = await TestPanel.StartAsync();

        var eggs = await t.Admin.Application.Nests.ListEggsAsync(new NestId(1), EggInclude.Variables | EggInclude.Nest);

        await Assert.That(eggs.Pagination).IsNull();
        await Assert.That(eggs.Items.Select(e => e.Id.Value)).IsEquivalentTo([1, 2]);
        var paper = eggs.Items[0];
        await Assert.That(paper.NestId).IsEqualTo(new NestId(1));
        await Assert.That(paper.Nest!.Name).IsEqualTo("Minecraft");
        await Assert.That(paper.DockerImages["Java 21"]).IsEqualTo("ghcr.io/pterodactyl/yolks:java_21");
        var jar = paper.Variables!.Single(v => v.EnvVariable == "SERVER_JARFILE");
        await Assert.That(jar.DefaultValue).IsEqualTo("server.jar");
        await Assert.That(jar.Rules).StartsWith("required|regex:");
        await Assert.That(paper.Variables!.Single(v => v.EnvVariable == "BUILD_NUMBER").UserEditable).IsFalse();

        var plain = await t.Admin.Application.Nests.ListEggsAsync(new NestId(1));
        await Assert.That(plain.Items[0].Variables).IsNull();
        await Assert.ThrowsAsync<PteroNotFoundException>(() => t.Admin.Application.Nests.ListEggsAsync(new NestId(42)));
    }

    [Test]
    public async Task Get_egg_with_inherited_config_and_scoped_404()
    {
        await using var t = await TestPanel.StartAsync();
        var nests = t.Admin.Application.Nests;

        var vanilla = await nests.GetEggAsync(new NestId(1), new EggId(2), EggInclude.Config | EggInclude.Variables);

        await Assert.That(vanilla.Config.Extends).IsEqualTo(new EggId(1));
        await Assert.That(vanilla.InheritedConfig!.Stop).IsEqualTo("stop");
        await Assert.That(vanilla.Variables!.Single(v => v.EnvVariable == "MAX_PLAYERS").DefaultValue).IsEqualTo("20");
        await Assert.ThrowsAsync<PteroNotFoundException>(() => nests.GetEggAsync(new NestId(1), new EggId(99)));
        await Assert.ThrowsAsync<PteroNotFoundException>(() => nests.GetEggAsync(new NestId(2), new EggId(1)));
    }

    [Test]
    public async Task A_non_admin_key_gets_403()
    {
        await using var t = await TestPanel.StartAsync();

        await Assert.ThrowsAsync<PteroPermissionException>(() => t.Client.Application.Nests.ListAsync());
        await Assert.ThrowsAsync<PteroPermissionException>(() => t.Client.Application.Nests.ListEggsAsync(new NestId(1)));
    }
}
