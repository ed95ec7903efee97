using PteroAot.Application;
using PteroAot.Testing;
using PteroAot.Tests.Support;

namespace PteroAot.Tests.Application;

/// <summary>The server builder's checks, field by field, with eggs fetched from the fake panel.</summary>
public class ServerCreationBuilderTests
{
    private static readonly NestId Minecraft = new(1);
    private static readonly EggId Paper = new(1);
    private static readonly EggId Vanilla = new(2);

    // Everything the panel requires, on an explicit allocation; tests break one field at a time.
    private static ServerBuilder Valid(ServerBuilder builder) => builder
        .Named("Lobby").OwnedBy(new UserId(1)).WithLimits(memory: 1024, disk: 4096).OnAllocation(new AllocationId(50));

    private static async Task<IReadOnlyList<ServerBuilderIssue>> IssuesFor(TestPanel t, EggId egg, Func<ServerBuilder, ServerBuilder> change)
        => change(Valid(await t.Admin.Application.Servers.NewServerAsync(Minecraft, egg))).Validate();

    [Test]
    public async Task Defaults_come_from_the_egg()
    {
        await using var t = await TestPanel.StartAsync();
        var builder = await t.Admin.Application.Servers.NewServerAsync(Minecraft, Vanilla);

        var request = Valid(builder).Build();

        await Assert.That(builder.Egg.Name).IsEqualTo("Vanilla Minecraft");
        await Assert.That(request.DockerImage).IsEqualTo("ghcr.io/pterodactyl/yolks:java_17");
        await Assert.That(request.Startup).IsEqualTo("java -Xms128M -Xmx{{SERVER_MEMORY}}M -jar {{SERVER_JARFILE}}");
        await Assert.That(request.EggId).IsEqualTo(Vanilla);
        await Assert.That(request.Environment["SERVER_JARFILE"]).IsEqualTo("server.jar");
        await Assert.That(request.Environment["VANILLA_VERSION"]).IsEqualTo("latest");
        await Assert.That(request.Environment["MAX_PLAYERS"]).IsEqualTo("20");
        await Assert.That(request.Environment.Count).IsEqualTo(3);
        await Assert.That(request.Limits.Io).IsEqualTo(500);
        await Assert.That(request.Limits.Swap).IsEqualTo(0);
        await Assert.That(request.FeatureLimits.Databases).IsEqualTo(0);
        await Assert.That(request.Allocation!.Default).IsEqualTo(new AllocationId(50));
        await Assert.That(request.Deploy).IsNull();
        // The builder asked for the variables.
        await Assert.That(t.Panel.Requests.Any(q => q.PathAndQuery == "/api/application/nests/1/eggs/2?include=variables")).IsTrue();
    }

    [Test]
    public async Task An_empty_builder_names_every_missing_piece()
    {
        await using var t = await TestPanel.StartAsync();
        var builder = await t.Admin.Application.Servers.NewServerAsync(Minecraft, Paper);

        var issues = builder.Validate();

        await Assert.That(issues.Select(i => i.Field)).IsEquivalentTo(
            [ServerBuilderFields.Name, ServerBuilderFields.Owner, ServerBuilderFields.Memory, ServerBuilderFields.Disk, ServerBuilderFields.Allocation]);
        await Assert.That(issues.Single(i => i.Field == ServerBuilderFields.Allocation).Message).Contains("OnAllocation");
        await Assert.That(issues.Single(i => i.Field == ServerBuilderFields.Memory).PanelField).IsEqualTo("limits.memory");
        var ex = Assert.Throws<ServerBuilderValidationException>(() => builder.Build());
        await Assert.That(ex!.FromPanel).IsFalse();
        await Assert.That(ex.Fields.Keys).Contains(ServerBuilderFields.Name);
        await Assert.That(ex.Message).Contains("Memory:");
    }

    [Test]
    public async Task A_required_variable_without_a_value_is_named()
    {
        await using var t = await TestPanel.StartAsync();
        // Before any request, so no lock is needed.
        t.Panel.State.FindEgg(1)!.Variables.Add(new FakeEggVariable
        {
            Id = 90, Name = "License Key", EnvVariable = "LICENSE_KEY", DefaultValue = "", Rules = "required|string",
        });

        var noDefault = await IssuesFor(t, Paper, b => b);
        var emptied = await IssuesFor(t, Paper, b => b.WithVariable("LICENSE_KEY", "k").WithVariable("SERVER_JARFILE", "  "));

        var license = noDefault.Single();
        await Assert.That(license.Field).IsEqualTo("LICENSE_KEY");
        await Assert.That(license.IsVariable).IsTrue();
        await Assert.That(license.Rule).IsEqualTo("required");
        await Assert.That(license.PanelField).IsEqualTo("environment.LICENSE_KEY");
        await Assert.That(license.Message).Contains("LICENSE_KEY (License Key) is required and the egg has no default");
        await Assert.That(emptied.Single().Field).IsEqualTo("SERVER_JARFILE");
        await Assert.That(emptied.Single().Rule).IsEqualTo("required");
    }

    [Test]
    public async Task Values_are_checked_with_the_egg_variables_rules()
    {
        await using var t = await TestPanel.StartAsync();

        var regex = await IssuesFor(t, Vanilla, b => b.WithVariable("SERVER_JARFILE", "server.zip"));
        var between = await IssuesFor(t, Vanilla, b => b.WithVariable("VANILLA_VERSION", "1.20"));
        var tooLong = await IssuesFor(t, Vanilla, b => b.WithVariable("VANILLA_VERSION", new string('9', 16)));
        var integer = await IssuesFor(t, Vanilla, b => b.WithVariable("MAX_PLAYERS", "lots"));
        var range = await IssuesFor(t, Vanilla, b => b.WithVariable("MAX_PLAYERS", "501"));
        var max = await IssuesFor(t, Paper, b => b.WithVariable("MINECRAFT_VERSION", new string('1', 21)));
        var nullable = await IssuesFor(t, Paper, b => b.WithVariable("MINECRAFT_VERSION", null));
        var fine = await IssuesFor(t, Vanilla, b => b.WithVariable("MAX_PLAYERS", "500").WithVariable("VANILLA_VERSION", "1.20.4"));

        await Assert.That(regex.Single().Field).IsEqualTo("SERVER_JARFILE");
        await Assert.That(regex.Single().Rule).IsEqualTo("regex");
        await Assert.That(regex.Single().Message).Contains("SERVER_JARFILE (Server Jar File) does not match the egg's pattern");
        await Assert.That(between).IsEmpty(); // "1.20" has 4 characters: between:3,15 on a string counts characters
        await Assert.That(tooLong.Single().Message).IsEqualTo("VANILLA_VERSION (Server Version) must be between 3 and 15 characters.");
        await Assert.That(integer.Select(i => i.Rule ?? "")).IsEquivalentTo(["integer"]);
        await Assert.That(integer.Single().Message).IsEqualTo("MAX_PLAYERS (Max Players) must be a whole number.");
        await Assert.That(range.Single().Message).IsEqualTo("MAX_PLAYERS (Max Players) must be between 1 and 500.");
        await Assert.That(max.Single().Message).IsEqualTo("MINECRAFT_VERSION (Minecraft Version) must be at most 20 characters.");
        await Assert.That(nullable).IsEmpty();
        await Assert.That(fine).IsEmpty();
    }

    [Test]
    public async Task A_variable_the_egg_does_not_have_is_reported_with_a_hint()
    {
        await using var t = await TestPanel.StartAsync();

        var issues = await IssuesFor(t, Paper, b => b.WithVariable("server_jarfile", "a.jar").WithVariable("NOPE", "x"));

        await Assert.That(issues.Select(i => i.Field)).IsEquivalentTo(["server_jarfile", "NOPE"]);
        await Assert.That(issues[0].Message).Contains("did you mean SERVER_JARFILE?");
        await Assert.That(issues[1].Message).Contains("SERVER_JARFILE, MINECRAFT_VERSION, BUILD_NUMBER");
    }

    [Test]
    public async Task Limits_out_of_range_are_named()
    {
        await using var t = await TestPanel.StartAsync();

        var issues = await IssuesFor(t, Paper, b => b.WithLimits(memory: -1, disk: -2, cpu: -3, swap: -2, io: 5, threads: "0-1,a"));
        var io = await IssuesFor(t, Paper, b => b.WithLimits(memory: 0, disk: 0, io: 1001));
        var edges = await IssuesFor(t, Paper, b => b.WithLimits(memory: 0, disk: 0, cpu: 0, swap: -1, io: 10, threads: "0-1,3"));

        await Assert.That(issues.Select(i => i.Field)).IsEquivalentTo(
            [ServerBuilderFields.Memory, ServerBuilderFields.Disk, ServerBuilderFields.Swap, ServerBuilderFields.Io, ServerBuilderFields.Cpu, ServerBuilderFields.Threads]);
        await Assert.That(issues.Single(i => i.Field == ServerBuilderFields.Memory).Message).IsEqualTo("Memory must be 0 (unlimited) or more MiB, not -1.");
        await Assert.That(issues.Single(i => i.Field == ServerBuilderFields.Swap).Message).Contains("-1 (unlimited)");
        await Assert.That(io.Single().Message).IsEqualTo("Io must be between 10 and 1000, not 1001.");
        await Assert.That(edges).IsEmpty();
    }

    [Test]
    public async Task Negative_feature_limits_are_named_and_null_is_allowed()
    {
        await using var t = await TestPanel.StartAsync();

        var negative = await IssuesFor(t, Paper, b => b.WithFeatureLimits(databases: -1, backups: -1, allocations: -1));
        var unlimited = await IssuesFor(t, Paper, b => b.WithFeatureLimits(databases: null, backups: null, allocations: null));

        await Assert.That(negative.Select(i => i.Field)).IsEquivalentTo(
            [ServerBuilderFields.DatabaseLimit, ServerBuilderFields.BackupLimit, ServerBuilderFields.AllocationLimit]);
        await Assert.That(negative.Select(i => i.PanelField ?? "")).Contains("feature_limits.databases");
        await Assert.That(unlimited).IsEmpty();
    }

    [Test]
    public async Task Exactly_one_allocation_style_is_required()
    {
        await using var t = await TestPanel.StartAsync();
        var builder = await t.Admin.Application.Servers.NewServerAsync(Minecraft, Paper);
        builder.Named("x").OwnedBy(new UserId(1)).WithLimits(1024, 1024);

        var neither = builder.Validate();
        var both = builder.OnAllocation(new AllocationId(3)).DeployTo([new LocationId(1)], ["25565"]).Validate();

        await Assert.That(neither.Single().Field).IsEqualTo(ServerBuilderFields.Allocation);
        await Assert.That(neither.Single().Message).Contains("DeployTo");
        await Assert.That(both.Single().Field).IsEqualTo(ServerBuilderFields.Allocation);
        await Assert.That(both.Single().Message).Contains("both called");
    }

    [Test]
    public async Task Deployment_locations_and_port_ranges_are_checked()
    {
        await using var t = await TestPanel.StartAsync();
        var builder = Valid(await t.Admin.Application.Servers.NewServerAsync(Minecraft, Paper));
        var deploy = (await t.Admin.Application.Servers.NewServerAsync(Minecraft, Paper))
            .Named("x").OwnedBy(new UserId(1)).WithLimits(1024, 1024);

        var bad = deploy.DeployTo([new LocationId(0)], ["25565-25560", "abc", "20000-22000", "80-90", "25565", "25565-25570"]).Validate();

        await Assert.That(bad.Select(i => i.Field).Distinct()).IsEquivalentTo([ServerBuilderFields.DeployLocations, ServerBuilderFields.PortRanges]);
        var ports = bad.Where(i => i.Field == ServerBuilderFields.PortRanges).Select(i => i.Message).ToList();
        await Assert.That(ports.Count).IsEqualTo(4);
        await Assert.That(ports[0]).Contains("ends before it starts");
        await Assert.That(ports[1]).Contains("is not a port");
        await Assert.That(ports[2]).Contains("too wide");
        await Assert.That(ports[3]).Contains("4- or 5-digit");
        await Assert.That(builder.Validate()).IsEmpty();
    }

    [Test]
    public async Task Image_name_and_external_id_follow_the_panels_rules()
    {
        await using var t = await TestPanel.StartAsync();

        var image = await IssuesFor(t, Paper, b => b.WithImage("bad image!"));
        var custom = await IssuesFor(t, Paper, b => b.WithImage("~registry.example.com/team/game:1.2@sha256"));
        var name = await IssuesFor(t, Paper, b => b.Named(new string('n', 192)));
        var blank = await IssuesFor(t, Paper, b => b.Named("   "));
        var external = await IssuesFor(t, Paper, b => b.WithExternalId(new string('e', 192)));

        await Assert.That(image.Single().Field).IsEqualTo(ServerBuilderFields.DockerImage);
        await Assert.That(image.Single().Rule).IsEqualTo("regex");
        await Assert.That(custom).IsEmpty();
        await Assert.That(name.Single().Message).IsEqualTo("Name must be at most 191 characters (it has 192).");
        await Assert.That(blank.Single().Field).IsEqualTo(ServerBuilderFields.Name);
        await Assert.That(external.Single().Field).IsEqualTo(ServerBuilderFields.ExternalId);
    }

    [Test]
    public async Task CreateAsync_sends_nothing_when_the_builder_finds_problems()
    {
        await using var t = await TestPanel.StartAsync();
        var builder = await t.Admin.Application.Servers.NewServerAsync(Minecraft, Paper);
        builder.Named("x").OwnedBy(new UserId(1)).WithLimits(1024, 1024, io: 2).OnAllocation(new AllocationId(1))
            .WithVariable("SERVER_JARFILE", "nope");

        var ex = await Assert.ThrowsAsync<ServerBuilderValidationException>(() => builder.CreateAsync());

        await Assert.That(ex!.Fields.Keys).IsEquivalentTo([ServerBuilderFields.Io, "SERVER_JARFILE"]);
        await Assert.That(ex.FromPanel).IsFalse();
        await Assert.That(t.Panel.Requests.Any(q => q.Method == "POST")).IsFalse();
    }

    [Test]
    public async Task A_builder_without_variables_or_connection_says_why()
    {
        await using var t = await TestPanel.StartAsync();
        var bare = await t.Admin.Application.Nests.GetEggAsync(Minecraft, Paper);
        var full = await t.Admin.Application.Nests.GetEggAsync(Minecraft, Paper, "variables");

        var noVariables = Assert.Throws<ArgumentException>(() => t.Admin.Application.Servers.NewServer(bare));
        var offline = Valid(ServerBuilder.ForEgg(full));
        var noConnection = await Assert.ThrowsAsync<InvalidOperationException>(() => offline.CreateAsync());

        await Assert.That(noVariables!.Message).Contains("include=variables");
        await Assert.That(offline.Validate()).IsEmpty();
        await Assert.That(noConnection!.Message).Contains("NewServer");
    }
}
