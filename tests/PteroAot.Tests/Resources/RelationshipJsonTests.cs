using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using PteroAot.Account;
using PteroAot.Application;
using PteroAot.Databases;
using PteroAot.Json;
using PteroAot.Schedules;
using PteroAot.Servers;
using PteroAot.Startup;

namespace PteroAot.Tests.Resources;

/// <summary>
/// Every relationships class read and written through its owner's context: the JSON shape is pinned (as the
/// source-generated metadata wrote it: <c>object</c>, <c>attributes</c>, <c>data</c>, nulls left out), every related
/// type must resolve from the context, and bad relationship JSON is a <see cref="JsonException"/>.
/// </summary>
public class RelationshipJsonTests
{
    private const string NullResourceIn = """{"object":"null_resource","attributes":null}""";
    private const string NullResourceOut = """{"object":"null_resource"}""";

    private static ApplicationJsonContext App => ApplicationJsonContext.Default;

    private const string UserJson = """{"id":7,"uuid":"9f2c1a4e-7b3d-4e5f-8a6b-1c2d3e4f5a6b","username":"steve","email":"steve@example.com","2fa":true}""";
    private const string ServerJson = """{"id":4,"identifier":"1a7ce997","uuid":"1a7ce997-259b-452e-8b4e-cecc464142ca","name":"Survival","user":7,"limits":{"memory":4096}}""";
    private const string NodeJson = """{"id":1,"name":"de-fra-01","location_id":1,"fqdn":"node.example.com"}""";
    private const string LocationJson = """{"id":1,"short":"fra","long":"Frankfurt"}""";
    private const string AllocationJson = """{"id":12,"ip":"203.0.113.10","port":25565,"assigned":true}""";
    private const string NestJson = """{"id":1,"uuid":"2b3a4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d","name":"Minecraft"}""";
    private const string EggJson = """{"id":3,"nest":1,"name":"Paper","docker_images":{"Java 17":"ghcr.io/pterodactyl/yolks:java_17"}}""";

    [Test]
    public async Task Schedule_relationships_round_trip()
    {
        var ctx = SchedulesJsonContext.Default;
        const string task1 = """{"id":1,"sequence_id":1,"action":"command","payload":"say hi","time_offset":0}""";
        const string task2 = """{"id":2,"sequence_id":2,"action":"power","payload":"restart","time_offset":30}""";

        var read = await Pins(ctx.Schedule,
            $$"""{"tasks":{{ListIn(("schedule_task", task1), ("schedule_task", task2))}}}""",
            $$"""{"tasks":{{ListOut(("schedule_task", Canon<ScheduleTask>(ctx, task1)), ("schedule_task", Canon<ScheduleTask>(ctx, task2)))}}}""");
        await Pins(ctx.Schedule, $$"""{"tasks":{{NullResourceIn}}}""", $$"""{"tasks":{{NullResourceOut}}}""");

        await Assert.That(read.Tasks.Select(t => t.Payload)).IsEquivalentTo(["say hi", "restart"]);
    }

    [Test]
    public async Task Database_relationships_round_trip()
    {
        var ctx = DatabasesJsonContext.Default;
        const string password = """{"password":"s3cret"}""";

        var read = await Pins(ctx.ServerDatabase,
            $$"""{"password":{{ItemIn("database_password", password)}}}""",
            $$"""{"password":{{ItemOut("database_password", password)}}}""");
        var refused = await Pins(ctx.ServerDatabase, $$"""{"password":{{NullResourceIn}}}""", $$"""{"password":{{NullResourceOut}}}""");

        await Assert.That(read.Password).IsEqualTo("s3cret");
        await Assert.That(refused.Password).IsNull();
        await Assert.That(refused.Relationships!.Password!.Object).IsEqualTo("null_resource");
    }

    [Test]
    public async Task Server_relationships_round_trip()
    {
        var ctx = ServersJsonContext.Default;
        const string allocation = """{"id":12,"ip":"203.0.113.10","ip_alias":null,"port":25565,"notes":"Java","is_default":true}""";
        const string variable = """{"name":"Version","description":"","env_variable":"MINECRAFT_VERSION","default_value":"latest","server_value":"1.20.4","is_editable":true,"rules":"string"}""";
        const string egg = """{"uuid":"5da37ef6-58da-4169-90a6-e683e1721247","name":"Paper"}""";
        const string subuser = """{"uuid":"9f2c1a4e-7b3d-4e5f-8a6b-1c2d3e4f5a6b","username":"alex","email":"alex@example.com","permissions":["control.console"]}""";

        var read = await Pins(ctx.Server,
            $$"""{"allocations":{{ListIn(("allocation", allocation))}},"variables":{{ListIn(("egg_variable", variable))}},"egg":{{ItemIn("egg", egg)}},"subusers":{{ListIn(("server_subuser", subuser))}}}""",
            $$"""{"allocations":{{ListOut(("allocation", Canon<ServerAllocation>(ctx, allocation)))}},"variables":{{ListOut(("egg_variable", Canon<EggVariable>(ctx, variable)))}},"egg":{{ItemOut("egg", Canon<ServerEgg>(ctx, egg))}},"subusers":{{ListOut(("server_subuser", Canon<ServerSubuser>(ctx, subuser)))}}}""");
        var refused = await Pins(ctx.Server,
            $$"""{"allocations":{"object":"list","data":[]},"variables":{{NullResourceIn}},"egg":{{NullResourceIn}},"subusers":{{NullResourceIn}}}""",
            $$"""{"allocations":{"object":"list","data":[]},"variables":{{NullResourceOut}},"egg":{{NullResourceOut}},"subusers":{{NullResourceOut}}}""");

        await Assert.That(read.PrimaryAllocation!.Notes).IsEqualTo("Java");
        await Assert.That(read.Variables![0].ServerValue).IsEqualTo("1.20.4");
        await Assert.That(read.Egg!.Name).IsEqualTo("Paper");
        await Assert.That(read.Subusers![0].Username).IsEqualTo("alex");
        await Assert.That(refused.Allocations.Count).IsEqualTo(0);
        await Assert.That(refused.Variables).IsNull();
        await Assert.That(refused.Egg).IsNull();
        await Assert.That(refused.Subusers).IsNull();
    }

    [Test]
    public async Task Activity_relationships_round_trip_through_both_contexts()
    {
        const string actor = """{"uuid":"9f2c1a4e-7b3d-4e5f-8a6b-1c2d3e4f5a6b","username":"steve","email":"steve@example.com"}""";
        foreach (var (ctx, info) in new (JsonSerializerContext, JsonTypeInfo<ActivityLogEntry>)[]
                 {
                     (PteroJsonContext.Default, PteroJsonContext.Default.ActivityLogEntry),
                     (ServersJsonContext.Default, ServersJsonContext.Default.ActivityLogEntry),
                 })
        {
            var read = await Pins(info, $$"""{"actor":{{ItemIn("user", actor)}}}""", $$"""{"actor":{{ItemOut("user", Canon<ActivityActor>(ctx, actor))}}}""");
            var system = await Pins(info, $$"""{"actor":{{NullResourceIn}}}""", $$"""{"actor":{{NullResourceOut}}}""");

            await Assert.That(read.Actor!.Username).IsEqualTo("steve");
            await Assert.That(system.Actor).IsNull();
        }
    }

    [Test]
    public async Task Application_server_relationships_round_trip()
    {
        const string subuser = """{"id":2,"user_id":9,"server_id":4,"permissions":["control.console"]}""";
        const string variable = """{"id":1,"egg_id":3,"name":"Version","env_variable":"MINECRAFT_VERSION","default_value":"latest","server_value":"1.20.4"}""";
        const string database = """{"id":5,"server":4,"host":1,"database":"s4_plan","username":"u4_x","remote":"%"}""";

        var read = await Pins(App.ApplicationServer,
            $$"""{"allocations":{{ListIn(("allocation", AllocationJson))}},"user":{{ItemIn("user", UserJson)}},"subusers":{{ListIn(("subuser", subuser))}},"nest":{{ItemIn("nest", NestJson)}},"egg":{{ItemIn("egg", EggJson)}},"variables":{{ListIn(("server_variable", variable))}},"location":{{ItemIn("location", LocationJson)}},"node":{{ItemIn("node", NodeJson)}},"databases":{{ListIn(("databases", database))}}}""",
            $$"""{"allocations":{{ListOut(("allocation", Canon<NodeAllocation>(App, AllocationJson)))}},"user":{{ItemOut("user", Canon<ApplicationUser>(App, UserJson))}},"subusers":{{ListOut(("subuser", Canon<ApplicationSubuser>(App, subuser)))}},"nest":{{ItemOut("nest", Canon<Nest>(App, NestJson))}},"egg":{{ItemOut("egg", Canon<Egg>(App, EggJson))}},"variables":{{ListOut(("server_variable", Canon<ServerVariable>(App, variable)))}},"location":{{ItemOut("location", Canon<Location>(App, LocationJson))}},"node":{{ItemOut("node", Canon<Node>(App, NodeJson))}},"databases":{{ListOut(("databases", Canon<ApplicationDatabase>(App, database)))}}}""");
        var refused = await Pins(App.ApplicationServer,
            $$"""{"allocations":{{NullResourceIn}},"user":null,"subusers":{{NullResourceIn}},"nest":{{NullResourceIn}},"egg":{{NullResourceIn}},"variables":{{NullResourceIn}},"location":{{NullResourceIn}},"node":{{NullResourceIn}},"databases":{{NullResourceIn}}}""",
            $$"""{"allocations":{{NullResourceOut}},"subusers":{{NullResourceOut}},"nest":{{NullResourceOut}},"egg":{{NullResourceOut}},"variables":{{NullResourceOut}},"location":{{NullResourceOut}},"node":{{NullResourceOut}},"databases":{{NullResourceOut}}}""");

        await Assert.That(read.Allocations![0].Port).IsEqualTo(25565);
        await Assert.That(read.User!.Username).IsEqualTo("steve");
        await Assert.That(read.Subusers![0].UserId).IsEqualTo(new UserId(9));
        await Assert.That(read.Nest!.Name).IsEqualTo("Minecraft");
        await Assert.That(read.Egg!.Name).IsEqualTo("Paper");
        await Assert.That(read.Variables![0].ServerValue).IsEqualTo("1.20.4");
        await Assert.That(read.Location!.Short).IsEqualTo("fra");
        await Assert.That(read.Node!.Fqdn).IsEqualTo("node.example.com");
        await Assert.That(read.Databases![0].Database).IsEqualTo("s4_plan");
        await Assert.That(refused.Relationships!.User).IsNull();
        await Assert.That(refused.Allocations).IsNull();
        await Assert.That(refused.Node).IsNull();
        await Assert.That(refused.Databases).IsNull();
    }

    [Test]
    public async Task Application_user_node_location_nest_and_allocation_relationships_round_trip()
    {
        var user = await Pins(App.ApplicationUser,
            $$"""{"servers":{{ListIn(("server", ServerJson))}}}""",
            $$"""{"servers":{{ListOut(("server", Canon<ApplicationServer>(App, ServerJson)))}}}""");
        var node = await Pins(App.Node,
            $$"""{"allocations":{{ListIn(("allocation", AllocationJson))}},"location":{{ItemIn("location", LocationJson)}},"servers":{{ListIn(("server", ServerJson))}}}""",
            $$"""{"allocations":{{ListOut(("allocation", Canon<NodeAllocation>(App, AllocationJson)))}},"location":{{ItemOut("location", Canon<Location>(App, LocationJson))}},"servers":{{ListOut(("server", Canon<ApplicationServer>(App, ServerJson)))}}}""");
        var location = await Pins(App.Location,
            $$"""{"nodes":{{ListIn(("node", NodeJson))}},"servers":{{ListIn(("server", ServerJson))}}}""",
            $$"""{"nodes":{{ListOut(("node", Canon<Node>(App, NodeJson)))}},"servers":{{ListOut(("server", Canon<ApplicationServer>(App, ServerJson)))}}}""");
        var nest = await Pins(App.Nest,
            $$"""{"eggs":{{ListIn(("egg", EggJson))}},"servers":{{ListIn(("server", ServerJson))}}}""",
            $$"""{"eggs":{{ListOut(("egg", Canon<Egg>(App, EggJson)))}},"servers":{{ListOut(("server", Canon<ApplicationServer>(App, ServerJson)))}}}""");
        var allocation = await Pins(App.NodeAllocation,
            $$"""{"node":{{ItemIn("node", NodeJson)}},"server":{{ItemIn("server", ServerJson)}}}""",
            $$"""{"node":{{ItemOut("node", Canon<Node>(App, NodeJson))}},"server":{{ItemOut("server", Canon<ApplicationServer>(App, ServerJson))}}}""");
        var unassigned = await Pins(App.NodeAllocation, $$"""{"server":{{NullResourceIn}}}""", $$"""{"server":{{NullResourceOut}}}""");
        await Pins(App.ApplicationUser, $$"""{"servers":{{NullResourceIn}}}""", $$"""{"servers":{{NullResourceOut}}}""");
        await Pins(App.Node, $$"""{"allocations":{{NullResourceIn}},"location":{{NullResourceIn}},"servers":{{NullResourceIn}}}""",
            $$"""{"allocations":{{NullResourceOut}},"location":{{NullResourceOut}},"servers":{{NullResourceOut}}}""");
        await Pins(App.Location, $$"""{"nodes":{{NullResourceIn}},"servers":{{NullResourceIn}}}""", $$"""{"nodes":{{NullResourceOut}},"servers":{{NullResourceOut}}}""");
        await Pins(App.Nest, $$"""{"eggs":{{NullResourceIn}},"servers":{{NullResourceIn}}}""", $$"""{"eggs":{{NullResourceOut}},"servers":{{NullResourceOut}}}""");

        await Assert.That(user.Servers![0].Name).IsEqualTo("Survival");
        await Assert.That(node.Allocations![0].Id).IsEqualTo(new AllocationId(12));
        await Assert.That(node.Location!.Long).IsEqualTo("Frankfurt");
        await Assert.That(node.Servers!.Count).IsEqualTo(1);
        await Assert.That(location.Nodes![0].Name).IsEqualTo("de-fra-01");
        await Assert.That(location.Servers![0].Id).IsEqualTo(new ServerId(4));
        await Assert.That(nest.Eggs![0].DockerImages["Java 17"]).IsEqualTo("ghcr.io/pterodactyl/yolks:java_17");
        await Assert.That(nest.Servers!.Count).IsEqualTo(1);
        await Assert.That(allocation.Node!.Id).IsEqualTo(new NodeId(1));
        await Assert.That(allocation.Server!.Identifier.Value).IsEqualTo("1a7ce997");
        await Assert.That(unassigned.Server).IsNull();
        await Assert.That(unassigned.Relationships!.Node).IsNull();
    }

    [Test]
    public async Task Application_egg_subuser_and_database_relationships_round_trip()
    {
        const string config = """{"files":{},"startup":{"done":"ready"},"stop":"stop","logs":[]}""";
        const string script = """{"privileged":true,"install":"echo","entry":"ash","container":"alpine"}""";
        const string variable = """{"id":1,"egg_id":3,"name":"Version","env_variable":"MINECRAFT_VERSION","default_value":"latest","user_viewable":true}""";
        const string password = """{"password":"s3cret"}""";
        const string host = """{"id":1,"name":"db","host":"127.0.0.1","port":3306,"username":"root","node":1}""";

        var egg = await Pins(App.Egg,
            $$"""{"nest":{{ItemIn("nest", NestJson)}},"servers":{{ListIn(("server", ServerJson))}},"config":{"object":null,"attributes":{{config}}},"script":{"object":null,"attributes":{{script}}},"variables":{{ListIn(("egg_variable", variable))}}}""",
            $$"""{"nest":{{ItemOut("nest", Canon<Nest>(App, NestJson))}},"servers":{{ListOut(("server", Canon<ApplicationServer>(App, ServerJson)))}},"config":{"attributes":{{Canon<EggConfig>(App, config)}}},"script":{"attributes":{{Canon<EggScript>(App, script)}}},"variables":{{ListOut(("egg_variable", Canon<EggVariableDefinition>(App, variable)))}}}""");
        await Pins(App.Egg,
            $$"""{"nest":{{NullResourceIn}},"servers":{{NullResourceIn}},"config":{{NullResourceIn}},"script":{{NullResourceIn}},"variables":{{NullResourceIn}}}""",
            $$"""{"nest":{{NullResourceOut}},"servers":{{NullResourceOut}},"config":{{NullResourceOut}},"script":{{NullResourceOut}},"variables":{{NullResourceOut}}}""");
        var subuser = await Pins(App.ApplicationSubuser,
            $$"""{"user":{{ItemIn("user", UserJson)}},"server":{{ItemIn("server", ServerJson)}}}""",
            $$"""{"user":{{ItemOut("user", Canon<ApplicationUser>(App, UserJson))}},"server":{{ItemOut("server", Canon<ApplicationServer>(App, ServerJson))}}}""");
        await Pins(App.ApplicationSubuser, $$"""{"user":{{NullResourceIn}},"server":{{NullResourceIn}}}""", $$"""{"user":{{NullResourceOut}},"server":{{NullResourceOut}}}""");
        var database = await Pins(App.ApplicationDatabase,
            $$"""{"password":{{ItemIn("database_password", password)}},"host":{{ItemIn("database_host", host)}}}""",
            $$"""{"password":{{ItemOut("database_password", Canon<ApplicationDatabasePassword>(App, password))}},"host":{{ItemOut("database_host", Canon<ApplicationDatabaseHost>(App, host))}}}""");
        await Pins(App.ApplicationDatabase, $$"""{"password":{{NullResourceIn}},"host":{{NullResourceIn}}}""", $$"""{"password":{{NullResourceOut}},"host":{{NullResourceOut}}}""");

        await Assert.That(egg.Nest!.Name).IsEqualTo("Minecraft");
        await Assert.That(egg.Servers![0].Name).IsEqualTo("Survival");
        await Assert.That(egg.InheritedConfig!.Stop).IsEqualTo("stop");
        await Assert.That(egg.InheritedScript!.Entry).IsEqualTo("ash");
        await Assert.That(egg.Variables![0].UserViewable).IsTrue();
        await Assert.That(subuser.User!.Username).IsEqualTo("steve");
        await Assert.That(subuser.Server!.Id).IsEqualTo(new ServerId(4));
        await Assert.That(database.Password).IsEqualTo("s3cret");
        await Assert.That(database.Host!.Port).IsEqualTo(3306);
    }

    [Test]
    public async Task An_empty_relationships_object_and_json_nulls_read_as_absent()
    {
        var empty = await Pins(App.ApplicationServer, "{}", "{}");
        var nulls = await Pins(App.Node, """{"allocations":null,"location":null,"servers":{"object":null,"data":null}}""", """{"servers":{}}""");
        var nullItems = JsonSerializer.Deserialize("""{"relationships":{"tasks":{"object":"list","data":[{"object":null,"attributes":null}]}}}""", SchedulesJsonContext.Default.Schedule)!;

        await Assert.That(empty.Relationships).IsNotNull();
        await Assert.That(empty.User).IsNull();
        await Assert.That(nulls.Relationships!.Allocations).IsNull();
        await Assert.That(nulls.Relationships.Servers!.Data).IsNull();
        await Assert.That(nulls.Servers).IsNull();
        await Assert.That(nullItems.Relationships!.Tasks!.Data!.Count).IsEqualTo(1);
        await Assert.That(nullItems.Tasks.Count).IsEqualTo(0);
        await Assert.That(JsonSerializer.Deserialize("""{"relationships":null}""", App.Node)!.Relationships).IsNull();
    }

    [Test]
    public async Task Unknown_properties_are_skipped_at_every_level()
    {
        const string json = """
            {"relationships":{
              "transfer":{"object":"null_resource","attributes":null},
              "allocations":{"extra":[1,{"a":[]}],"object":"list","meta":{"x":1},"data":[
                {"object":"allocation","relationships":{"node":{}},"attributes":{"id":12,"ip":"203.0.113.10","port":25565,"assigned":true,"future":[null]}}]},
              "user":{"meta":null,"object":"user","attributes":{"id":7,"username":"steve"},"links":{}},
              "databases":{"object":"null_resource","attributes":null,"extra":true}}}
            """;

        var server = JsonSerializer.Deserialize(json, App.ApplicationServer)!;

        await Assert.That(server.Allocations!.Single().Port).IsEqualTo(25565);
        await Assert.That(server.User!.Username).IsEqualTo("steve");
        await Assert.That(server.Relationships!.Databases!.Object).IsEqualTo("null_resource");
        await Assert.That(server.Databases).IsNull();
    }

    [Test]
    [Arguments("""{"tasks":"list"}""")]
    [Arguments("""{"tasks":[]}""")]
    [Arguments("""{"tasks":{"object":5}}""")]
    [Arguments("""{"tasks":{"object":"list","data":{}}}""")]
    [Arguments("""{"tasks":{"object":"list","data":[5]}}""")]
    [Arguments("""{"tasks":{"object":"list","data":[{"object":"schedule_task","attributes":"x"}]}}""")]
    [Arguments("""{"tasks":{"object":"list","data":[{"object":"schedule_task","attributes":{"id":"one"}}]}}""")]
    [Arguments("""{"tasks":{"object":"list","data":[{"object":"schedule_task","attributes":{"id":1,"payload":null}}]}}""")]
    [Arguments("""[]""")]
    [Arguments("""{"tasks":{"object":"list","data":[{"object":"sched""")]
    [Arguments("""{"tasks":{"object":"list","data":[{"object":"schedule_task","attributes":{"id":1}""")]
    public async Task A_malformed_or_truncated_list_relationship_is_a_json_exception(string relationships)
    {
        var json = """{"id":1,"relationships":""" + relationships + "}";

        await Assert.That(() => JsonSerializer.Deserialize(json, SchedulesJsonContext.Default.Schedule)).Throws<JsonException>();
    }

    [Test]
    [Arguments("""{"password":"x"}""")]
    [Arguments("""{"password":[]}""")]
    [Arguments("""{"password":{"object":[]}}""")]
    [Arguments("""{"password":{"object":"database_password","attributes":[]}}""")]
    [Arguments("""{"password":{"object":"database_password","attributes":{"password":null}}}""")]
    [Arguments("""{"password":{"object":"database_password","attributes":{"password":"x"}""")]
    public async Task A_malformed_or_truncated_item_relationship_is_a_json_exception(string relationships)
    {
        var json = """{"id":"bk4b3n1z","relationships":""" + relationships + "}";

        await Assert.That(() => JsonSerializer.Deserialize(json, DatabasesJsonContext.Default.ServerDatabase)).Throws<JsonException>();
    }

    [Test]
    public async Task A_bad_relationship_in_a_response_is_a_response_exception_naming_the_relation()
    {
        const string body = """
            {"object":"list","data":[{"object":"server_schedule","attributes":{"id":1,"name":"Nightly",
              "relationships":{"tasks":{"object":"list","data":[{"object":"schedule_task","attributes":{"id":1,"sequence_id":"first"}}]}}}}],
             "meta":{"pagination":{"total":1,"count":1,"per_page":50,"current_page":1,"total_pages":1,"links":{}}}}
            """;
        using var client = Canned(body);

        var ex = await Assert.ThrowsAsync<PteroResponseException>(() => client.Schedules.ListAsync(ServerIdentifier.Parse("1a7ce997")));

        await Assert.That(ex!.Message).Contains("tasks");
        await Assert.That(ex.Message).Contains("sequence_id");
        await Assert.That(ex.InnerException).IsTypeOf<JsonException>();
    }

    [Test]
    public async Task A_relationship_is_written_with_the_writer_s_indentation_and_escaping()
    {
        var schedule = JsonSerializer.Deserialize(
            """{"relationships":{"tasks":{"object":"list","data":[{"object":"schedule_task","attributes":{"id":1,"action":"command","payload":"say <é>"}}]}}}""",
            SchedulesJsonContext.Default.Schedule)!;
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
            JsonSerializer.Serialize(writer, schedule, SchedulesJsonContext.Default.Schedule);
        var text = System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);

        await Assert.That(text).Contains("\n  \"relationships\": {\n    \"tasks\": {\n      \"object\": \"list\",\n      \"data\": [\n        {\n          \"object\": \"schedule_task\",\n          \"attributes\": {");
        await Assert.That(text).Contains("say \\u003C\\u00E9\\u003E");
    }

    // Reads an owner whose only member is the given relationships, writes it back and checks its relationships come out
    // as expected; then reads that output again and checks it writes the same (a full round trip).
    private static async Task<TOwner> Pins<TOwner>(JsonTypeInfo<TOwner> owner, string relationships, string expected)
    {
        var read = JsonSerializer.Deserialize("{\"relationships\":" + relationships + "}", owner)!;
        var written = RelationshipsOf(JsonSerializer.Serialize(read, owner));
        await Assert.That(written).IsEqualTo(expected);
        var again = JsonSerializer.Deserialize("{\"relationships\":" + written + "}", owner)!;
        await Assert.That(RelationshipsOf(JsonSerializer.Serialize(again, owner))).IsEqualTo(expected);
        return read;
    }

    private static string RelationshipsOf(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.GetProperty("relationships").GetRawText();
    }

    // The related object as its own metadata writes it (the relationship must write exactly this inside "attributes").
    private static string Canon<T>(JsonSerializerContext ctx, string json)
    {
        var info = (JsonTypeInfo<T>)ctx.GetTypeInfo(typeof(T))!;
        return JsonSerializer.Serialize(JsonSerializer.Deserialize(json, info)!, info);
    }

    private static string ItemIn(string obj, string attributes) => $$"""{"object":"{{obj}}","attributes":{{attributes}}}""";

    private static string ItemOut(string obj, string attributes) => ItemIn(obj, attributes);

    private static string ListIn(params (string Object, string Attributes)[] items)
        => $$"""{"object":"list","data":[{{string.Join(",", items.Select(i => ItemIn(i.Object, i.Attributes)))}}]}""";

    private static string ListOut(params (string Object, string Attributes)[] items) => ListIn(items);

    private static PteroClient Canned(string body)
        => new(new HttpClient(new CannedHandler(System.Text.Encoding.UTF8.GetBytes(body))), "http://panel.invalid",
            "ptlc_" + new string('k', 43), new PteroClientOptions { MaxRateLimitRetries = 0 });

    private sealed class CannedHandler(byte[] body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
        }
    }
}
