using System.Globalization;
using System.Net;
using PteroAot.Generators.Tests.Infrastructure;

namespace PteroAot.Generators.Tests;

/// <summary>Layer 4: the generated code of an in-memory project, run against a recording handler.</summary>
[ClassDataSource<RunFixture>(Shared = SharedType.PerTestSession)]
public sealed class RunTests(RunFixture fixture)
{
    private const string Base = "https://panel.example.com";

    private static string Server(string name, int port) => $$$"""{"object":"server","attributes":{"name":"{{{name}}}","port":{{{port}}}}}""";

    private static string Page(int current, int total, params string[] names)
        => $$$"""{"object":"list","data":[{{{string.Join(",", names.Select((n, i) => Server(n, i)))}}}],"meta":{"pagination":{"total":9,"count":{{{names.Length}}},"per_page":2,"current_page":{{{current}}},"total_pages":{{{total}}}""" + "}}}";

    [Test]
    public async Task Get_builds_an_escaped_invariant_url_with_headers_and_reads_attributes()
    {
        // A culture with a comma decimal separator and U+2212 as minus sign: nothing of it may reach the URL.
        var odd = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        odd.NumberFormat.NegativeSign = "\u2212";
        odd.NumberFormat.NumberDecimalSeparator = ",";
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = odd;
        try
        {
            var handler = new RecordingHandler().Respond(Server("alpha", 25565));
            var result = await fixture.Call("Get", handler);

            await Assert.That(result).IsEqualTo("alpha:25565");
            var request = handler.Requests.Single();
            await Assert.That(request.Method).IsEqualTo("GET");
            // Route values escaped as one segment; query in declaration order; null (skip, missing) left out; bools as 1/0.
            await Assert.That(request.Url).IsEqualTo(
                Base + "/api/client/servers/a%20b%2Fc/items/-42?per_page=50&filter%5Bname%5D=x%26y%20%C3%A9&flag=0&ratio=-1.5&on=1");
            await Assert.That(request.Accept).IsEqualTo("application/json");
            await Assert.That(request.Authorization).IsEqualTo("Bearer ptlc_TestKey123");
            await Assert.That(string.Join(";", request.Headers.Select(h => $"{h.Key}={h.Value}"))).IsEqualTo("X-Trace=t-1");
            await Assert.That(request.Body).IsNull();
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Test]
    public async Task Post_sends_the_json_body_and_reads_no_content()
    {
        var handler = new RecordingHandler().Respond(HttpStatusCode.NoContent, null, "");
        await Assert.That(await fixture.Call("Send", handler)).IsEqualTo("done");
        var request = handler.Requests.Single();
        await Assert.That(request.Method).IsEqualTo("POST");
        await Assert.That(request.Url).IsEqualTo(Base + "/api/client/servers/1a2b/command");
        await Assert.That(request.ContentType).IsEqualTo("application/json");
        await Assert.That(request.Body).IsEqualTo("""{"text":"say hi","count":2}""");
        await Assert.That(request.Authorization).IsEqualTo("Bearer ptlc_TestKey123");
    }

    [Test]
    public async Task Text_body_is_sent_raw_with_its_content_type()
    {
        var handler = new RecordingHandler().Respond(HttpStatusCode.NoContent, null, "");
        await fixture.Call("Write", handler);
        var request = handler.Requests.Single();
        await Assert.That(request.Url).IsEqualTo(Base + "/api/client/servers/1a2b/files/write?file=%2Fhome%2Fa%20b.txt");
        await Assert.That(request.ContentType).IsEqualTo("text/plain; charset=utf-8");
        await Assert.That(request.Body).IsEqualTo("line1\nline2 é");
    }

    [Test]
    public async Task Text_response_is_returned_as_is()
    {
        var handler = new RecordingHandler().Respond(HttpStatusCode.OK, "text/plain", "{\"not\": \"parsed\"}\nsecond line");
        await Assert.That(await fixture.Call("Read", handler)).IsEqualTo("{\"not\": \"parsed\"}\nsecond line");
        await Assert.That(handler.Requests.Single().Url).IsEqualTo(Base + "/api/client/servers/1a2b/files/contents?file=%2Fx.txt");
    }

    [Test]
    public async Task List_reads_items_and_pagination()
    {
        var handler = new RecordingHandler().Respond(Page(3, 5, "a", "b"));
        await Assert.That(await fixture.Call("List", handler)).IsEqualTo("a,b|3/5");
        await Assert.That(handler.Requests.Single().Url).IsEqualTo(Base + "/api/client/servers?page=3");
    }

    [Test]
    public async Task All_pages_are_fetched_in_order_until_the_last()
    {
        var handler = new RecordingHandler().Respond(Page(1, 2, "a", "b")).Respond(Page(2, 2, "c"));
        await Assert.That(await fixture.Call("Enumerate", handler)).IsEqualTo("a,b,c");
        await Assert.That(handler.Requests.Select(r => r.Url).ToArray()).IsEquivalentTo(
            [Base + "/api/client/servers?per_page=2&page=1", Base + "/api/client/servers?per_page=2&page=2"]);
    }

    [Test]
    public async Task Resource_reads_attributes_and_meta()
    {
        var handler = new RecordingHandler().Respond("""{"object":"api_key","attributes":{"name":"k1","port":0},"meta":{"token":"ptlc_secret"}}""");
        await Assert.That(await fixture.Call("CreateKey", handler)).IsEqualTo("k1|ptlc_secret");
        await Assert.That(handler.Requests.Single().Body).IsEqualTo("""{"text":"key","count":0}""");
    }

    [Test]
    public async Task Data_envelope_is_unwrapped()
    {
        var handler = new RecordingHandler().Respond("""{"data":{"image_url_data":"otpauth://x","secret":"ABC123"}}""");
        await Assert.That(await fixture.Call("Setup", handler)).IsEqualTo("ABC123");
    }

    [Test]
    public async Task Endpoints_are_listed_in_declaration_order()
    {
        await Assert.That(fixture.Endpoints()).IsEqualTo(string.Join(";",
            "GET /api/client/servers/{server}/items/{id} GetAsync",
            "POST /api/client/servers/{server}/command SendAsync",
            "POST /api/client/servers/{server}/files/write WriteAsync",
            "GET /api/client/servers/{server}/files/contents ReadAsync",
            "GET /api/client/servers ListAsync",
            "GET /api/client/servers EnumerateAsync",
            "POST /api/client/account/api-keys CreateKeyAsync",
            "GET /api/client/account/two-factor SetupAsync",
            "GET /api/application/nodes/deployable DeployableAsync"));
    }

    [Test]
    public async Task Repeated_query_values_are_one_escaped_pair_per_element_and_required_ints_are_always_written()
    {
        var handler = new RecordingHandler().Respond(Page(1, 1, "n1"));
        await Assert.That(await fixture.Call("Deployable", handler)).IsEqualTo("n1");
        // In declaration order, elements in their order; a null element is left out like a null scalar.
        await Assert.That(handler.Requests.Single().Url).IsEqualTo(Base + "/api/application/nodes/deployable?memory=-512"
            + "&location_ids%5B%5D=3&location_ids%5B%5D=1&tags%5B%5D=a%26b&tags%5B%5D=%C3%A9&on%5B%5D=1&on%5B%5D=0");
    }

    [Test]
    public async Task Null_and_empty_lists_write_nothing_but_a_required_zero_is_written()
    {
        var handler = new RecordingHandler().Respond(Page(1, 1));
        await fixture.Call("DeployableWithoutLists", handler);
        await Assert.That(handler.Requests.Single().Url).IsEqualTo(Base + "/api/application/nodes/deployable?memory=0&per_page=5");
    }

    [Test]
    public async Task Descriptors_mark_required_values_and_lists_with_their_element_kind()
    {
        await Assert.That(fixture.DeployableParameters()).IsEqualTo(string.Join(";",
            "memory memory Integer required",
            "locations location_ids[] List<Id>",
            "tags tags[] List<String>",
            "on on[] List<Boolean>",
            "perPage per_page Integer"));
    }
}
