using System.Text.RegularExpressions;
using PteroAot.Http;
using PteroAot.Tests.Support;

namespace PteroAot.Tests.Conformance;

/// <summary>
/// The error paths every Application API route shares, walked over all 42 declared routes with real HTTP: a key
/// that is not an admin's gets 403 before anything else, and an id that does not exist gets 404 (route model
/// binding runs before validation, so even a PATCH with an empty body is a 404). Each area's own tests cover its 422s.
/// </summary>
public partial class ApplicationErrorPathTests
{
    private static readonly IReadOnlyList<EndpointInfo> Routes =
    [
        .. new[]
        {
            PteroAot.Application.ApplicationUsersApi.Endpoints,
            PteroAot.Application.LocationsApi.Endpoints,
            PteroAot.Application.NodesApi.Endpoints,
            PteroAot.Application.ApplicationServersApi.Endpoints,
            PteroAot.Application.ApplicationDatabasesApi.Endpoints,
            PteroAot.Application.NestsApi.Endpoints,
        }
        .SelectMany(e => e)
        .Where(e => !e.IsWalk)
        .DistinctBy(e => (e.Method, Placeholder().Replace(e.Route, "{}"))),
    ];

    [GeneratedRegex(@"\{([^}]+)\}")]
    private static partial Regex Placeholder();

    // Values that exist nowhere in the seeded panel; "force" is the literal the force-delete route wants.
    private static string Fill(string route) => Placeholder().Replace(route, m => m.Groups[1].Value switch
    {
        "force" => "force",
        "external_id" or "externalId" => "no-such-external-id",
        _ => "999999",
    });

    private static async Task<PteroApiException?> SendAsync(PteroClient client, EndpointInfo endpoint, string path)
    {
        using var request = client.Connection.CreateRequest(new HttpMethod(endpoint.Method), path);
        if (endpoint.Method is "POST" or "PATCH")
            request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        try
        {
            using var response = await client.Connection.SendAsync(request, endpoint, CancellationToken.None);
            return null;
        }
        catch (PteroApiException ex)
        {
            return ex;
        }
    }

    [Test]
    public async Task The_walk_covers_the_42_application_routes()
        => await Assert.That(Routes.Count).IsEqualTo(42);

    [Test]
    public async Task A_non_admin_key_gets_403_on_every_application_route()
    {
        await using var t = await TestPanel.StartAsync();
        var wrong = new List<string>();
        foreach (var endpoint in Routes)
        {
            var ex = await SendAsync(t.Client, endpoint, Fill(endpoint.Route));
            if (ex is not PteroPermissionException)
                wrong.Add($"{endpoint.Method} {endpoint.Route}: {ex?.GetType().Name ?? "success"}");
        }

        await Assert.That(wrong).IsEmpty();
        await Assert.That(t.Panel.State.Servers.Count).IsEqualTo(3); // and nothing was changed
    }

    [Test]
    public async Task An_unknown_id_gets_404_on_every_application_route_that_takes_one()
    {
        await using var t = await TestPanel.StartAsync();
        var withIds = Routes.Where(e => e.Route.Contains('{', StringComparison.Ordinal)).ToList();
        var wrong = new List<string>();
        foreach (var endpoint in withIds)
        {
            var ex = await SendAsync(t.Admin, endpoint, Fill(endpoint.Route));
            if (ex is not PteroNotFoundException)
                wrong.Add($"{endpoint.Method} {endpoint.Route}: {ex?.GetType().Name ?? "success"} {ex?.Message}");
        }

        await Assert.That(wrong).IsEmpty();
        await Assert.That(withIds.Count).IsGreaterThanOrEqualTo(30);
        await Assert.That(t.Panel.State.Servers.Count).IsEqualTo(3);
    }
}
