using System.Runtime.CompilerServices;
using PteroAot.Generators.Tests.Infrastructure;

namespace PteroAot.Generators.Tests;

/// <summary>
/// Layer 1: the generated source of representative declarations, compared with the checked-in files in
/// <c>Baselines/</c>. Set <c>PTERO_UPDATE_BASELINES=1</c> to rewrite them instead (then review the diff).
/// </summary>
public sealed class GoldenTests
{
    private const string Models = """
        namespace Golden;

        public sealed record Account(int Id, string Username);
        public sealed record TwoFactor(string ImageUrlData, string Secret);
        public sealed record NodeConfig(string Uuid);
        public sealed record Backup(string Uuid, string Name);
        public sealed record SendCommand(string Command);
        public sealed record ApiKey(string Identifier);
        public sealed record ApiKeySecret(string SecretToken);
        public sealed record CreateApiKey(string Description);
        public sealed record ActivityEntry(string Event);

        [JsonSerializable(typeof(Account))]
        [JsonSerializable(typeof(TwoFactor))]
        [JsonSerializable(typeof(NodeConfig))]
        [JsonSerializable(typeof(Backup))]
        [JsonSerializable(typeof(SendCommand))]
        [JsonSerializable(typeof(ApiKey))]
        [JsonSerializable(typeof(ApiKeySecret))]
        [JsonSerializable(typeof(CreateApiKey))]
        [JsonSerializable(typeof(ActivityEntry))]
        internal sealed partial class GoldenJsonContext : JsonSerializerContext;
        """;

    [Test]
    public Task Simple_responses() => Verify("Golden.SimpleApi.g.cs", """
        namespace Golden;

        /// <summary>Single objects, text and nothing.</summary>
        [PteroApi(typeof(GoldenJsonContext))]
        public sealed partial class SimpleApi
        {
            [Get("/api/client/account")]
            public partial Task<Account> GetAsync(CancellationToken cancellationToken = default);

            [Get("/api/client/account/two-factor")]
            [Envelope(Envelope.Data)]
            public partial Task<TwoFactor> GetTwoFactorAsync(CancellationToken cancellationToken = default);

            [Get("/api/application/nodes/{node}/configuration")]
            [Envelope(Envelope.None)]
            public partial Task<NodeConfig> GetConfigurationAsync(int node, CancellationToken cancellationToken = default);

            [Get("/api/client/servers/{server}/files/contents")]
            public partial Task<string> ReadFileAsync(string server, [Query("file")] string file, CancellationToken cancellationToken = default);

            [Delete("/api/client/account/api-keys/{identifier}")]
            public partial Task DeleteApiKeyAsync(string identifier, CancellationToken cancellationToken = default);
        }
        """);

    [Test]
    public Task Route_query_header_and_bodies() => Verify("Golden.ServerApi.g.cs", """
        namespace Golden;

        /// <summary>Placeholders, query values, headers, JSON and text bodies, and parameters named like generated locals.</summary>
        [PteroApi(typeof(GoldenJsonContext))]
        public sealed partial class ServerApi
        {
            [Get("/api/client/servers/{server}/backups/{id}")]
            public partial Task<Backup> GetBackupAsync(
                string server,
                int id,
                [Query("per_page")] int? perPage = null,
                [Query("filter[name]")] string? name = null,
                [Query("include_deleted")] bool? includeDeleted = null,
                [Query("event")] string? @event = null,
                [Header("X-Request-Id")] string? requestId = null,
                CancellationToken cancellationToken = default);

            [Post("/api/client/servers/{server}/command")]
            public partial Task SendCommandAsync(string server, [Body] SendCommand request, CancellationToken cancellationToken = default);

            [Post("/api/client/servers/{server}/files/write")]
            public partial Task WriteFileAsync(string server, [Query("file")] string path, [Body(ContentType = "text/plain")] string content,
                CancellationToken cancellationToken = default);

            [Patch("/api/application/servers/{id}/details")]
            public partial Task<Backup> UpdateAsync(
                [Path("id")] long serverId,
                [Query("since")] DateTimeOffset? since,
                [Query("response")] Guid? response,
                [Header("X-Count")] int count,
                [Header("X-Dry-Run")] bool dryRun,
                [Body] SendCommand? body,
                CancellationToken cancellationToken = default);
        }
        """);

    [Test]
    public Task Lists_resources_and_paging() => Verify("Golden.ListApi.g.cs", """
        namespace Golden;

        /// <summary>One page, an item with meta, and every page.</summary>
        [PteroApi(typeof(GoldenJsonContext))]
        internal sealed partial class ListApi
        {
            [Get("/api/client/account/activity")]
            public partial Task<ResourceList<ActivityEntry>> ListActivityAsync(
                [Query("page")] int? page = null,
                [Query("per_page")] int? perPage = null,
                [Query("sort")] string? sort = null,
                CancellationToken cancellationToken = default);

            [Get("/api/client/account/activity")]
            public partial IAsyncEnumerable<ActivityEntry> EnumerateActivityAsync(
                [Query("per_page")] int? perPage = null,
                [Query("filter[item]")] string? item = null,
                CancellationToken token = default);

            [Post("/api/client/account/api-keys")]
            public partial Task<Resource<ApiKey, ApiKeySecret>> CreateApiKeyAsync([Body] CreateApiKey request, CancellationToken cancellationToken = default);
        }
        """);

    [Test]
    public Task Repeated_and_required_query_values() => Verify("Golden.QueryApi.g.cs", """
        namespace Golden;

        /// <summary>Required value-type query values (always written) and repeated ones (one pair per element).</summary>
        [PteroApi(typeof(GoldenJsonContext))]
        public sealed partial class QueryApi
        {
            [Get("/api/application/nodes/deployable")]
            public partial Task<ResourceList<NodeConfig>> ListDeployableAsync(
                [Query("memory")] int memory,
                [Query("disk")] long disk,
                [Query("location_ids[]")] IEnumerable<LocationId>? locations = null,
                [Query("page")] int? page = null,
                CancellationToken cancellationToken = default);

            [Get("/api/application/things")]
            public partial Task<ResourceList<NodeConfig>> ListThingsAsync(
                [Query("ids[]")] int[] ids,
                [Query("names[]")] IReadOnlyList<string>? names,
                [Query("flags[]")] List<bool>? flags,
                [Query("servers[]")] IEnumerable<ServerIdentifier>? servers,
                [Query("at")] DateTimeOffset at,
                [Query("strict")] bool strict,
                CancellationToken cancellationToken = default);
        }
        """);

    [Test]
    public Task Nested_class() => Verify("Golden.Outer.Middle_T_.InnerApi.g.cs", """
        namespace Golden;

        public static partial class Outer
        {
            public partial class Middle<T>
            {
                /// <summary>An API class inside two containing types.</summary>
                [PteroApi(typeof(GoldenJsonContext))]
                internal sealed partial class InnerApi
                {
                    [Put("/api/client/servers/{server}/settings/rename")]
                    internal partial Task RenameAsync(string server, [Body] SendCommand request, CancellationToken cancellationToken = default);

                    [Get("/api/client/account")]
                    private partial Task<Account> GetAsync(CancellationToken cancellationToken);

                    public Task<Account> CallPrivateAsync() => GetAsync(CancellationToken.None);
                }
            }
        }
        """);

    private static async Task Verify(string hintName, string source, [CallerFilePath] string testFile = "")
    {
        var output = TestCompilation.Run(TestCompilation.Create(Models, source));
        await Assert.That(output.Format(output.DriverDiagnostics)).IsEqualTo("");

        await Assert.That(output.Format(output.CompilationProblems)).IsEqualTo("");
        var ours = output.Sources.Select(s => s.HintName).ToArray();
        await Assert.That(ours).IsEquivalentTo([hintName]);
        var actual = output.Sources[0].SourceText.ToString();

        var baseline = Path.Combine(Path.GetDirectoryName(testFile)!, "Baselines", hintName + ".txt");
        if (Environment.GetEnvironmentVariable("PTERO_UPDATE_BASELINES") == "1")
        {
            await File.WriteAllTextAsync(baseline, actual);
            return;
        }
        await Assert.That(File.Exists(baseline)).IsTrue().Because($"{baseline} is missing; run with PTERO_UPDATE_BASELINES=1 to write it");
        var expected = (await File.ReadAllTextAsync(baseline)).ReplaceLineEndings("\n");
        await Assert.That(actual).IsEqualTo(expected);
    }
}
