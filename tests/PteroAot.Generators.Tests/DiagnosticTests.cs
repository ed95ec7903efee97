using PteroAot.Generators.Tests.Infrastructure;

namespace PteroAot.Generators.Tests;

/// <summary>Layer 2: one test per descriptor, pinning the ID, the exact message and the span it points at.</summary>
public sealed class DiagnosticTests
{
    [Test]
    public Task PTERO001_class_not_partial() => DiagnosticAssert.Verify("""
        namespace TestApp;

        [PteroApi(typeof(Ctx))]
        public sealed class {|PTERO001:Api|}
        {
        }
        """,
        "Type 'Api' must be declared 'partial' so that the generator can implement its endpoints; add the 'partial' modifier");

    [Test]
    public Task PTERO001_containing_type_not_partial() => DiagnosticAssert.Verify("""
        namespace TestApp;

        public static class {|PTERO001:Outer|}
        {
            [PteroApi(typeof(Ctx))]
            public sealed partial class Api
            {
            }
        }
        """,
        "Type 'Outer' must be declared 'partial' so that the generator can implement its endpoints; add the 'partial' modifier");

    [Test]
    public Task PTERO002_method_not_partial() => DiagnosticAssert.Verify("""
        namespace TestApp;

        [PteroApi(typeof(Ctx))]
        public sealed partial class Api
        {
            [Get("/items")]
            public Task<string> {|PTERO002:List|}(CancellationToken cancellationToken = default) => Task.FromResult("");
        }
        """,
        "Endpoint method 'List' must be a non-static partial method without a body; declare it as 'public partial Task<...> List(...);'");

    [Test]
    public Task PTERO003_placeholder_without_parameter() => DiagnosticAssert.Verify("""
        namespace TestApp;

        [PteroApi(typeof(Ctx))]
        public sealed partial class Api
        {
            [{|PTERO003:Get("/servers/{server}")|}]
            public partial Task<Item> GetAsync(CancellationToken cancellationToken = default);
        }
        """,
        "Route placeholder '{server}' of 'GetAsync' has no parameter; add a parameter named 'server' or mark one with [Path(\"server\")]");

    [Test]
    public Task PTERO004_parameter_matches_nothing() => DiagnosticAssert.Verify("""
        namespace TestApp;

        [PteroApi(typeof(Ctx))]
        public sealed partial class Api
        {
            [Get("/servers/{server}")]
            public partial Task<Item> GetAsync(string server, int {|PTERO004:other|}, CancellationToken cancellationToken = default);

            [Get("/nodes/{node}")]
            public partial Task<Item> GetNodeAsync([Path("node")] string node, [Path("missing")] string {|PTERO004:id|}, CancellationToken cancellationToken = default);
        }
        """,
        "Parameter 'other' of 'GetAsync' matches no route placeholder; add '{other}' to the route, or mark it [Query(\"name\")], [Header(\"name\")] or [Body]",
        "Parameter 'id' of 'GetNodeAsync' matches no route placeholder; add '{id}' to the route, or mark it [Query(\"name\")], [Header(\"name\")] or [Body]");

    [Test]
    public Task PTERO005_type_not_registered() => DiagnosticAssert.Verify("""
        namespace TestApp;

        [PteroApi(typeof(Ctx))]
        public sealed partial class Api
        {
            [Get("/items/{id}")]
            public partial {|PTERO005:Task<Unregistered>|} GetAsync(int id, CancellationToken cancellationToken = default);

            [Post("/items")]
            public partial Task CreateAsync([Body] Unregistered {|PTERO005:request|}, CancellationToken cancellationToken = default);

            [Post("/keys")]
            public partial {|PTERO005:Task<Resource<Item, Unregistered>>|} CreateKeyAsync([Body] CreateItem request, CancellationToken cancellationToken = default);
        }
        """,
        "Type 'Unregistered' used by 'GetAsync' is not registered on 'Ctx'; add [JsonSerializable(typeof(Unregistered))] to 'Ctx'",
        "Type 'Unregistered' used by 'CreateAsync' is not registered on 'Ctx'; add [JsonSerializable(typeof(Unregistered))] to 'Ctx'",
        "Type 'Unregistered' used by 'CreateKeyAsync' is not registered on 'Ctx'; add [JsonSerializable(typeof(Unregistered))] to 'Ctx'");

    [Test]
    public Task PTERO014_response_type_generated_for_serialization_only() => DiagnosticAssert.Verify("""
        namespace TestApp;

        public sealed record Written(string Name);
        public sealed record Read(string Name);

        [JsonSerializable(typeof(Item))]
        [JsonSerializable(typeof(Written), GenerationMode = JsonSourceGenerationMode.Serialization)]
        internal sealed partial class WriteCtx : JsonSerializerContext;

        // Serialization as the context's default; a root can still ask for metadata.
        [JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Serialization)]
        [JsonSerializable(typeof(Written))]
        [JsonSerializable(typeof(Read), GenerationMode = JsonSourceGenerationMode.Metadata)]
        internal sealed partial class WriteOnlyCtx : JsonSerializerContext;

        [PteroApi(typeof(WriteCtx))]
        public sealed partial class Api
        {
            [Get("/written/{id}")]
            public partial {|PTERO014:Task<Written>|} GetAsync(int id, CancellationToken cancellationToken = default);

            // A body is only written: serialization-only metadata is enough.
            [Post("/written")]
            public partial Task<Item> CreateAsync([Body] Written request, CancellationToken cancellationToken = default);
        }

        [PteroApi(typeof(WriteOnlyCtx))]
        public sealed partial class OtherApi
        {
            [Get("/written")]
            public partial {|PTERO014:Task<ResourceList<Written>>|} ListAsync(CancellationToken cancellationToken = default);

            [Get("/read")]
            public partial Task<Read> GetAsync(CancellationToken cancellationToken = default);
        }
        """,
        "Type 'Written' returned by 'GetAsync' is registered on 'WriteCtx' with GenerationMode = Serialization, which cannot read it; register it with Metadata or Default (Serialization suits request bodies only)",
        "Type 'Written' returned by 'ListAsync' is registered on 'WriteOnlyCtx' with GenerationMode = Serialization, which cannot read it; register it with Metadata or Default (Serialization suits request bodies only)");

    [Test]
    public Task PTERO006_duplicate_endpoint_within_a_class() => DiagnosticAssert.Verify("""
        namespace TestApp;

        [PteroApi(typeof(Ctx))]
        public sealed partial class Api
        {
            [Get("/items/{id}")]
            public partial Task<Item> GetAsync(int id, CancellationToken cancellationToken = default);

            [Get("/items/{name}/")]
            public partial Task<Item> {|PTERO006:GetByNameAsync|}(string name, CancellationToken cancellationToken = default);

            // A one-page list and its all-pages walk share a route on purpose: no diagnostic.
            [Get("/items")]
            public partial Task<ResourceList<Item>> ListAsync(CancellationToken cancellationToken = default);

            [Get("/items")]
            public partial IAsyncEnumerable<Item> EnumerateAsync(CancellationToken cancellationToken = default);
        }
        """,
        "'GetByNameAsync' declares GET /items/{name}/, which 'GetAsync' already declares; remove one of them");

    [Test]
    public Task PTERO006_duplicate_endpoint_across_classes() => DiagnosticAssert.Verify(
        [
            """
            namespace TestApp;

            [PteroApi(typeof(Ctx))]
            public sealed partial class BetaApi
            {
                [Delete("/items/{name}")]
                public partial Task {|PTERO006:DeleteAsync|}(string name, CancellationToken cancellationToken = default);

                [Get("/items/{name}")]
                public partial Task<Item> GetAsync(string name, CancellationToken cancellationToken = default);
            }
            """,
            """
            namespace TestApp;

            [PteroApi(typeof(Ctx))]
            public sealed partial class AlphaApi
            {
                [Delete("/items/{id}")]
                public partial Task RemoveAsync(int id, CancellationToken cancellationToken = default);

                [Post("/items/{id}")]
                public partial Task<Item> PostAsync(int id, CancellationToken cancellationToken = default);
            }
            """,
        ],
        "'TestApp.BetaApi.DeleteAsync' declares DELETE /items/{name}, which 'TestApp.AlphaApi.RemoveAsync' already declares; remove one of them");

    [Test]
    public Task PTERO007_missing_cancellation_token() => DiagnosticAssert.Verify("""
        namespace TestApp;

        [PteroApi(typeof(Ctx))]
        public sealed partial class Api
        {
            [Get("/items/{id}")]
            public partial Task<Item> {|PTERO007:GetAsync|}(int id);
        }
        """,
        "Endpoint method 'GetAsync' must take a CancellationToken; add 'CancellationToken cancellationToken = default' as its last parameter");

    [Test]
    public Task PTERO008_unsupported_return_type() => DiagnosticAssert.Verify("""
        namespace TestApp;

        [PteroApi(typeof(Ctx))]
        public sealed partial class Api
        {
            [Get("/items/{id}")]
            public partial ValueTask<Item> {|PTERO008:GetAsync|}(int id, CancellationToken cancellationToken = default);

            [Post("/items")]
            public partial IAsyncEnumerable<Item> {|PTERO008:CreateManyAsync|}(CancellationToken cancellationToken = default);
        }
        """,
        "Endpoint method 'GetAsync' returns 'System.Threading.Tasks.ValueTask<TestApp.Item>', which the generator cannot produce; return Task, Task<string>, Task<T>, Task<ResourceList<T>>, Task<ResourceList<T, TMeta>>, Task<Resource<T, TMeta>> or IAsyncEnumerable<T> (GET only)",
        "Endpoint method 'CreateManyAsync' returns 'System.Collections.Generic.IAsyncEnumerable<TestApp.Item>', which the generator cannot produce; return Task, Task<string>, Task<T>, Task<ResourceList<T>>, Task<ResourceList<T, TMeta>>, Task<Resource<T, TMeta>> or IAsyncEnumerable<T> (GET only)");

    [Test]
    public Task PTERO009_unformattable_parameter() => DiagnosticAssert.Verify("""
        namespace TestApp;

        [PteroApi(typeof(Ctx))]
        public sealed partial class Api
        {
            [Get("/items")]
            public partial Task<ResourceList<Item>> ListAsync([Query("kind")] Kind? {|PTERO009:kind|} = null, CancellationToken cancellationToken = default);

            [Get("/items/{flag}")]
            public partial Task<Item> GetAsync(bool {|PTERO009:flag|}, [Header("X-Tag")] object {|PTERO009:tag|}, CancellationToken cancellationToken = default);
        }
        """,
        "Parameter 'kind' of 'ListAsync' has type 'Kind?', which cannot be written into a URL or header without reflection; use string, a number, bool, Guid, DateTimeOffset or a type implementing IFormattable (enums: pass their wire string)",
        "Parameter 'flag' of 'GetAsync' has type 'bool', which cannot be written into a URL or header without reflection; use string, a number, bool, Guid, DateTimeOffset or a type implementing IFormattable (enums: pass their wire string)",
        "Parameter 'tag' of 'GetAsync' has type 'object', which cannot be written into a URL or header without reflection; use string, a number, bool, Guid, DateTimeOffset or a type implementing IFormattable (enums: pass their wire string)");

    [Test]
    public Task PTERO010_invalid_json_context() => DiagnosticAssert.Verify("""
        namespace TestApp;

        [{|PTERO010:PteroApi(typeof(Item))|}]
        public sealed partial class Api
        {
        }
        """,
        "'Item' given to [PteroApi] is not a JsonSerializerContext; pass a hand-declared 'partial class MyJsonContext : JsonSerializerContext' with [JsonSerializable] roots");

    [Test]
    public Task PTERO011_invalid_body() => DiagnosticAssert.Verify("""
        namespace TestApp;

        [PteroApi(typeof(Ctx))]
        public sealed partial class Api
        {
            [Get("/items")]
            public partial Task<Item> {|PTERO011:GetAsync|}([Body] CreateItem request, CancellationToken cancellationToken = default);

            [Post("/items")]
            public partial Task<Item> {|PTERO011:CreateAsync|}([Body] CreateItem first, [Body(ContentType = "text/plain")] string second, CancellationToken cancellationToken = default);
        }
        """,
        "Endpoint method 'GetAsync' is a GET with a [Body] parameter; an endpoint has at most one [Body] parameter, and GET sends none",
        "Endpoint method 'CreateAsync' has more than one [Body] parameter; an endpoint has at most one [Body] parameter, and GET sends none");

    [Test]
    public Task PTERO012_invalid_route() => DiagnosticAssert.Verify("""
        namespace TestApp;

        [PteroApi(typeof(Ctx))]
        public sealed partial class Api
        {
            [{|PTERO012:Get("items")|}]
            public partial Task<Item> GetAsync(CancellationToken cancellationToken = default);

            [{|PTERO012:Get("/items/{id")|}]
            public partial Task<Item> GetOneAsync(int id, CancellationToken cancellationToken = default);

            [{|PTERO012:Delete("/items/{}")|}]
            public partial Task DeleteAsync(CancellationToken cancellationToken = default);
        }
        """,
        "Route 'items' of 'GetAsync' is not a valid template; it must start with '/' and use balanced, non-empty '{name}' placeholders",
        "Route '/items/{id' of 'GetOneAsync' is not a valid template; it must start with '/' and use balanced, non-empty '{name}' placeholders",
        "Route '/items/{}' of 'DeleteAsync' is not a valid template; it must start with '/' and use balanced, non-empty '{name}' placeholders");

    [Test]
    public Task PTERO013_unsupported_query_element() => DiagnosticAssert.Verify("""
        namespace TestApp;

        [PteroApi(typeof(Ctx))]
        public sealed partial class Api
        {
            [Get("/items")]
            public partial Task<ResourceList<Item>> ListAsync(
                [Query("kinds[]")] IEnumerable<Kind>? {|PTERO013:kinds|} = null,
                [Query("ids[]")] int?[]? {|PTERO013:ids|} = null,
                [Query("since[]")] IReadOnlyList<DateTimeOffset>? {|PTERO013:since|} = null,
                [Query("items[]")] List<Item>? {|PTERO013:items|} = null,
                CancellationToken cancellationToken = default);

            // A collection is a query-only shape: as a header it stays PTERO009.
            [Get("/things")]
            public partial Task<ResourceList<Item>> ListThingsAsync([Header("X-Ids")] int[] {|PTERO009:ids|}, CancellationToken cancellationToken = default);
        }
        """,
        "Query parameter 'kinds' of 'ListAsync' is a collection of 'Kind', which cannot be written as repeated 'name=value' pairs; use IEnumerable<T>, IReadOnlyList<T> or T[] where T is string, bool, a number, Guid or an id type such as LocationId (not nullable, not an enum, not a date)",
        "Query parameter 'ids' of 'ListAsync' is a collection of 'int?', which cannot be written as repeated 'name=value' pairs; use IEnumerable<T>, IReadOnlyList<T> or T[] where T is string, bool, a number, Guid or an id type such as LocationId (not nullable, not an enum, not a date)",
        "Query parameter 'since' of 'ListAsync' is a collection of 'DateTimeOffset', which cannot be written as repeated 'name=value' pairs; use IEnumerable<T>, IReadOnlyList<T> or T[] where T is string, bool, a number, Guid or an id type such as LocationId (not nullable, not an enum, not a date)",
        "Query parameter 'items' of 'ListAsync' is a collection of 'Item', which cannot be written as repeated 'name=value' pairs; use IEnumerable<T>, IReadOnlyList<T> or T[] where T is string, bool, a number, Guid or an id type such as LocationId (not nullable, not an enum, not a date)",
        "Parameter 'ids' of 'ListThingsAsync' has type 'int[]', which cannot be written into a URL or header without reflection; use string, a number, bool, Guid, DateTimeOffset or a type implementing IFormattable (enums: pass their wire string)");

    [Test]
    public async Task Every_descriptor_can_be_reported()
    {
        // DiagnosticInfo finds the descriptor by id when it reports; a descriptor missing from its table would throw.
        var descriptors = typeof(PteroAot.Generators.Diagnostics.DiagnosticDescriptors)
            .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Select(f => (Microsoft.CodeAnalysis.DiagnosticDescriptor)f.GetValue(null)!)
            .ToList();
        foreach (var descriptor in descriptors)
        {
            var arguments = Enumerable.Range(0, 4).Select(i => "a" + i).ToArray();
            var reported = PteroAot.Generators.Diagnostics.DiagnosticInfo.Create(descriptor, null, arguments).ToDiagnostic();
            await Assert.That(reported.Id).IsEqualTo(descriptor.Id);
        }
        await Assert.That(descriptors.Select(d => d.Id).Distinct().Count()).IsEqualTo(descriptors.Count);
    }

    [Test]
    public async Task Valid_declaration_reports_nothing_and_compiles()
    {
        var compilation = TestCompilation.Create(DiagnosticAssert.Models, """
            namespace TestApp;

            [PteroApi(typeof(Ctx))]
            public sealed partial class Api
            {
                [Get("/servers/{server}/items/{id}")]
                public partial Task<Item> GetAsync(string server, int id, [Query("include")] string? include = null, CancellationToken cancellationToken = default);

                [Get("/items")]
                public partial Task<ResourceList<Item>> ListAsync([Query("page")] int? page = null, CancellationToken cancellationToken = default);

                [Get("/items")]
                public partial IAsyncEnumerable<Item> EnumerateAsync(CancellationToken cancellationToken = default);

                [Post("/items")]
                public partial Task<Resource<Item, Meta>> CreateAsync([Body] CreateItem request, CancellationToken cancellationToken = default);

                [Delete("/items/{id}")]
                public partial Task DeleteAsync([Path("id")] long identifier, [Header("X-Reason")] string? reason = null, CancellationToken cancellationToken = default);
            }
            """);
        var output = TestCompilation.Run(compilation);
        await Assert.That(output.Format(output.DriverDiagnostics)).IsEqualTo("");
        await Assert.That(output.Sources.Select(s => s.HintName).ToArray()).IsEquivalentTo(["TestApp.Api.g.cs"]);
        await Assert.That(output.Format(output.CompilationProblems)).IsEqualTo("");
    }
}
