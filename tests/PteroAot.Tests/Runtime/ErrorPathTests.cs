using System.Net;
using System.Net.Sockets;
using PteroAot.Testing;
using PteroAot.Tests.Support;

namespace PteroAot.Tests.Runtime;

public class ErrorPathTests
{
    [Test]
    public async Task A_bad_key_is_an_authentication_exception_that_never_shows_the_key()
    {
        await using var t = await TestPanel.StartAsync();
        var badKey = "ptlc_" + new string('x', 43);
        using var client = t.ClientWith(badKey);

        var ex = await Assert.ThrowsAsync<PteroAuthenticationException>(() => client.Account.GetAsync());

        await Assert.That(ex!.StatusCode).IsEqualTo(HttpStatusCode.Unauthorized);
        await Assert.That(ex.Detail).IsEqualTo("Unauthenticated.");
        await Assert.That(ex.ToString()).DoesNotContain("xxxxxxxx");
        await Assert.That(client.Connection.ToString()).DoesNotContain("xxxxxxxx");
    }

    [Test]
    public async Task An_application_key_on_the_client_api_is_a_permission_exception()
    {
        await using var t = await TestPanel.StartAsync();
        using var client = t.ClientWith(t.Panel.ApplicationKey);

        var ex = await Assert.ThrowsAsync<PteroPermissionException>(() => client.Account.GetAsync());

        await Assert.That(client.Connection.KeyKind).IsEqualTo(Http.ApiKeyKind.Application);
        await Assert.That(ex!.Detail).Contains("application API key");
    }

    [Test]
    public async Task A_key_limited_to_other_addresses_is_refused()
    {
        await using var t = await TestPanel.StartAsync();
        var key = t.Panel.State.IssueClientKey(t.Panel.DemoUser, "elsewhere", ["203.0.113.5"]);
        using var client = t.ClientWith(key);

        var ex = await Assert.ThrowsAsync<PteroPermissionException>(() => client.Account.GetAsync());

        await Assert.That(ex!.Detail).Contains("127.0.0.1");
    }

    [Test]
    [Arguments(FaultKind.Html200, "text/html")]
    [Arguments(FaultKind.TruncatedJson, "not the JSON")]
    [Arguments(FaultKind.EmptyBody, "empty body")]
    [Arguments(FaultKind.WrongShape, "no attributes")]
    public async Task A_success_status_with_an_unusable_body_is_a_response_exception(FaultKind fault, string expected)
    {
        await using var t = await TestPanel.StartAsync();
        t.Panel.Faults.Next(fault, "/api/client/account");

        var ex = await Assert.ThrowsAsync<PteroResponseException>(() => t.Client.Account.GetAsync());

        await Assert.That(ex!.Message).Contains(expected);
        await Assert.That(ex.Message).StartsWith("GET /api/client/account");
        // The fault was one-shot: the next call works.
        await Assert.That((await t.Client.Account.GetAsync()).Username).IsEqualTo("demo");
    }

    [Test]
    public async Task A_list_with_an_unusable_body_is_a_response_exception_too()
    {
        await using var t = await TestPanel.StartAsync();
        t.Panel.Faults.Next(FaultKind.WrongShape, "/api/client/account/api-keys");

        var ex = await Assert.ThrowsAsync<PteroResponseException>(() => t.Client.Account.ListApiKeysAsync());

        await Assert.That(ex!.Message).Contains("\"data\"");
    }

    [Test]
    public async Task An_html_error_page_is_an_api_exception_with_the_status_and_a_hint()
    {
        await using var t = await TestPanel.StartAsync();
        t.Panel.Faults.Next(FaultKind.Html500, "/api/client/account");

        var ex = await Assert.ThrowsAsync<PteroApiException>(() => t.Client.Account.GetAsync());

        await Assert.That(ex!.StatusCode).IsEqualTo(HttpStatusCode.InternalServerError);
        await Assert.That(ex.Errors).IsEmpty();
        await Assert.That(ex.Message).Contains("text/html");
    }

    [Test]
    public async Task A_dropped_connection_is_a_transport_exception()
    {
        await using var t = await TestPanel.StartAsync();
        t.Panel.Faults.Next(FaultKind.DropConnection, "/api/client/account");

        var ex = await Assert.ThrowsAsync<PteroTransportException>(() => t.Client.Account.GetAsync());

        await Assert.That(ex!.Message).StartsWith("GET /api/client/account");
    }

    [Test]
    public async Task An_unreachable_panel_is_a_transport_exception()
    {
        var port = FreePort();
        using var client = new PteroClient($"http://127.0.0.1:{port}", "ptlc_" + new string('a', 43));

        var ex = await Assert.ThrowsAsync<PteroTransportException>(() => client.Account.GetAsync());

        await Assert.That(ex!.Message).Contains($"127.0.0.1:{port}");
        await Assert.That(ex.Message).DoesNotContain("aaaaaaaa");
    }

    [Test]
    public async Task Cancellation_is_honoured()
    {
        await using var t = await TestPanel.StartAsync();
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        await Assert.ThrowsAsync<TaskCanceledException>(() => t.Client.Account.GetAsync(cts.Token));
    }

    [Test]
    public async Task A_bad_route_value_throws_at_the_call_before_any_request()
    {
        // Generated endpoints are not async: they build the request, then hand it to the connection. A default id
        // (no value) fails while the URL is built, synchronously, not inside the returned task.
        using var client = new PteroClient("http://127.0.0.1:1", "ptlc_abc");
        var ex = Assert.Throws<ArgumentException>(() => { _ = client.Servers.GetAsync(default(ServerIdentifier)); });
        await Assert.That(ex).IsNotNull();
    }

    [Test]
    public async Task Bad_construction_arguments_say_what_is_wrong_without_echoing_the_key()
    {
        var spaced = Assert.Throws<ArgumentException>(() => new PteroClient("http://127.0.0.1:1", "ptlc_abc def"));
        var relative = Assert.Throws<ArgumentException>(() => new PteroClient("panel.example.com", "ptlc_abc"));
        var empty = Assert.Throws<ArgumentException>(() => new PteroClient("http://127.0.0.1:1", " "));

        await Assert.That(spaced!.Message).Contains("white space");
        await Assert.That(spaced.Message).DoesNotContain("abc");
        await Assert.That(relative!.Message).Contains("absolute");
        await Assert.That(empty!.Message).Contains("ptlc_");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

public class RedirectTests
{
    [Test]
    public async Task A_redirect_is_not_followed_and_says_which_url_to_use()
    {
        // A plain Kestrel-free listener is overkill here: the fake panel's non-JSON 401 path answers a redirect
        // only without Accept: application/json, which the SDK always sends. So a tiny loopback server stands in.
        using var listener = new System.Net.HttpListener();
        var port = FreePort();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var serve = Task.Run(async () =>
        {
            var context = await listener.GetContextAsync();
            context.Response.StatusCode = 301;
            context.Response.RedirectLocation = "https://panel.example.com/api/client/account";
            context.Response.Close();
        });
        using var client = new PteroClient($"http://127.0.0.1:{port}", "ptlc_" + new string('k', 43));

        var ex = await Assert.ThrowsAsync<PteroApiException>(() => client.Account.GetAsync());
        await serve;

        await Assert.That((int)ex!.StatusCode).IsEqualTo(301);
        await Assert.That(ex.Message).Contains("redirected to https://panel.example.com");
    }

    private static int FreePort()
    {
        using var l = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        l.Start();
        return ((System.Net.IPEndPoint)l.LocalEndpoint).Port;
    }
}
