using System.Reflection;
using System.Runtime.Loader;
using PteroAot.Http;
using TUnit.Core.Interfaces;

namespace PteroAot.Generators.Tests.Infrastructure;

/// <summary>
/// A small user project compiled in memory once per session (STJ's generator and ours both run), emitted and loaded
/// into a collectible <see cref="AssemblyLoadContext"/>; tests call its static <c>Driver</c> methods.
/// </summary>
public sealed class RunFixture : IAsyncInitializer, IAsyncDisposable
{
    public const string Source = """
        using System.Linq;
        using PteroAot.Http;

        namespace RunApp;

        public sealed record Server(string Name, int Port);
        public sealed record Command(string Text, int Count);
        public sealed record KeySecret(string Token);
        public sealed record Setup(string Secret);

        [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
        [JsonSerializable(typeof(Server))]
        [JsonSerializable(typeof(Command))]
        [JsonSerializable(typeof(KeySecret))]
        [JsonSerializable(typeof(Setup))]
        internal sealed partial class RunJsonContext : JsonSerializerContext;

        [PteroApi(typeof(RunJsonContext))]
        public sealed partial class RunApi
        {
            [Get("/api/client/servers/{server}/items/{id}")]
            public partial Task<Server> GetAsync(string server, int id,
                [Query("per_page")] int? perPage = null, [Query("filter[name]")] string? name = null, [Query("flag")] bool? flag = null,
                [Query("ratio")] double? ratio = null, [Query("skip")] string? skip = null, [Query("on")] bool? on = null,
                [Header("X-Trace")] string? trace = null, [Header("X-Missing")] string? missing = null,
                CancellationToken cancellationToken = default);

            [Post("/api/client/servers/{server}/command")]
            public partial Task SendAsync(string server, [Body] Command request, CancellationToken cancellationToken = default);

            [Post("/api/client/servers/{server}/files/write")]
            public partial Task WriteAsync(string server, [Query("file")] string path, [Body(ContentType = "text/plain")] string content,
                CancellationToken cancellationToken = default);

            [Get("/api/client/servers/{server}/files/contents")]
            public partial Task<string> ReadAsync(string server, [Query("file")] string file, CancellationToken cancellationToken = default);

            [Get("/api/client/servers")]
            public partial Task<ResourceList<Server>> ListAsync([Query("page")] int? page = null, CancellationToken cancellationToken = default);

            [Get("/api/client/servers")]
            public partial IAsyncEnumerable<Server> EnumerateAsync([Query("per_page")] int? perPage = null, CancellationToken cancellationToken = default);

            [Post("/api/client/account/api-keys")]
            public partial Task<Resource<Server, KeySecret>> CreateKeyAsync([Body] Command request, CancellationToken cancellationToken = default);

            [Get("/api/client/account/two-factor")]
            [Envelope(Envelope.Data)]
            public partial Task<Setup> SetupAsync(CancellationToken cancellationToken = default);

            [Get("/api/application/nodes/deployable")]
            public partial Task<ResourceList<Server>> DeployableAsync([Query("memory")] int memory,
                [Query("location_ids[]")] IEnumerable<LocationId>? locations = null, [Query("tags[]")] string?[]? tags = null,
                [Query("on[]")] IReadOnlyList<bool>? on = null, [Query("per_page")] int? perPage = null,
                CancellationToken cancellationToken = default);
        }

        public static class Driver
        {
            public static async Task<string> Get(PteroConnection connection)
            {
                var server = await new RunApi(connection).GetAsync("a b/c", -42, perPage: 50, name: "x&y é", flag: false, ratio: -1.5, on: true, trace: "t-1");
                return $"{server.Name}:{server.Port}";
            }

            public static async Task<string> Send(PteroConnection connection)
            {
                await new RunApi(connection).SendAsync("1a2b", new Command("say hi", 2));
                return "done";
            }

            public static async Task<string> Write(PteroConnection connection)
            {
                await new RunApi(connection).WriteAsync("1a2b", "/home/a b.txt", "line1\nline2 é");
                return "done";
            }

            public static Task<string> Read(PteroConnection connection) => new RunApi(connection).ReadAsync("1a2b", "/x.txt");

            public static async Task<string> List(PteroConnection connection)
            {
                var list = await new RunApi(connection).ListAsync(page: 3);
                return string.Join(",", list.Items.Select(s => s.Name)) + $"|{list.Pagination?.CurrentPage}/{list.Pagination?.TotalPages}";
            }

            public static async Task<string> Enumerate(PteroConnection connection)
            {
                var names = new List<string>();
                await foreach (var server in new RunApi(connection).EnumerateAsync(perPage: 2))
                    names.Add(server.Name);
                return string.Join(",", names);
            }

            public static async Task<string> CreateKey(PteroConnection connection)
            {
                var created = await new RunApi(connection).CreateKeyAsync(new Command("key", 0));
                return $"{created.Attributes.Name}|{created.Meta?.Token}";
            }

            public static async Task<string> Setup(PteroConnection connection) => (await new RunApi(connection).SetupAsync()).Secret;

            public static async Task<string> Deployable(PteroConnection connection)
            {
                var list = await new RunApi(connection).DeployableAsync(-512, [new LocationId(3), new LocationId(1)], ["a&b", null, "é"], [true, false]);
                return string.Join(",", list.Items.Select(s => s.Name));
            }

            public static async Task<string> DeployableWithoutLists(PteroConnection connection)
            {
                await new RunApi(connection).DeployableAsync(0, locations: null, tags: [], perPage: 5);
                return "done";
            }

            public static string DeployableParameters() => string.Join(";", RunApi.Endpoints.Single(e => e.Name == "DeployableAsync").Parameters
                .Select(p => $"{p.Name} {p.WireName} {p.Kind}{(p.ItemKind is { } item ? "<" + item + ">" : "")}{(p.Required ? " required" : "")}"));

            public static string Endpoints() => string.Join(";", RunApi.Endpoints.Select(e => $"{e.Method} {e.Route} {e.Name}"));
        }
        """;

    private AssemblyLoadContext? _context;
    private Type? _driver;

    public Task InitializeAsync()
    {
        var output = TestCompilation.Run(TestCompilation.Create(Source));
        var problems = output.DriverDiagnostics.Concat(output.CompilationProblems).ToList();
        if (problems.Count > 0)
            throw new InvalidOperationException("The run project does not compile cleanly:\n" + output.Format(problems));

        using var image = new MemoryStream();
        var emitted = output.Compilation.Emit(image);
        if (!emitted.Success)
            throw new InvalidOperationException("Emit failed:\n" + output.Format(emitted.Diagnostics));
        image.Position = 0;
        // PteroAot, System.Text.Json and the BCL resolve to the default context, so PteroConnection is the test's own type.
        _context = new AssemblyLoadContext("PteroAot.Generators.Tests.Run", isCollectible: true);
        var assembly = _context.LoadFromStream(image);
        _driver = assembly.GetType("RunApp.Driver", throwOnError: true)!;
        return Task.CompletedTask;
    }

    /// <summary>Calls <c>Driver.<paramref name="name"/></c> over a connection whose HTTP goes to <paramref name="handler"/>.</summary>
    public async Task<string> Call(string name, RecordingHandler handler)
    {
        using var connection = new PteroConnection(new HttpClient(handler), new Uri("https://panel.example.com/"), "ptlc_TestKey123");
        var method = _driver!.GetMethod(name, BindingFlags.Public | BindingFlags.Static)
            ?? throw new MissingMethodException("RunApp.Driver", name);
        return await (Task<string>)method.Invoke(null, [connection])!;
    }

    public string Endpoints() => (string)_driver!.GetMethod("Endpoints")!.Invoke(null, null)!;

    public string DeployableParameters() => (string)_driver!.GetMethod("DeployableParameters")!.Invoke(null, null)!;

    public ValueTask DisposeAsync()
    {
        _driver = null;
        _context?.Unload();
        return ValueTask.CompletedTask;
    }
}
