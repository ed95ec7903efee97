using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using PteroAot.Account;
using PteroAot.Backups;
using PteroAot.Http;
using PteroAot.Json;
using PteroAot.Servers;
using PteroAot.Tests.Support;

namespace PteroAot.Tests.Runtime;

/// <summary>
/// The list and item envelope readers (<see cref="PteroResponse"/>) on the shapes the panel sends and on the ones it
/// should not: every failure is a <see cref="PteroResponseException"/> saying what was wrong.
/// </summary>
public class EnvelopeReadingTests
{
    private static readonly EndpointInfo Endpoint = new("GET", "/api/client/account/api-keys", "list");

    private const string Key = """{"identifier":"ptlc_Kq8Zr2Lw9Tx","description":"a","allowed_ips":["10.0.0.1"],"last_used_at":null,"created_at":"2024-01-01T00:00:00+00:00"}""";
    private const string Pagination = """{"pagination":{"total":7,"count":2,"per_page":2,"current_page":3,"total_pages":4,"links":{"previous":"x"}}}""";
    private const string BackupJson = """{"uuid":"904df120-a66f-4375-a4a4-1f7a0bd04b55","is_successful":true,"is_locked":false,"name":"b","ignored_files":[],"checksum":null,"bytes":0,"created_at":"2024-01-01T00:00:00+00:00","completed_at":null}""";

    private static string Entry(string attributes = Key) => $$"""{"object":"api_key","attributes":{{attributes}}}""";

    private static string List(params string[] entries) => $$"""{"object":"list","data":[{{string.Join(",", entries)}}],"meta":{{Pagination}}}""";

    [Test]
    public async Task A_list_reads_its_items_in_order_and_the_pagination()
    {
        var second = Key.Replace("ptlc_Kq8Zr2Lw9Tx", "ptlc_Second00000", StringComparison.Ordinal);

        var list = await ReadList(List(Entry(), Entry(second)));

        await Assert.That(list.Items.Select(k => k.Identifier)).IsEquivalentTo(["ptlc_Kq8Zr2Lw9Tx", "ptlc_Second00000"]);
        await Assert.That(list.Items[0].AllowedIps).IsEquivalentTo(["10.0.0.1"]);
        await Assert.That(list.Pagination!.Total).IsEqualTo(7);
        await Assert.That(list.Pagination.Count).IsEqualTo(2);
        await Assert.That(list.Pagination.PerPage).IsEqualTo(2);
        await Assert.That(list.Pagination.CurrentPage).IsEqualTo(3);
        await Assert.That(list.Pagination.TotalPages).IsEqualTo(4);
    }

    [Test]
    public async Task A_list_skips_unknown_properties_in_any_order_around_the_entries()
    {
        var body = $$"""{"meta":{{Pagination}},"extra":{"a":[1,{"b":2}]},"data":[{"attributes":{{Key}},"object":"api_key","more":[[],{}]},{{Entry()}}],"object":"list"}""";

        var list = await ReadList(body);

        await Assert.That(list.Items.Count).IsEqualTo(2);
        await Assert.That(list.Items.All(k => k.Identifier == "ptlc_Kq8Zr2Lw9Tx")).IsTrue();
        await Assert.That(list.Pagination!.Total).IsEqualTo(7);
    }

    [Test]
    public async Task A_page_of_servers_reads_every_server()
    {
        var source = JsonDocument.Parse(File.ReadAllBytes(RepoPaths.Spec("fixtures", "client", "servers-list.json"))).RootElement.GetProperty("data");
        var entries = Enumerable.Range(0, 60).Select(i => source[i % source.GetArrayLength()].GetRawText()).ToArray();
        var body = System.Text.Encoding.UTF8.GetBytes(List(entries));

        var list = await PteroResponse.ReadListAsync(Response(body), ServersJsonContext.Default.Server, Endpoint, default);

        await Assert.That(list.Items.Count).IsEqualTo(60);
        for (int i = 0; i < 60; i++)
            await Assert.That(list.Items[i].Identifier.Value).IsEqualTo(source[i % source.GetArrayLength()].GetProperty("attributes").GetProperty("identifier").GetString());
    }

    [Test]
    public async Task An_empty_page_reads_with_its_pagination()
    {
        var list = await ReadList(List());

        await Assert.That(list.Items.Count).IsEqualTo(0);
        await Assert.That(list.Pagination!.Total).IsEqualTo(7);
    }

    [Test]
    public async Task A_list_whose_meta_is_an_empty_array_or_missing_has_no_pagination()
    {
        var emptyMeta = await ReadList($$"""{"object":"list","data":[{{Entry()}}],"meta":[]}""");
        var noMeta = await ReadList($$"""{"object":"list","data":[{{Entry()}}]}""");
        var emptyBoth = await ReadList("""{"object":"list","data":[],"meta":[]}""");

        await Assert.That(emptyMeta.Items.Count).IsEqualTo(1);
        await Assert.That(emptyMeta.Pagination).IsNull();
        await Assert.That(noMeta.Items.Count).IsEqualTo(1);
        await Assert.That(noMeta.Pagination).IsNull();
        await Assert.That(emptyBoth.Items.Count).IsEqualTo(0);
    }

    [Test]
    [Arguments("[]", "expected a JSON object at the top level")]
    [Arguments("""{"object":"list"}""", "has no \"data\" array")]
    [Arguments("""{"object":"list","data":{}}""", "expected \"data\" to be an array")]
    [Arguments("""{"object":"list","data":null}""", "expected \"data\" to be an array")]
    [Arguments("""{"object":"list","data":[1]}""", "expected each \"data\" entry to be an {\"object\", \"attributes\"} envelope")]
    [Arguments("""{"object":"list","data":[[]]}""", "expected each \"data\" entry to be an {\"object\", \"attributes\"} envelope")]
    [Arguments("""{"object":"list","data":[{"object":"api_key"}]}""", "a \"data\" entry has no attributes")]
    [Arguments("""{"object":"list","data":[{"object":"api_key","attributes":null}]}""", "a \"data\" entry has no attributes")]
    public async Task A_body_that_is_not_a_list_envelope_says_what_is_wrong(string body, string expected)
    {
        var ex = await Assert.ThrowsAsync<PteroResponseException>(() => ReadList(body));

        await Assert.That(ex!.Message).StartsWith("GET /api/client/account/api-keys: ");
        await Assert.That(ex.Message).Contains(expected);
    }

    [Test]
    public async Task A_bad_entry_after_good_ones_is_found()
    {
        var notObject = await Assert.ThrowsAsync<PteroResponseException>(() => ReadList(List(Entry(), Entry(), "5")));
        var noAttributes = await Assert.ThrowsAsync<PteroResponseException>(() => ReadList(List(Entry(), """{"object":"api_key"}""")));

        await Assert.That(notObject!.Message).Contains("expected each \"data\" entry");
        await Assert.That(noAttributes!.Message).Contains("a \"data\" entry has no attributes");
    }

    [Test]
    [Arguments("""{"identifier":"x","description":7}""", "$.data[1].attributes.description", "could not be converted to System.String")]
    [Arguments("""{"identifier":"x","allowed_ips":"no"}""", "$.data[1].attributes.allowed_ips", "could not be converted")]
    [Arguments("""{"identifier":"x","allowed_ips":[1]}""", "$.data[1].attributes.allowed_ips[0]", "could not be converted to System.String")]
    [Arguments("5", "$.data[1].attributes", "could not be converted to PteroAot.Account.ApiKey")]
    [Arguments("[]", "$.data[1].attributes", "could not be converted to PteroAot.Account.ApiKey")]
    public async Task A_wrong_value_inside_an_entry_names_the_entry_and_the_field(string attributes, string path, string reason)
    {
        var ex = await Assert.ThrowsAsync<PteroResponseException>(() => ReadList(List(Entry(), Entry(attributes))));

        // The path is the body's own, not the one relative to the attributes the serializer reports.
        await Assert.That(ex!.Message).Contains($"not the JSON this endpoint returns at {path} (");
        await Assert.That(ex.Message).Contains(reason);
        await Assert.That(ex.Message).EndsWith($"Path: {path}.");
        await Assert.That(((JsonException)ex.InnerException!).Path).IsEqualTo(path);
    }

    [Test]
    public async Task An_item_info_its_options_do_not_resolve_to_reads_through_the_serializer()
    {
        // A JsonTypeInfo the resolver made for other options: the converter's own Read would look the type up in the
        // options and read with another info, so the reader deserializes it instead; same results, same errors.
        var options = new JsonSerializerOptions(PteroJsonContext.Default.Options);
        var info = (System.Text.Json.Serialization.Metadata.JsonTypeInfo<ApiKey>)((System.Text.Json.Serialization.Metadata.IJsonTypeInfoResolver)PteroJsonContext.Default)
            .GetTypeInfo(typeof(ApiKey), options)!;
        async Task<ResourceList<ApiKey>> Read(string body)
            => await PteroResponse.ReadListAsync(Response(System.Text.Encoding.UTF8.GetBytes(body)), info, Endpoint, default);

        var list = await Read(List(Entry(), Entry()));
        var ex = await Assert.ThrowsAsync<PteroResponseException>(() => Read(List(Entry(), Entry("""{"identifier":"x","description":7}"""))));

        await Assert.That(list.Items.Count).IsEqualTo(2);
        await Assert.That(list.Items[1].AllowedIps).IsEquivalentTo(["10.0.0.1"]);
        await Assert.That(ex!.Message).Contains("at $.data[1].attributes.description (");
    }

    [Test]
    public async Task A_wrong_id_inside_an_entry_names_the_entry_and_the_field()
    {
        var bad = BackupJson.Replace("904df120-a66f-4375-a4a4-1f7a0bd04b55", "not-a-uuid", StringComparison.Ordinal);
        var body = $$"""{"object":"list","data":[{"object":"backup","attributes":{{BackupJson}}},{"object":"backup","attributes":{{bad}}}]}""";

        var ex = await Assert.ThrowsAsync<PteroResponseException>(() => ReadBackups(body));

        await Assert.That(ex!.Message).Contains("at $.data[1].attributes.uuid (");
        await Assert.That(ex.Message).Contains("not-a-uuid");
    }

    [Test]
    public async Task A_list_truncated_anywhere_is_a_response_exception()
    {
        var body = List(Entry(), Entry());
        foreach (var length in new[] { 30, 60, body.IndexOf("},{", StringComparison.Ordinal) + 1, body.IndexOf("\"meta\"", StringComparison.Ordinal) + 10, body.Length - 1 })
        {
            var ex = await Assert.ThrowsAsync<PteroResponseException>(() => ReadList(body[..length]));

            await Assert.That(ex!.Message).Contains("truncated or of another shape");
        }
    }

    [Test]
    public async Task A_list_with_a_wrong_pagination_is_a_response_exception()
    {
        var ex = await Assert.ThrowsAsync<PteroResponseException>(() => ReadList("""{"object":"list","data":[""" + Entry() + """],"meta":{"pagination":{"total":"x"}}}"""));

        await Assert.That(ex!.Message).Contains("$.total");
    }

    [Test]
    public async Task A_list_with_typed_meta_reads_the_meta_and_the_pagination_in_either_order()
    {
        var metaFirst = await ReadBackups("""{"object":"list","data":[{"object":"backup","attributes":""" + BackupJson
            + """}],"meta":{"backup_count":3,"pagination":{"total":1,"count":1,"per_page":20,"current_page":1,"total_pages":1}}}""");
        var paginationFirst = await ReadBackups("""{"object":"list","data":[],"meta":{"pagination":{"total":0,"count":0,"per_page":20,"current_page":1,"total_pages":1,"links":{}},"backup_count":2}}""");
        var emptyMeta = await ReadBackups("""{"object":"list","data":[],"meta":[]}""");

        await Assert.That(metaFirst.Items.Single().Name).IsEqualTo("b");
        await Assert.That(metaFirst.Meta!.BackupCount).IsEqualTo(3);
        await Assert.That(metaFirst.Pagination!.PerPage).IsEqualTo(20);
        await Assert.That(paginationFirst.Items.Count).IsEqualTo(0);
        await Assert.That(paginationFirst.Meta!.BackupCount).IsEqualTo(2);
        await Assert.That(paginationFirst.Pagination!.Total).IsEqualTo(0);
        await Assert.That(emptyMeta.Meta).IsNull();
        await Assert.That(emptyMeta.Pagination).IsNull();
    }

    [Test]
    public async Task A_list_with_typed_meta_reports_a_wrong_meta_and_a_wrong_entry()
    {
        var wrongMeta = await Assert.ThrowsAsync<PteroResponseException>(() => ReadBackups(
            $$$"""{"object":"list","data":[{"object":"backup","attributes":{{{BackupJson}}}}],"meta":{"backup_count":"x"}}"""));
        var wrongEntry = await Assert.ThrowsAsync<PteroResponseException>(() => ReadBackups(
            $$"""{"object":"list","data":[{"object":"backup","attributes":{{BackupJson}}},7]}"""));

        await Assert.That(wrongMeta!.Message).Contains("$.backup_count");
        await Assert.That(wrongEntry!.Message).Contains("expected each \"data\" entry");
    }

    [Test]
    public async Task A_resource_reads_its_attributes_and_meta_in_any_order()
    {
        var ordered = await ReadResource($$$"""{"object":"api_key","attributes":{{{Key}}},"meta":{"secret_token":"s"}}""");
        var metaFirst = await ReadResource($$"""{"meta":{"secret_token":"t"},"extra":[{}],"attributes":{{Key}}}""");

        await Assert.That(ordered.Attributes.Identifier).IsEqualTo("ptlc_Kq8Zr2Lw9Tx");
        await Assert.That(ordered.Attributes.AllowedIps).IsEquivalentTo(["10.0.0.1"]);
        await Assert.That(ordered.Meta!.SecretToken).IsEqualTo("s");
        await Assert.That(metaFirst.Attributes.Identifier).IsEqualTo("ptlc_Kq8Zr2Lw9Tx");
        await Assert.That(metaFirst.Meta!.SecretToken).IsEqualTo("t");
    }

    [Test]
    [Arguments("[]")]
    [Arguments("5")]
    [Arguments("null")]
    [Arguments(null)]
    public async Task A_resource_whose_meta_is_not_an_object_or_missing_has_no_meta(string? meta)
    {
        var body = meta is null ? $$"""{"object":"api_key","attributes":{{Key}}}""" : $$"""{"object":"api_key","attributes":{{Key}},"meta":{{meta}}}""";

        var read = await ReadResource(body);

        await Assert.That(read.Attributes.Identifier).IsEqualTo("ptlc_Kq8Zr2Lw9Tx");
        await Assert.That(read.Meta).IsNull();
    }

    [Test]
    [Arguments("""{"object":"api_key","meta":{"secret_token":"s"}}""", "no attributes")]
    [Arguments("""{"object":"api_key","attributes":null}""", "no attributes")]
    [Arguments("[]", "expected a JSON object at the top level")]
    [Arguments("""{"object":"api_key","attributes":{"identifier":"x","description":7},"meta":{"secret_token":"s"}}""", "at $.description")]
    [Arguments("""{"object":"api_key","attributes":{"identifier":"x","allowed_ips":[1]},"meta":{"secret_token":"s"}}""", "at $.allowed_ips[0]")]
    [Arguments("""{"object":"api_key","attributes":5}""", "could not be converted to PteroAot.Account.ApiKey")]
    [Arguments("""{"object":"api_key","attributes":{"identifier":"x"},"meta":{"secret_token":7}}""", "at $.secret_token")]
    [Arguments("""{"object":"api_key","attributes":{"identifier":"x","descr""", "truncated or of another shape")]
    [Arguments("""{"object":"api_key","attributes":{"identifier":"x"},"meta":{"secret_token":"s"}""", "truncated or of another shape")]
    public async Task A_resource_that_cannot_be_read_says_what_is_wrong(string body, string expected)
    {
        var ex = await Assert.ThrowsAsync<PteroResponseException>(() => ReadResource(body));

        await Assert.That(ex!.Message).Contains(expected);
    }

    private static Task<ResourceList<ApiKey>> ReadList(string body)
        => PteroResponse.ReadListAsync(Response(System.Text.Encoding.UTF8.GetBytes(body)), PteroJsonContext.Default.ApiKey, Endpoint, default).AsTask();

    private static Task<ResourceList<Backup, BackupListMeta>> ReadBackups(string body)
        => PteroResponse.ReadListAsync(Response(System.Text.Encoding.UTF8.GetBytes(body)), BackupsJsonContext.Default.Backup,
            BackupsJsonContext.Default.BackupListMeta, Endpoint, default).AsTask();

    private static Task<Resource<ApiKey, ApiKeySecret>> ReadResource(string body)
        => PteroResponse.ReadResourceAsync(Response(System.Text.Encoding.UTF8.GetBytes(body)), PteroJsonContext.Default.ApiKey,
            PteroJsonContext.Default.ApiKeySecret, Endpoint, default).AsTask();

    private static HttpResponseMessage Response(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
    }
}
