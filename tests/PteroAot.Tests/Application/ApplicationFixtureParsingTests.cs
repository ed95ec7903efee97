using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using PteroAot.Application;
using PteroAot.Tests.Support;

namespace PteroAot.Tests.Application;

/// <summary>
/// The Application API's models against the reference fixtures (envelopes unwrapped by hand), and the request bodies'
/// wire form.
/// </summary>
public class ApplicationFixtureParsingTests
{
    private static ApplicationJsonContext Ctx => ApplicationJsonContext.Default;

    [Test]
    public async Task Users_list_reads_ids_uuid_and_2fa()
    {
        var users = List("users-list.json", Ctx.ApplicationUser);

        await Assert.That(users.Count).IsEqualTo(2);
        await Assert.That(users[0].Id).IsEqualTo(new UserId(1));
        await Assert.That(users[0].ExternalId).IsNull();
        await Assert.That(users[0].RootAdmin).IsTrue();
        await Assert.That(users[0].TwoFactor).IsTrue();
        await Assert.That(users[1].Uuid).IsEqualTo(Guid.Parse("9f2c1a4e-7b3d-4e5f-8a6b-1c2d3e4f5a6b"));
        await Assert.That(users[1].ExternalId).IsEqualTo("billing-1042");
        await Assert.That(users[1].Relationships).IsNull();
        await Assert.That(users[1].Servers).IsNull();
    }

    [Test]
    public async Task User_create_has_2fa_false_and_user_with_servers_unwraps_the_relationship()
    {
        var created = Item("user-create.json", Ctx.ApplicationUser);
        var steve = Item("user-with-servers.json", Ctx.ApplicationUser);

        await Assert.That(created.Id).IsEqualTo(new UserId(12));
        await Assert.That(created.TwoFactor).IsFalse();
        await Assert.That(created.CreatedAt).IsEqualTo(new DateTimeOffset(2024, 5, 7, 19, 10, 0, TimeSpan.Zero));
        await Assert.That(steve.Servers!.Count).IsEqualTo(1);
        await Assert.That(steve.Servers[0].Id).IsEqualTo(new ServerId(4));
        await Assert.That(steve.Servers[0].UserId).IsEqualTo(steve.Id);
    }

    [Test]
    public async Task Server_with_includes_reads_ids_container_and_every_relationship()
    {
        var server = Item("server-with-includes.json", Ctx.ApplicationServer);

        await Assert.That(server.Id).IsEqualTo(new ServerId(4));
        await Assert.That(server.Identifier.Value).IsEqualTo("1a7ce997");
        await Assert.That(server.Uuid).IsEqualTo(Guid.Parse("1a7ce997-259b-452e-8b4e-cecc464142ca"));
        await Assert.That(server.UserId).IsEqualTo(new UserId(7));
        await Assert.That(server.NodeId).IsEqualTo(new NodeId(1));
        await Assert.That(server.AllocationId).IsEqualTo(new AllocationId(12));
        await Assert.That(server.NestId).IsEqualTo(new NestId(1));
        await Assert.That(server.EggId).IsEqualTo(new EggId(3));
        await Assert.That(server.Status).IsNull();
        await Assert.That(server.Limits.Memory).IsEqualTo(4096);
        await Assert.That(server.Limits.Threads).IsNull();
        await Assert.That(server.Limits.OomDisabled).IsTrue();
        await Assert.That(server.FeatureLimits.Backups).IsEqualTo(5);
        await Assert.That(server.Container.Installed).IsEqualTo(1);
        await Assert.That(server.Container.GetString("SERVER_JARFILE")).IsEqualTo("server.jar");
        await Assert.That(server.Container.GetString("DL_PATH")).IsEqualTo("");
        await Assert.That(server.Container.GetString("MISSING")).IsNull();
        await Assert.That(server.Container.AllocationLimit).IsEqualTo(3);
        await Assert.That(server.Container.Environment["P_SERVER_ALLOCATION_LIMIT"].ValueKind).IsEqualTo(JsonValueKind.Number);

        await Assert.That(server.Allocations!.Select(a => a.Id.Value)).IsEquivalentTo([12, 13]);
        await Assert.That(server.Allocations![0].Notes).IsEqualTo("Java edition");
        await Assert.That(server.User!.Username).IsEqualTo("steve");
        await Assert.That(server.User.TwoFactor).IsTrue();
        await Assert.That(server.Variables!.Count).IsEqualTo(4);
        await Assert.That(server.Variables[0].EggId).IsEqualTo(new EggId(3));
        await Assert.That(server.Variables[0].ServerValue).IsEqualTo("1.20.4");
        await Assert.That(server.Variables[2].ServerValue).IsNull();
        await Assert.That(server.Variables[0].CreatedAt).IsEqualTo(new DateTimeOffset(2024, 1, 15, 10, 30, 0, TimeSpan.Zero));
        // databases: {"object":"null_resource","attributes":null}
        await Assert.That(server.Relationships!.Databases!.Object).IsEqualTo("null_resource");
        await Assert.That(server.Databases).IsNull();
        await Assert.That(server.Relationships.Node).IsNull();
    }

    [Test]
    public async Task Servers_list_reads_status_and_nullable_external_id()
    {
        var servers = List("servers-list.json", Ctx.ApplicationServer);

        await Assert.That(servers.Count).IsEqualTo(2);
        await Assert.That(servers[1].Id).IsEqualTo(new ServerId(9));
        await Assert.That(servers[1].ExternalId).IsNull();
        await Assert.That(servers[1].Status).IsEqualTo("installing");
        await Assert.That(servers[1].Container.Installed).IsEqualTo(0);
        await Assert.That(servers[1].AllocationId).IsEqualTo(new AllocationId(31));
    }

    [Test]
    public async Task Nodes_read_location_include_allocated_resources_and_deployable_sums()
    {
        var nodes = List("nodes-list.json", Ctx.Node);
        var withLocation = Item("node-with-location.json", Ctx.Node);
        var created = Item("node-create.json", Ctx.Node);
        var deployable = List("nodes-deployable.json", Ctx.Node);

        await Assert.That(nodes.Count).IsEqualTo(2);
        await Assert.That(nodes[0].LocationId).IsEqualTo(new LocationId(1));
        await Assert.That(nodes[0].AllocatedResources.Memory).IsEqualTo(12288);
        await Assert.That(nodes[0].SumMemory).IsNull();
        await Assert.That(nodes[1].Description).IsNull();
        await Assert.That(nodes[1].DiskOverallocate).IsEqualTo(-1);
        await Assert.That(withLocation.Location!.Short).IsEqualTo("fra");
        await Assert.That(withLocation.Location.Id).IsEqualTo(withLocation.LocationId);
        await Assert.That(withLocation.Allocations).IsNull();
        await Assert.That(created.Id).IsEqualTo(new NodeId(3));
        await Assert.That(created.Uuid).IsEqualTo(Guid.Parse("7c6b5a4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d"));
        await Assert.That(deployable[0].SumMemory).IsEqualTo(0L);
        await Assert.That(deployable[0].SumDisk).IsEqualTo(0L);
    }

    [Test]
    public async Task Node_configuration_is_raw_and_its_token_never_reaches_ToString()
    {
        var json = File.ReadAllText(Fixture("node-configuration.json"));
        var config = JsonSerializer.Deserialize(json, Ctx.NodeConfiguration)!;
        const string token = "nV4pQ8sT1yX6bE3hK9mR2wZ5cF7jL0aD4gU8iO1qS3vY6tB9eH2kM5nP7rW0xC4z";

        await Assert.That(config.Token).IsEqualTo(token);
        await Assert.That(config.TokenId).IsEqualTo("Jx8QmB2vR7kLw3Zt");
        await Assert.That(config.Api.Port).IsEqualTo(8080);
        await Assert.That(config.Api.Ssl.Enabled).IsTrue();
        await Assert.That(config.System.Sftp.BindPort).IsEqualTo(2022);
        await Assert.That(config.Remote).IsEqualTo("https://panel.example.com");
        await Assert.That(config.ToString()).DoesNotContain(token);
        await Assert.That(config.ToString()).Contains("Jx8QmB2vR7kLw3Zt");
        await Assert.That(config.ToString()).Contains("BindPort = 2022");
        // Serialising it back (e.g. to write a Wings config) keeps the token.
        await Assert.That(JsonSerializer.Serialize(config, Ctx.NodeConfiguration)).Contains(token);
    }

    [Test]
    public async Task Allocations_and_locations_read_nullable_alias_notes_and_long()
    {
        var allocations = List("allocations-list.json", Ctx.NodeAllocation);
        var locations = List("locations-list.json", Ctx.Location);

        await Assert.That(allocations.Count).IsEqualTo(4);
        await Assert.That(allocations[0].Id).IsEqualTo(new AllocationId(12));
        await Assert.That(allocations[0].Assigned).IsTrue();
        await Assert.That(allocations[2].Notes).IsNull();
        await Assert.That(allocations[3].Alias).IsEqualTo("play.example.com");
        await Assert.That(locations[0].Id).IsEqualTo(new LocationId(1));
        await Assert.That(locations[0].Long).IsEqualTo("Frankfurt, Germany");
        await Assert.That(locations[1].Long).IsNull();
    }

    [Test]
    public async Task Server_databases_read_password_and_host_includes_and_mask_the_password()
    {
        var databases = List("server-databases-list.json", Ctx.ApplicationDatabase);
        var created = Item("server-database-create.json", Ctx.ApplicationDatabase);

        await Assert.That(databases.Count).IsEqualTo(2);
        await Assert.That(databases[0].Id).IsEqualTo(new ServerDatabaseId(5));
        await Assert.That(databases[0].ServerId).IsEqualTo(new ServerId(4));
        await Assert.That(databases[0].HostId).IsEqualTo(new DatabaseHostId(1));
        await Assert.That(databases[0].Password).IsEqualTo("jH^8!yQx2Lp@9cWz3Ke#Rv7t");
        await Assert.That(databases[0].Host!.NodeId).IsEqualTo(new NodeId(1));
        await Assert.That(databases[0].Host!.Port).IsEqualTo(3306);
        await Assert.That(databases[1].Remote).IsEqualTo("172.18.0.%");
        await Assert.That(databases[0].Relationships!.Password!.Attributes!.ToString()).DoesNotContain("jH^8");
        await Assert.That(created.Id).IsEqualTo(new ServerDatabaseId(7));
        await Assert.That(created.MaxConnections).IsEqualTo(0);
        await Assert.That(created.Relationships).IsNull();
    }

    [Test]
    public async Task Nests_and_eggs_read_ids_config_objects_empty_arrays_and_variables()
    {
        var nests = List("nests-list.json", Ctx.Nest);
        var eggs = List("eggs-list.json", Ctx.Egg);
        var egg = eggs[0];

        await Assert.That(nests.Count).IsEqualTo(2);
        await Assert.That(nests[1].Id).IsEqualTo(new NestId(2));
        await Assert.That(nests[0].Uuid).IsEqualTo(Guid.Parse("2b3a4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d"));
        await Assert.That(egg.Id).IsEqualTo(new EggId(3));
        await Assert.That(egg.NestId).IsEqualTo(new NestId(1));
        await Assert.That(egg.DockerImages["Java 17"]).IsEqualTo("ghcr.io/pterodactyl/yolks:java_17");
        await Assert.That(egg.DockerImages.Count).IsEqualTo(4);
        // startup is an object, logs is [] (quirk 8)
        await Assert.That(egg.Config.Startup!["done"].GetString()).IsEqualTo(")! For help, type ");
        await Assert.That(egg.Config.Logs).IsNotNull();
        await Assert.That(egg.Config.Logs!.Count).IsEqualTo(0);
        await Assert.That(egg.Config.Files.ContainsKey("server.properties")).IsTrue();
        await Assert.That(egg.Config.Stop).IsEqualTo("stop");
        await Assert.That(egg.Config.Extends).IsNull();
        await Assert.That(egg.Config.FileDenylist!.Count).IsEqualTo(0);
        await Assert.That(egg.Script.Privileged).IsTrue();
        await Assert.That(egg.Script.Entry).IsEqualTo("ash");
        await Assert.That(egg.Variables!.Count).IsEqualTo(4);
        await Assert.That(egg.Variables[2].EnvVariable).IsEqualTo("DL_PATH");
        await Assert.That(egg.Variables[2].UserViewable).IsFalse();
        await Assert.That(egg.Nest).IsNull();
    }

    [Test]
    public async Task Egg_config_reads_startup_as_empty_array_and_config_script_includes_with_null_object()
    {
        const string json = """
            {"id":5,"uuid":"5da37ef6-58da-4169-90a6-e683e1721247","name":"Child","nest":1,"author":"a@b.c","description":null,
             "docker_image":"","docker_images":[],
             "config":{"files":[],"startup":[],"stop":null,"logs":{"custom":false},"file_denylist":null,"extends":3},
             "startup":"x","script":{"privileged":false,"install":null,"entry":"bash","container":"debian","extends":3},
             "created_at":"2024-01-15T10:25:00+00:00","updated_at":"2024-01-15T10:25:00+00:00",
             "relationships":{
               "config":{"object":null,"attributes":{"files":{},"startup":{"done":"ready"},"stop":"stop","logs":[]}},
               "script":{"object":"null_resource","attributes":null},
               "nest":{"object":"nest","attributes":{"id":1,"uuid":"2b3a4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d","author":"x","name":"Minecraft","description":null,"created_at":"2024-01-15T10:20:00+00:00","updated_at":"2024-01-15T10:20:00+00:00"}}}}
            """;

        var egg = JsonSerializer.Deserialize(json, Ctx.Egg)!;

        await Assert.That(egg.DockerImages.Count).IsEqualTo(0);
        await Assert.That(egg.Config.Files.Count).IsEqualTo(0);
        await Assert.That(egg.Config.Startup!.Count).IsEqualTo(0);
        await Assert.That(egg.Config.Logs!["custom"].ValueKind).IsEqualTo(JsonValueKind.False);
        await Assert.That(egg.Config.Extends).IsEqualTo(new EggId(3));
        await Assert.That(egg.Script.Install).IsNull();
        await Assert.That(egg.Relationships!.Config!.Object).IsNull();
        await Assert.That(egg.InheritedConfig!.Startup!["done"].GetString()).IsEqualTo("ready");
        await Assert.That(egg.InheritedConfig.Logs!.Count).IsEqualTo(0);
        await Assert.That(egg.Relationships.Script!.Object).IsEqualTo("null_resource");
        await Assert.That(egg.InheritedScript).IsNull();
        await Assert.That(egg.Nest!.Name).IsEqualTo("Minecraft");
    }

    [Test]
    public async Task Allocation_include_server_reads_a_null_resource_when_unassigned()
    {
        const string json = """
            {"id":14,"ip":"203.0.113.10","alias":null,"port":25567,"notes":null,"assigned":false,
             "relationships":{"server":{"object":"null_resource","attributes":null}}}
            """;

        var allocation = JsonSerializer.Deserialize(json, Ctx.NodeAllocation)!;

        await Assert.That(allocation.Relationships!.Server!.Object).IsEqualTo("null_resource");
        await Assert.That(allocation.Server).IsNull();
        await Assert.That(allocation.Node).IsNull();
    }

    [Test]
    public async Task Update_server_details_writes_a_null_external_id()
    {
        var body = JsonSerializer.Serialize(new UpdateServerDetailsRequest { Name = "Survival", UserId = new UserId(7) }, Ctx.UpdateServerDetailsRequest);

        await Assert.That(body).IsEqualTo("""{"name":"Survival","user":7,"external_id":null}""");
    }

    [Test]
    public async Task Create_server_writes_null_feature_limits_and_typed_ids_as_numbers()
    {
        var request = new CreateServerRequest
        {
            Name = "Survival",
            UserId = new UserId(7),
            EggId = new EggId(3),
            DockerImage = "ghcr.io/pterodactyl/yolks:java_17",
            Startup = "java -jar {{SERVER_JARFILE}}",
            Environment = new Dictionary<string, string?> { ["SERVER_JARFILE"] = "server.jar" },
            Limits = new ServerLimitsRequest { Memory = 4096, Swap = 0, Disk = 20480, Io = 500, Cpu = 200 },
            FeatureLimits = new FeatureLimitsRequest { Allocations = 3 },
            Allocation = new ServerAllocationRequest { Default = new AllocationId(12), Additional = [new AllocationId(13)] },
        };

        using var doc = JsonDocument.Parse(JsonSerializer.Serialize(request, Ctx.CreateServerRequest));
        var root = doc.RootElement;
        var features = root.GetProperty("feature_limits");

        await Assert.That(features.GetProperty("databases").ValueKind).IsEqualTo(JsonValueKind.Null);
        await Assert.That(features.GetProperty("backups").ValueKind).IsEqualTo(JsonValueKind.Null);
        await Assert.That(features.GetProperty("allocations").GetInt32()).IsEqualTo(3);
        await Assert.That(root.GetProperty("user").GetInt32()).IsEqualTo(7);
        await Assert.That(root.GetProperty("egg").GetInt32()).IsEqualTo(3);
        await Assert.That(root.GetProperty("allocation").GetProperty("default").GetInt32()).IsEqualTo(12);
        await Assert.That(root.GetProperty("allocation").GetProperty("additional")[0].GetInt32()).IsEqualTo(13);
        await Assert.That(root.GetProperty("limits").TryGetProperty("threads", out _)).IsFalse();
        await Assert.That(root.TryGetProperty("deploy", out _)).IsFalse();
        await Assert.That(root.TryGetProperty("external_id", out _)).IsFalse();
        await Assert.That(root.GetProperty("docker_image").GetString()).IsEqualTo("ghcr.io/pterodactyl/yolks:java_17");
    }

    [Test]
    public async Task Other_requests_use_the_wire_names()
    {
        var startup = JsonSerializer.Serialize(new UpdateServerStartupRequest
        {
            Startup = "s", Environment = new Dictionary<string, string?>(), EggId = new EggId(3), Image = "i", SkipScripts = false,
        }, Ctx.UpdateServerStartupRequest);
        var database = JsonSerializer.Serialize(new CreateServerDatabaseRequest { Database = "plan", Remote = "%", HostId = new DatabaseHostId(1) }, Ctx.CreateServerDatabaseRequest);
        var node = JsonSerializer.Serialize(new UpdateNodeRequest
        {
            Name = "n", LocationId = new LocationId(2), Fqdn = "f", Scheme = "https", Memory = 1, MemoryOverallocate = 0,
            Disk = 1, DiskOverallocate = -1, DaemonListen = 8080, DaemonSftp = 2022, ResetSecret = true,
        }, Ctx.UpdateNodeRequest);
        var user = JsonSerializer.Serialize(new UpdateUserRequest { Email = "e", Username = "u", FirstName = "f", LastName = "l" }, Ctx.UpdateUserRequest);

        await Assert.That(startup).IsEqualTo("""{"startup":"s","environment":{},"egg":3,"image":"i","skip_scripts":false}""");
        await Assert.That(database).IsEqualTo("""{"database":"plan","remote":"%","host":1}""");
        await Assert.That(node).Contains("\"location_id\":2");
        await Assert.That(node).Contains("\"reset_secret\":true");
        await Assert.That(node).DoesNotContain("daemon_base");
        await Assert.That(user).Contains("\"external_id\":null");
        await Assert.That(user).DoesNotContain("password");
    }

    [Test]
    public async Task Include_flags_format_as_lower_case_comma_lists()
    {
        await Assert.That(IncludeQuery.Format(ApplicationServerInclude.None)).IsNull();
        await Assert.That(IncludeQuery.Format(ApplicationServerInclude.Allocations | ApplicationServerInclude.User | ApplicationServerInclude.Subusers
                | ApplicationServerInclude.Nest | ApplicationServerInclude.Egg | ApplicationServerInclude.Variables
                | ApplicationServerInclude.Location | ApplicationServerInclude.Node | ApplicationServerInclude.Databases))
            .IsEqualTo("allocations,user,subusers,nest,egg,variables,location,node,databases");
        await Assert.That(IncludeQuery.Format(ApplicationServerInclude.Databases | ApplicationServerInclude.User)).IsEqualTo("user,databases");
        await Assert.That(IncludeQuery.Format(ApplicationUserInclude.Servers)).IsEqualTo("servers");
        await Assert.That(IncludeQuery.Format(NodeInclude.Allocations | NodeInclude.Location | NodeInclude.Servers)).IsEqualTo("allocations,location,servers");
        await Assert.That(IncludeQuery.Format(LocationInclude.Nodes | LocationInclude.Servers)).IsEqualTo("nodes,servers");
        await Assert.That(IncludeQuery.Format(NestInclude.Eggs | NestInclude.Servers)).IsEqualTo("eggs,servers");
        await Assert.That(IncludeQuery.Format(EggInclude.Nest | EggInclude.Servers | EggInclude.Config | EggInclude.Script | EggInclude.Variables))
            .IsEqualTo("nest,servers,config,script,variables");
        await Assert.That(IncludeQuery.Format(NodeAllocationInclude.Node | NodeAllocationInclude.Server)).IsEqualTo("node,server");
        await Assert.That(IncludeQuery.Format(ApplicationDatabaseInclude.Password | ApplicationDatabaseInclude.Host)).IsEqualTo("password,host");
        await Assert.That(Enum.GetNames<ApplicationServerInclude>()).DoesNotContain("Transfer");
        await Assert.That(() => IncludeQuery.Format((NodeInclude)8)).Throws<ArgumentOutOfRangeException>();
    }

    private static string Fixture(string name) => RepoPaths.Spec("fixtures", "application", name);

    private static T Item<T>(string fixture, JsonTypeInfo<T> typeInfo)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(Fixture(fixture)));
        return doc.RootElement.GetProperty("attributes").Deserialize(typeInfo)!;
    }

    private static List<T> List<T>(string fixture, JsonTypeInfo<T> typeInfo)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(Fixture(fixture)));
        return [.. doc.RootElement.GetProperty("data").EnumerateArray().Select(e => e.GetProperty("attributes").Deserialize(typeInfo)!)];
    }
}
