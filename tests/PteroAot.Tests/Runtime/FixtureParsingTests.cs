using System.Net;
using System.Net.Http.Headers;
using PteroAot.Tests.Support;

namespace PteroAot.Tests.Runtime;

/// <summary>
/// Units of parsing: the reference's fixture bodies through the generated endpoints, served by a canned handler
/// (the endpoints themselves are proven against the fake panel elsewhere).
/// </summary>
public class FixtureParsingTests
{
    [Test]
    public async Task Activity_fixture_reads_actor_null_resources_and_property_objects()
    {
        using var client = Canned(File.ReadAllBytes(RepoPaths.Spec("fixtures", "client", "server-activity-list.json")));

        var page = await client.Account.ListActivityAsync();

        await Assert.That(page.Items.Count).IsEqualTo(3);
        await Assert.That(page.Pagination!.PerPage).IsEqualTo(3);
        await Assert.That(page.Items.Count(e => e.Actor is null)).IsGreaterThanOrEqualTo(1);
        await Assert.That(page.Items.Count(e => e.Actor is not null)).IsGreaterThanOrEqualTo(1);
        await Assert.That(page.Items.All(e => e.Properties?.ValueKind == System.Text.Json.JsonValueKind.Object)).IsTrue();
    }

    [Test]
    public async Task Api_key_create_fixture_gives_the_secret_from_meta()
    {
        using var client = Canned(File.ReadAllBytes(RepoPaths.Spec("fixtures", "client", "api-key-create.json")));

        var created = await client.Account.CreateApiKeyAsync("SDK test");

        await Assert.That(created.Token).IsEqualTo("ptlc_Hx4Jd8Rs2Wf" + "Zq7Lm2Xv9Rk4Tb8Nw1Pc6Jh3Ds5Fy0Ga");
    }

    [Test]
    public async Task Two_factor_fixtures_read_the_data_wrapper_and_the_tokens()
    {
        using var setupClient = Canned(File.ReadAllBytes(RepoPaths.Spec("fixtures", "client", "two-factor-setup.json")));
        using var enableClient = Canned(File.ReadAllBytes(RepoPaths.Spec("fixtures", "client", "two-factor-enable.json")));

        var setup = await setupClient.Account.GetTwoFactorSetupAsync();
        var tokens = await enableClient.Account.EnableTwoFactorAsync("123456", "pw");

        await Assert.That(setup.Secret).IsEqualTo("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP");
        await Assert.That(tokens.Tokens.Count).IsEqualTo(10);
    }

    [Test]
    public async Task A_null_where_the_model_says_non_null_is_a_response_exception_naming_the_field()
    {
        using var client = Canned("""{"object":"user","attributes":{"id":1,"admin":false,"username":null,"email":"a@b.c"}}"""u8.ToArray());

        var ex = await Assert.ThrowsAsync<PteroResponseException>(() => client.Account.GetAsync());

        await Assert.That(ex!.Message).Contains("username");
    }

    [Test]
    public async Task A_204_and_a_202_with_an_empty_array_both_complete()
    {
        using var noContent = Canned([], HttpStatusCode.NoContent);
        using var accepted = Canned("[]"u8.ToArray(), HttpStatusCode.Accepted);

        await noContent.Account.DeleteApiKeyAsync("ptlc_Kq8Zr2Lw9Tx");
        await accepted.Account.DeleteApiKeyAsync("ptlc_Kq8Zr2Lw9Tx");
    }

    [Test]
    public async Task Every_error_fixture_maps_to_its_exception_with_all_entries()
    {
        foreach (var file in Directory.GetFiles(RepoPaths.Spec("fixtures", "errors"), "*.json"))
        {
            // The status the panel sends is the one written inside the body (4xx/5xx files name a family).
            using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(file));
            var status = int.Parse(doc.RootElement.GetProperty("errors")[0].GetProperty("status").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
            using var client = Canned(File.ReadAllBytes(file), (HttpStatusCode)status);

            var ex = await Assert.ThrowsAsync<PteroApiException>(() => client.Account.GetAsync());

            await Assert.That((int)ex!.StatusCode).IsEqualTo(status);
            await Assert.That(ex.Errors.Count).IsGreaterThanOrEqualTo(1);
            await Assert.That(ex.Code).IsNotNull();
            var expectedType = status switch
            {
                401 => typeof(PteroAuthenticationException),
                403 => typeof(PteroPermissionException),
                404 => typeof(PteroNotFoundException),
                409 => typeof(PteroConflictException),
                422 => typeof(PteroValidationException),
                429 => typeof(PteroRateLimitException),
                502 or 504 => typeof(PteroUnavailableException),
                _ => typeof(PteroApiException),
            };
            await Assert.That(ex.GetType()).IsEqualTo(expectedType);
        }
    }

    [Test]
    public async Task A_resource_with_an_empty_array_for_meta_reads_with_no_meta()
    {
        var server = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllBytes(RepoPaths.Spec("fixtures", "client", "server.json")))!;
        server["meta"] = new System.Text.Json.Nodes.JsonArray();
        using var client = Canned(System.Text.Encoding.UTF8.GetBytes(server.ToJsonString()));

        var read = await client.Servers.GetAsync(ServerIdentifier.Parse("1a7ce997"));

        await Assert.That(read.Attributes.Identifier.Value).IsEqualTo("1a7ce997");
        await Assert.That(read.Meta).IsNull();
    }

    [Test]
    public async Task A_resource_whose_attributes_are_wrong_names_the_field_relative_to_the_attributes()
    {
        using var client = Canned("""{"object":"api_key","attributes":{"identifier":"ptlc_Kq8Zr2Lw9Tx","description":7},"meta":{"secret_token":"x"}}"""u8.ToArray());

        var ex = await Assert.ThrowsAsync<PteroResponseException>(() => client.Account.CreateApiKeyAsync("SDK test"));

        await Assert.That(ex!.Message).Contains("$.description");
    }

    [Test]
    public async Task A_request_url_is_the_panel_url_with_escaped_segments_and_query()
    {
        string? sent = null;
        using var client = new PteroClient(new HttpClient(new CapturingHandler(u => sent = u)), "http://panel.invalid/sub/", "ptlc_" + new string('k', 43));

        await client.Servers.GetAsync(ServerIdentifier.Parse("1a7ce997"), "egg,subusers ü");

        await Assert.That(sent).IsEqualTo("http://panel.invalid/sub/api/client/servers/1a7ce997?include=egg%2Csubusers%20%C3%BC");
    }

    [Test]
    public async Task A_long_query_grows_the_url_buffer()
    {
        string? sent = null;
        using var client = new PteroClient(new HttpClient(new CapturingHandler(u => sent = u)), "http://panel.invalid", "ptlc_" + new string('k', 43));
        var search = string.Concat(Enumerable.Repeat("ü€ x", 200));

        await client.Servers.ListAsync(search: search, page: 2);

        await Assert.That(sent).IsEqualTo("http://panel.invalid/api/client?filter%5B%2A%5D=" + Uri.EscapeDataString(search) + "&page=2");
    }

    private sealed class CapturingHandler(Action<string> capture) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            capture(request.RequestUri!.OriginalString);
            var body = request.RequestUri.AbsolutePath.EndsWith("/api/client", StringComparison.Ordinal)
                ? """{"object":"list","data":[],"meta":{"pagination":{"total":0,"count":0,"per_page":50,"current_page":1,"total_pages":1,"links":{}}}}"""u8.ToArray()
                : File.ReadAllBytes(RepoPaths.Spec("fixtures", "client", "server.json"));
            var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
        }
    }

    private static PteroClient Canned(byte[] body, HttpStatusCode status = HttpStatusCode.OK)
        => new(new HttpClient(new CannedHandler(body, status)), "http://panel.invalid", "ptlc_" + new string('k', 43),
            new PteroClientOptions { MaxRateLimitRetries = 0 });

    private sealed class CannedHandler(byte[] body, HttpStatusCode status) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var content = new ByteArrayContent(body);
            if (body.Length > 0)
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            return Task.FromResult(new HttpResponseMessage(status) { Content = content, RequestMessage = request });
        }
    }
}
