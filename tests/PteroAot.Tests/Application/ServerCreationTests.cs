using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using PteroAot.Application;
using PteroAot.Tests.Support;

namespace PteroAot.Tests.Application;

/// <summary><c>POST /api/application/servers</c> over real HTTP: the builder, deployment, and the fake panel's validation.</summary>
public class ServerCreationTests
{
    private static readonly NestId Minecraft = new(1);
    private static readonly EggId Paper = new(1);
    private static readonly EggId Vanilla = new(2);
    private static readonly UserId Demo = new(1);

    [Test]
    public async Task A_built_server_is_created_installing_and_shows_in_the_owners_client_list()
    {
        await using var t = await TestPanel.StartAsync();
        var free = t.Panel.State.AddNodeAllocation(1, "10.0.0.5", 25600)!;
        var extra = t.Panel.State.AddNodeAllocation(1, "10.0.0.5", 25601)!;
        var builder = await t.Admin.Application.Servers.NewServerAsync(Minecraft, Vanilla);

        var created = await builder
            .Named("Lobby").WithDescription("Hub").OwnedBy(Demo)
            .WithLimits(memory: 2048, disk: 8192, cpu: 150, swap: -1, io: 600)
            .WithFeatureLimits(databases: 1, backups: 2, allocations: null)
            .WithVariable("SERVER_JARFILE", "vanilla.jar").WithVariable("MAX_PLAYERS", "64")
            .OnAllocation(new AllocationId(free.Id), new AllocationId(extra.Id))
            .WithExternalId("crm-42")
            .CreateAsync();

        await Assert.That(created.Name).IsEqualTo("Lobby");
        await Assert.That(created.Status).IsEqualTo("installing");
        await Assert.That(created.UserId).IsEqualTo(Demo);
        await Assert.That(created.EggId).IsEqualTo(Vanilla);
        await Assert.That(created.NodeId).IsEqualTo(new NodeId(1));
        await Assert.That(created.AllocationId).IsEqualTo(new AllocationId(free.Id));
        await Assert.That(created.ExternalId).IsEqualTo("crm-42");
        await Assert.That(created.Description).IsEqualTo("Hub");
        await Assert.That(created.Limits.Memory).IsEqualTo(2048);
        await Assert.That(created.Limits.Swap).IsEqualTo(-1);
        await Assert.That(created.Limits.Io).IsEqualTo(600);
        await Assert.That(created.Limits.Cpu).IsEqualTo(150);
        await Assert.That(created.Limits.OomDisabled).IsTrue();
        await Assert.That(created.FeatureLimits.Databases).IsEqualTo(1);
        await Assert.That(created.FeatureLimits.Allocations).IsNull();
        await Assert.That(created.Container.Image).IsEqualTo("ghcr.io/pterodactyl/yolks:java_17");
        await Assert.That(created.Container.GetString("SERVER_JARFILE")).IsEqualTo("vanilla.jar");
        await Assert.That(created.Container.GetString("MAX_PLAYERS")).IsEqualTo("64");
        await Assert.That(created.Container.GetString("VANILLA_VERSION")).IsEqualTo("latest"); // the egg's default was sent
        await Assert.That(t.Panel.Requests.Last().Status).IsEqualTo(201);

        var fake = t.Panel.State.FindServerById(created.Id.Value)!;
        await Assert.That(fake.Variables.Single(v => v.EnvVariable == "MAX_PLAYERS").ServerValue).IsEqualTo("64");
        await Assert.That(fake.Allocations.Select(a => a.Port)).IsEquivalentTo([25600, 25601]);
        await Assert.That(t.Panel.State.UnassignedAllocations.Any(a => a.Id == free.Id)).IsFalse();

        var mine = new List<PteroAot.Servers.Server>();
        await foreach (var s in t.Client.Servers.EnumerateAsync())
            mine.Add(s);
        var listed = mine.Single(s => s.Identifier == created.Identifier);
        await Assert.That(listed.Name).IsEqualTo("Lobby");
        await Assert.That(listed.Status).IsEqualTo("installing");
    }

    [Test]
    public async Task Deployment_by_location_takes_a_free_port_in_the_ranges()
    {
        await using var t = await TestPanel.StartAsync();
        for (var p = 25600; p <= 25610; p++)
            t.Panel.State.AddNodeAllocation(1, "10.0.0.6", p);
        var builder = await t.Admin.Application.Servers.NewServerAsync(Minecraft, Paper);

        var created = await builder.Named("Deployed").OwnedBy(Demo).WithLimits(1024, 2048)
            .DeployTo([new LocationId(1)], ["25604-25606", "25609"])
            .CreateAsync();

        var port = t.Panel.State.FindServerById(created.Id.Value)!.PrimaryAllocation!.Port;
        await Assert.That(new[] { 25604, 25605, 25606, 25609 }).Contains(port);
        await Assert.That(created.NodeId).IsEqualTo(new NodeId(1));
        var body = JsonDocument.Parse(t.Panel.Requests.Last(q => q.Method == "POST").Body).RootElement;
        await Assert.That(body.GetProperty("deploy").GetProperty("port_range")[0].GetString()).IsEqualTo("25604-25606");
        await Assert.That(body.GetProperty("deploy").GetProperty("dedicated_ip").GetBoolean()).IsFalse();
        await Assert.That(body.TryGetProperty("allocation", out _)).IsFalse();
    }

    [Test]
    public async Task No_viable_node_and_no_viable_allocation_are_typed()
    {
        await using var t = await TestPanel.StartAsync();
        t.Panel.State.AddNodeAllocation(1, "10.0.0.7", 25700);
        var servers = t.Admin.Application.Servers;
        ServerBuilder Base(ServerBuilder b) => b.Named("x").OwnedBy(Demo);

        var elsewhere = await Assert.ThrowsAsync<PteroNoViableNodeException>(async () =>
            await Base(await servers.NewServerAsync(Minecraft, Paper)).WithLimits(1024, 1024).DeployTo([new LocationId(99)], []).CreateAsync());
        var tooBig = await Assert.ThrowsAsync<PteroNoViableNodeException>(async () =>
            await Base(await servers.NewServerAsync(Minecraft, Paper)).WithLimits(1_000_000, 1024).DeployTo([new LocationId(1)], []).CreateAsync());
        var noPort = await Assert.ThrowsAsync<PteroNoViableAllocationException>(async () =>
            await Base(await servers.NewServerAsync(Minecraft, Paper)).WithLimits(1024, 1024).DeployTo([new LocationId(1)], ["30000-30010"]).CreateAsync());

        await Assert.That(elsewhere!.Code).IsEqualTo("NoViableNodeException");
        await Assert.That(elsewhere.StatusCode).IsEqualTo(System.Net.HttpStatusCode.BadRequest);
        await Assert.That(elsewhere.Detail).IsEqualTo("No nodes satisfying the requirements specified for automatic deployment could be found.");
        await Assert.That(tooBig!.Code).IsEqualTo("NoViableNodeException");
        await Assert.That(noPort!.Code).IsEqualTo("NoViableAllocationException");
        await Assert.That(noPort).IsAssignableTo<PteroDeploymentException>();
        await Assert.That(t.Panel.State.Servers.Count).IsEqualTo(3);
    }

    [Test]
    public async Task A_raw_create_without_the_builder_gets_the_same_typed_deployment_error()
    {
        await using var t = await TestPanel.StartAsync();
        var request = (await t.Admin.Application.Servers.NewServerAsync(Minecraft, Paper))
            .Named("raw").OwnedBy(Demo).WithLimits(1024, 1024).DeployTo([new LocationId(99)], []).Build();

        var ex = await Assert.ThrowsAsync<PteroNoViableNodeException>(() => t.Admin.Application.Servers.CreateAsync(request));

        await Assert.That(ex!.Detail).IsEqualTo("No nodes satisfying the requirements specified for automatic deployment could be found.");
        await Assert.That(t.Panel.State.Servers.Count).IsEqualTo(3);
    }

    [Test]
    public async Task Overallocation_lets_deployment_exceed_the_nodes_memory()
    {
        await using var t = await TestPanel.StartAsync();
        t.Panel.State.AddNodeAllocation(1, "10.0.0.8", 25800);
        t.Panel.State.FindNode(1)!.MemoryOverallocate = 100; // 16384 MiB node, 3 x 1024 used: 29000 fits only with 100 %
        var builder = await t.Admin.Application.Servers.NewServerAsync(Minecraft, Paper);

        var created = await builder.Named("Big").OwnedBy(Demo).WithLimits(29_000, 1024).DeployTo([], []).CreateAsync();

        await Assert.That(created.Limits.Memory).IsEqualTo(29_000);
    }

    [Test]
    public async Task A_panel_422_comes_back_in_the_builders_names()
    {
        await using var t = await TestPanel.StartAsync();
        var free = t.Panel.State.AddNodeAllocation(1, "10.0.0.9", 25900)!;
        var servers = t.Admin.Application.Servers;
        var builder = (await servers.NewServerAsync(Minecraft, Paper))
            .Named("x").OwnedBy(Demo).WithLimits(1024, 1024).OnAllocation(new AllocationId(free.Id));

        // Bypass the builder: a raw request with a broken limit and variable.
        var raw = builder.BuildUnchecked() with
        {
            Limits = builder.BuildUnchecked().Limits with { Memory = -5 },
        };
        var limits = await Assert.ThrowsAsync<PteroValidationException>(() => servers.CreateAsync(raw));
        var environment = await Assert.ThrowsAsync<PteroValidationException>(() => servers.CreateAsync(raw with
        {
            Limits = raw.Limits with { Memory = 1024 },
            Environment = new Dictionary<string, string?> { ["MINECRAFT_VERSION"] = "1.20" },
        }));

        await Assert.That(limits!.FieldErrors["limits.memory"]).IsEquivalentTo(["The limits.memory must be at least 0."]);
        var explained = ServerBuilder.Explain(limits);
        await Assert.That(explained.Single().Field).IsEqualTo(ServerBuilderFields.Memory);
        await Assert.That(explained.Single().Rule).IsEqualTo("min");

        // Like spec/fixtures/errors/422-validation-environment.json: every egg variable is validated, a missing one as null.
        await Assert.That(environment!.FieldErrors["environment.SERVER_JARFILE"]).IsEquivalentTo(["The Server Jar File variable field is required."]);
        await Assert.That(environment.FieldErrors["environment.BUILD_NUMBER"]).IsEquivalentTo(["The Build Number variable field is required."]);
        await Assert.That(environment.FieldErrors.ContainsKey("environment.MINECRAFT_VERSION")).IsFalse();
        var env = ServerBuilder.Explain(environment);
        await Assert.That(env.Select(i => i.Field)).IsEquivalentTo(["SERVER_JARFILE", "BUILD_NUMBER"]);
        await Assert.That(env.All(i => i.IsVariable)).IsTrue();
        await Assert.That(t.Panel.State.Servers.Count).IsEqualTo(3);
    }

    [Test]
    public async Task What_only_the_panel_knows_is_mapped_by_CreateAsync()
    {
        await using var t = await TestPanel.StartAsync();
        var builder = (await t.Admin.Application.Servers.NewServerAsync(Minecraft, Paper))
            .Named("x").OwnedBy(new UserId(999)).WithLimits(1024, 1024).OnAllocation(new AllocationId(9999));

        var ex = await Assert.ThrowsAsync<ServerBuilderValidationException>(() => builder.CreateAsync());

        await Assert.That(ex!.FromPanel).IsTrue();
        await Assert.That(ex.Fields[ServerBuilderFields.Owner]).IsEquivalentTo(["The selected user is invalid."]);
        await Assert.That(ex.Fields[ServerBuilderFields.Allocation]).IsEquivalentTo(["The selected allocation.default is invalid."]);
        await Assert.That(ex.PanelError!.FieldErrors.Keys).IsEquivalentTo(["user", "allocation.default"]);
        await Assert.That(ex.Message).Contains("Owner: The selected user is invalid.");
    }

    [Test]
    public async Task An_assigned_allocation_and_a_taken_external_id_are_rejected()
    {
        await using var t = await TestPanel.StartAsync();
        var taken = t.Panel.State.Servers[0].PrimaryAllocation!.Id;
        var free = t.Panel.State.AddNodeAllocation(1, "10.0.0.10", 26000)!;
        var servers = t.Admin.Application.Servers;
        async Task<ServerBuilder> Make(int allocation) => (await servers.NewServerAsync(Minecraft, Paper))
            .Named("x").OwnedBy(Demo).WithLimits(1024, 1024).OnAllocation(new AllocationId(allocation)).WithExternalId("dup");

        var assigned = await Assert.ThrowsAsync<ServerBuilderValidationException>(async () => await (await Make(taken)).CreateAsync());
        await (await Make(free.Id)).CreateAsync();
        var duplicate = await Assert.ThrowsAsync<ServerBuilderValidationException>(async () =>
            await (await Make(t.Panel.State.AddNodeAllocation(1, "10.0.0.10", 26001)!.Id)).CreateAsync());

        await Assert.That(assigned!.Fields.Keys).IsEquivalentTo([ServerBuilderFields.Allocation]);
        await Assert.That(duplicate!.Fields[ServerBuilderFields.ExternalId]).IsEquivalentTo(["The external id has already been taken."]);
    }

    [Test]
    public async Task The_fake_panel_checks_every_rule_of_the_body()
    {
        await using var t = await TestPanel.StartAsync();

        var empty = await PostRaw(t, "{}");
        var wrong = await PostRaw(t, """
            {"name":"x","user":"abc","egg":77,"docker_image":"bad image!","startup":"run","environment":null,
             "limits":{"memory":"lots","swap":-2,"disk":-1,"io":5,"cpu":-1,"threads":"a"},
             "feature_limits":{"databases":-1,"backups":"x","allocations":-1},
             "deploy":{"locations":[0],"port_range":[]},
             "oom_disabled":"maybe","external_id":""}
            """);

        await Assert.That(empty.Status).IsEqualTo(422);
        await Assert.That(empty.Fields).IsEquivalentTo([
            "name", "user", "egg", "docker_image", "startup", "environment", "limits", "limits.memory", "limits.swap",
            "limits.disk", "limits.io", "limits.cpu", "feature_limits", "feature_limits.databases", "feature_limits.backups",
            "allocation.default"]);
        await Assert.That(empty.Details).Contains("The environment field must be present.");
        await Assert.That(empty.Details).Contains("The feature limits.databases field must be present.");
        await Assert.That(wrong.Fields).IsEquivalentTo([
            "user", "user", "egg", "docker_image", "environment", "limits.memory", "limits.swap", "limits.disk", "limits.io",
            "limits.cpu", "limits.threads", "feature_limits.databases", "feature_limits.backups", "feature_limits.allocations",
            "oom_disabled", "deploy.dedicated_ip", "deploy.locations.0"]);
        await Assert.That(wrong.Details).Contains("The limits.io must be between 10 and 1000.");
        await Assert.That(wrong.Details).Contains("The deploy.dedicated ip field is required when deploy / boolean is present.");
    }

    [Test]
    public async Task Dedicated_ip_is_required_with_deploy_but_its_type_is_never_checked()
    {
        await using var t = await TestPanel.StartAsync();
        t.Panel.State.AddNodeAllocation(1, "10.0.0.11", 26100);

        // Quirk 5: "required_with:deploy,boolean" is one rule, so a string passes (and is read as "not dedicated").
        var result = await PostRaw(t, """
            {"name":"q5","user":1,"egg":1,"docker_image":"img","startup":"run","environment":{"SERVER_JARFILE":"a.jar","BUILD_NUMBER":"1"},
             "limits":{"memory":1,"swap":0,"disk":1,"io":500,"cpu":0},"feature_limits":{"databases":null,"backups":null},
             "deploy":{"locations":[1],"port_range":["26100"],"dedicated_ip":"not a boolean"}}
            """);

        await Assert.That(result.Status).IsEqualTo(201);
        var server = t.Panel.State.Servers.Single(s => s.Name == "q5");
        await Assert.That(server.PrimaryAllocation!.Port).IsEqualTo(26100);
        // An omitted nullable variable is stored as "" (not the egg's default): why the builder sends them all.
        await Assert.That(server.Variables.Single(v => v.EnvVariable == "MINECRAFT_VERSION").ServerValue).IsEqualTo("");
        await Assert.That(server.AllocationLimit).IsNull();
    }

    [Test]
    public async Task A_client_key_is_refused_and_an_unknown_egg_is_404()
    {
        await using var t = await TestPanel.StartAsync();
        var request = (await t.Admin.Application.Servers.NewServerAsync(Minecraft, Paper))
            .Named("x").OwnedBy(Demo).WithLimits(1, 1).OnAllocation(new AllocationId(1)).Build();

        await Assert.ThrowsAsync<PteroPermissionException>(() => t.Client.Application.Servers.CreateAsync(request));
        await Assert.ThrowsAsync<PteroNotFoundException>(() => t.Admin.Application.Servers.NewServerAsync(Minecraft, new EggId(42)));
        await Assert.ThrowsAsync<PteroNotFoundException>(() => t.Admin.Application.Servers.NewServerAsync(new NestId(9), Paper));
    }

    private sealed record RawResult(int Status, List<string> Fields, List<string> Details);

    private static async Task<RawResult> PostRaw(TestPanel t, string json)
    {
        using var http = new HttpClient { BaseAddress = t.Panel.Url };
        using var message = new HttpRequestMessage(HttpMethod.Post, "/api/application/servers")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", t.Panel.ApplicationKey);
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await http.SendAsync(message);
        var root = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var fields = new List<string>();
        var details = new List<string>();
        if (root.TryGetProperty("errors", out var errors))
        {
            foreach (var error in errors.EnumerateArray())
            {
                fields.Add(error.GetProperty("meta").GetProperty("source_field").GetString()!);
                details.Add(error.GetProperty("detail").GetString()!);
            }
        }
        return new RawResult((int)response.StatusCode, fields, details);
    }
}
