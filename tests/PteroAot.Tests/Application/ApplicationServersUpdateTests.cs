using System.Net;
using PteroAot.Application;
using PteroAot.Tests.Support;
using static PteroAot.Tests.Application.ApplicationServersTests;

namespace PteroAot.Tests.Application;

/// <summary>
/// The three full-replacement PATCHes (details, build, startup): the raw behaviour the docs warn about, and the
/// read-modify-write helpers that carry every current value over.
/// </summary>
public class ApplicationServersUpdateTests
{
    private static readonly ServerId Survival = new(1);
    private static readonly ServerId Creative = new(2);
    private static readonly ServerId Missing = new(999);

    // ---- details ----

    [Test]
    public async Task Details_raw_update_is_a_full_replacement_omitting_external_id_clears_it()
    {
        await using var t = await TestPanel.StartAsync();
        State(t, Survival).ExternalId = "billing-42";

        var updated = await t.Admin.Application.Servers.UpdateDetailsAsync(Survival,
            new UpdateServerDetailsRequest { Name = "Survival 2", UserId = new UserId(t.Panel.DemoUser.Id) });

        await Assert.That(updated.Name).IsEqualTo("Survival 2");
        await Assert.That(updated.ExternalId).IsNull();
        await Assert.That(updated.Description).IsEqualTo("");
        await Assert.That(State(t, Survival).ExternalId).IsNull();
    }

    [Test]
    public async Task Details_change_helper_keeps_external_id_description_and_owner_and_the_owner_sees_the_new_name()
    {
        await using var t = await TestPanel.StartAsync();
        State(t, Survival).ExternalId = "billing-42";

        var updated = await t.Admin.Application.Servers.UpdateDetailsAsync(Survival, r => r with { Name = "Renamed" });
        var clientNames = new List<string>();
        await foreach (var s in t.Client.Servers.EnumerateAsync())
            clientNames.Add(s.Name);

        await Assert.That(updated.Name).IsEqualTo("Renamed");
        await Assert.That(updated.ExternalId).IsEqualTo("billing-42");
        await Assert.That(updated.Description).IsEqualTo("The main survival world");
        await Assert.That(updated.UserId).IsEqualTo(new UserId(t.Panel.DemoUser.Id));
        await Assert.That(clientNames).Contains("Renamed");
    }

    [Test]
    public async Task Details_owner_change_moves_the_server_out_of_the_old_owners_client_list()
    {
        await using var t = await TestPanel.StartAsync();

        await t.Admin.Application.Servers.UpdateDetailsAsync(Creative, r => r with { UserId = new UserId(t.Panel.AdminUser.Id), ExternalId = "moved" });
        var clientNames = new List<string>();
        await foreach (var s in t.Client.Servers.EnumerateAsync())
            clientNames.Add(s.Name);

        await Assert.That(clientNames).DoesNotContain("Creative");
        await Assert.That((await t.Admin.Application.Servers.GetByExternalIdAsync("moved")).Id).IsEqualTo(Creative);
    }

    [Test]
    public async Task Details_422_names_the_fields_404_and_403()
    {
        await using var t = await TestPanel.StartAsync();
        State(t, Creative).ExternalId = "taken";
        var demo = new UserId(t.Panel.DemoUser.Id);

        var ex = await Assert.ThrowsAsync<PteroValidationException>(() => t.Admin.Application.Servers.UpdateDetailsAsync(Survival,
            new UpdateServerDetailsRequest { Name = "", UserId = new UserId(999), ExternalId = "taken" }));

        await Assert.That(ex!.FieldErrors.Keys).IsEquivalentTo(["name", "user", "external_id"]);
        await Assert.That(ex.FieldErrors["external_id"][0]).IsEqualTo("The external id has already been taken.");
        await Assert.That(State(t, Survival).Name).IsEqualTo("Survival");
        await Assert.ThrowsAsync<PteroNotFoundException>(() => t.Admin.Application.Servers.UpdateDetailsAsync(Missing, new UpdateServerDetailsRequest { Name = "x", UserId = demo }));
        await Assert.ThrowsAsync<PteroNotFoundException>(() => t.Admin.Application.Servers.UpdateDetailsAsync(Missing, r => r));
        await Assert.ThrowsAsync<PteroPermissionException>(() => t.Client.Application.Servers.UpdateDetailsAsync(Survival, new UpdateServerDetailsRequest { Name = "x", UserId = demo }));
    }

    // ---- build ----

    [Test]
    public async Task Build_change_helper_keeps_every_other_limit()
    {
        await using var t = await TestPanel.StartAsync();
        var before = await t.Admin.Application.Servers.GetAsync(Survival);

        var after = await t.Admin.Application.Servers.UpdateBuildAsync(Survival, r => r with { Limits = r.Limits! with { Memory = 4096 } });

        await Assert.That(after.Limits.Memory).IsEqualTo(4096);
        await Assert.That(after.Limits with { Memory = before.Limits.Memory }).IsEqualTo(before.Limits);
        await Assert.That(after.FeatureLimits).IsEqualTo(before.FeatureLimits);
        await Assert.That(after.FeatureLimits.Allocations).IsEqualTo(3);
        await Assert.That(after.AllocationId).IsEqualTo(before.AllocationId);
        await Assert.That(State(t, Survival).MemoryLimit).IsEqualTo(4096);
    }

    [Test]
    public async Task Build_raw_update_without_limits_or_feature_limits_is_422_with_each_field()
    {
        await using var t = await TestPanel.StartAsync();

        using var limitsOnly = await RawAsync(t, HttpMethod.Patch, "/api/application/servers/1/build", """{"allocation":1,"limits":{"memory":1}}""");
        using var nothing = await RawAsync(t, HttpMethod.Patch, "/api/application/servers/1/build", """{"feature_limits":{"databases":null}}""");
        var a = await limitsOnly.Content.ReadAsStringAsync();
        var b = await nothing.Content.ReadAsStringAsync();

        await Assert.That((int)limitsOnly.StatusCode).IsEqualTo(422);
        foreach (var field in new[] { "limits.swap", "limits.disk", "limits.io", "limits.cpu", "feature_limits" })
            await Assert.That(a).Contains($"\"source_field\":\"{field}\"");
        await Assert.That(a).Contains("required_with");
        foreach (var field in new[] { "allocation", "memory", "feature_limits.backups" })
            await Assert.That(b).Contains($"\"source_field\":\"{field}\"");
        await Assert.That(b).Contains("required_without");
    }

    [Test]
    public async Task Build_422_404_403()
    {
        await using var t = await TestPanel.StartAsync();

        var ex = await Assert.ThrowsAsync<PteroValidationException>(() => t.Admin.Application.Servers.UpdateBuildAsync(Survival,
            r => r with { AllocationId = new AllocationId(3), Limits = r.Limits! with { Io = 5, Threads = "a-b", Swap = -2 }, FeatureLimits = new FeatureLimitsRequest { Databases = -1 } }));

        // Allocation 3 is the Shared Lobby's primary (unique); the rest are per-field rules.
        await Assert.That(ex!.FieldErrors.Keys).IsEquivalentTo(["allocation", "limits.io", "limits.threads", "limits.swap", "feature_limits.databases"]);
        await Assert.That(ex.FieldErrors["limits.io"][0]).IsEqualTo("The limits.io must be between 10 and 1000.");
        await Assert.ThrowsAsync<PteroNotFoundException>(() => t.Admin.Application.Servers.UpdateBuildAsync(Missing, r => r));
        var build = ApplicationServersApi.BuildRequestFrom(await t.Admin.Application.Servers.GetAsync(Survival));
        await Assert.ThrowsAsync<PteroPermissionException>(() => t.Client.Application.Servers.UpdateBuildAsync(Survival, build));
    }

    [Test]
    public async Task Build_adds_a_free_allocation_moves_the_primary_and_frees_the_old_one()
    {
        await using var t = await TestPanel.StartAsync();
        var free = t.Panel.State.AddNodeAllocation(1, "10.0.0.5", 30001)!;
        var old = State(t, Survival).PrimaryAllocation!.Id;

        var after = await t.Admin.Application.Servers.UpdateBuildAsync(Survival, r => r with
        {
            AllocationId = new AllocationId(free.Id),
            AddAllocations = [new AllocationId(free.Id)],
            RemoveAllocations = [new AllocationId(old)],
        });
        var withAllocations = await t.Admin.Application.Servers.GetAsync(Survival, ApplicationServerInclude.Allocations);

        await Assert.That(after.AllocationId).IsEqualTo(new AllocationId(free.Id));
        await Assert.That(withAllocations.Allocations!.Select(a => a.Port)).IsEquivalentTo([30001]);
        await Assert.That(t.Panel.State.UnassignedAllocations.Select(a => a.Id)).Contains(old);
    }

    [Test]
    public async Task Build_400_for_removing_the_primary_without_fallback_and_for_a_foreign_primary()
    {
        await using var t = await TestPanel.StartAsync();
        var primary = State(t, Survival).PrimaryAllocation!.Id;
        var otherNode = t.Panel.State.CreateNode("Node 2", 1, "node2.example.com");
        var elsewhere = t.Panel.State.AddNodeAllocation(otherNode.Id, "10.0.1.5", 30002)!;

        var noFallback = await Assert.ThrowsAsync<PteroApiException>(() => t.Admin.Application.Servers.UpdateBuildAsync(Survival,
            r => r with { RemoveAllocations = [new AllocationId(primary)] }));
        // Allocations on another node are not added, so making one the primary fails.
        var foreign = await Assert.ThrowsAsync<PteroApiException>(() => t.Admin.Application.Servers.UpdateBuildAsync(Survival,
            r => r with { AllocationId = new AllocationId(elsewhere.Id), AddAllocations = [new AllocationId(elsewhere.Id)] }));

        await Assert.That(noFallback!.StatusCode).IsEqualTo(HttpStatusCode.BadRequest);
        await Assert.That(noFallback.Detail).Contains("no fallback allocation");
        await Assert.That(foreign!.StatusCode).IsEqualTo(HttpStatusCode.BadRequest);
        await Assert.That(foreign.Detail).Contains("not currently assigned to this server");
        await Assert.That(State(t, Survival).PrimaryAllocation!.Id).IsEqualTo(primary);
        await Assert.That(t.Panel.State.UnassignedAllocations.Select(a => a.Id)).Contains(elsewhere.Id);
    }

    // ---- startup ----

    [Test]
    public async Task Startup_change_helper_changing_one_variable_keeps_the_others()
    {
        await using var t = await TestPanel.StartAsync();
        State(t, Survival).Variables.Single(v => v.EnvVariable == "BUILD_NUMBER").ServerValue = "123";
        State(t, Survival).Variables.Single(v => v.EnvVariable == "MINECRAFT_VERSION").ServerValue = "1.20.4";

        var after = await t.Admin.Application.Servers.UpdateStartupAsync(Survival, r => r.WithVariable("SERVER_JARFILE", "paper.jar"));

        await Assert.That(after.Container.GetString("SERVER_JARFILE")).IsEqualTo("paper.jar");
        await Assert.That(after.Container.GetString("BUILD_NUMBER")).IsEqualTo("123");
        await Assert.That(after.Container.GetString("MINECRAFT_VERSION")).IsEqualTo("1.20.4");
        await Assert.That(after.Container.Image).IsEqualTo("ghcr.io/pterodactyl/yolks:java_17");
        await Assert.That(after.EggId).IsEqualTo(new EggId(1));
    }

    [Test]
    public async Task Startup_raw_update_with_one_variable_resets_the_others()
    {
        await using var t = await TestPanel.StartAsync();
        State(t, Survival).Variables.Single(v => v.EnvVariable == "MINECRAFT_VERSION").ServerValue = "1.20.4";
        var request = ApplicationServersApi.StartupRequestFrom(await t.Admin.Application.Servers.GetAsync(Survival, ApplicationServerInclude.Variables));

        // Only one variable sent: the required BUILD_NUMBER fails, and MINECRAFT_VERSION would have become "".
        var ex = await Assert.ThrowsAsync<PteroValidationException>(() => t.Admin.Application.Servers.UpdateStartupAsync(Survival,
            request with { Environment = new Dictionary<string, string?> { ["SERVER_JARFILE"] = "paper.jar" } }));
        var partial = await t.Admin.Application.Servers.UpdateStartupAsync(Survival,
            request with { Environment = new Dictionary<string, string?> { ["SERVER_JARFILE"] = "paper.jar", ["BUILD_NUMBER"] = "9" } });
        var empty = await t.Admin.Application.Servers.UpdateStartupAsync(Survival,
            request with { Environment = new Dictionary<string, string?>(), Startup = "java -jar {{SERVER_JARFILE}}" });

        await Assert.That(ex!.FieldErrors.Keys).IsEquivalentTo(["environment.BUILD_NUMBER"]);
        await Assert.That(ex.FieldErrors["environment.BUILD_NUMBER"][0]).IsEqualTo("The Build Number variable field is required.");
        await Assert.That(partial.Container.GetString("MINECRAFT_VERSION")).IsEqualTo("");
        // An empty environment leaves the variables alone.
        await Assert.That(empty.Container.GetString("BUILD_NUMBER")).IsEqualTo("9");
        await Assert.That(empty.Container.StartupCommand).IsEqualTo("java -jar {{SERVER_JARFILE}}");
    }

    [Test]
    public async Task Startup_changing_the_egg_applies_its_variables_and_nest()
    {
        await using var t = await TestPanel.StartAsync();

        var after = await t.Admin.Application.Servers.UpdateStartupAsync(Creative, r => r with
        {
            EggId = new EggId(2),
            Image = "ghcr.io/pterodactyl/yolks:java_21",
            Environment = new Dictionary<string, string?> { ["SERVER_JARFILE"] = "vanilla.jar", ["VANILLA_VERSION"] = "1.21", ["MAX_PLAYERS"] = "40" },
        });
        var withVariables = await t.Admin.Application.Servers.GetAsync(Creative, ApplicationServerInclude.Variables | ApplicationServerInclude.Egg);

        await Assert.That(after.EggId).IsEqualTo(new EggId(2));
        await Assert.That(after.NestId).IsEqualTo(new NestId(1));
        await Assert.That(after.Container.Image).IsEqualTo("ghcr.io/pterodactyl/yolks:java_21");
        await Assert.That(withVariables.Egg!.Name).IsEqualTo("Vanilla Minecraft");
        await Assert.That(withVariables.Variables!.ToDictionary(v => v.EnvVariable, v => v.ServerValue))
            .IsEquivalentTo(new Dictionary<string, string?> { ["SERVER_JARFILE"] = "vanilla.jar", ["VANILLA_VERSION"] = "1.21", ["MAX_PLAYERS"] = "40" });
    }

    [Test]
    public async Task Startup_422_404_403()
    {
        await using var t = await TestPanel.StartAsync();

        var ex = await Assert.ThrowsAsync<PteroValidationException>(() => t.Admin.Application.Servers.UpdateStartupAsync(Survival,
            r => r.WithVariable("SERVER_JARFILE", "server.txt") with { Image = "bad image!", Startup = "" }));
        var egg = await Assert.ThrowsAsync<PteroValidationException>(() => t.Admin.Application.Servers.UpdateStartupAsync(Survival,
            r => r with { EggId = new EggId(99) }));

        await Assert.That(ex!.FieldErrors.Keys).IsEquivalentTo(["startup", "image"]);
        await Assert.That(egg!.FieldErrors.Keys).IsEquivalentTo(["egg"]);
        var jar = await Assert.ThrowsAsync<PteroValidationException>(() => t.Admin.Application.Servers.UpdateStartupAsync(Survival,
            r => r.WithVariable("SERVER_JARFILE", "server.txt")));
        await Assert.That(jar!.FieldErrors.Keys).IsEquivalentTo(["environment.SERVER_JARFILE"]);
        await Assert.ThrowsAsync<PteroNotFoundException>(() => t.Admin.Application.Servers.UpdateStartupAsync(Missing, r => r));
        var request = ApplicationServersApi.StartupRequestFrom(await t.Admin.Application.Servers.GetAsync(Survival, ApplicationServerInclude.Variables));
        await Assert.ThrowsAsync<PteroPermissionException>(() => t.Client.Application.Servers.UpdateStartupAsync(Survival, request));
        await Assert.That(() => ApplicationServersApi.StartupRequestFrom(new ApplicationServer())).Throws<ArgumentException>();
    }
}
