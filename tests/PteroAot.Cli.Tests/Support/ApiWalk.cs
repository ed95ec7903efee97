using System.Text.Json;
using System.Text.RegularExpressions;
using PteroAot.Testing;

namespace PteroAot.Cli.Tests.Support;

/// <summary>One endpoint of <c>ptero api list -o json</c>.</summary>
public sealed record ListedEndpoint(string Name, string Method, string Route, bool AllPages);

/// <summary>
/// A walk of <c>spec/endpoints.json</c> routes through <c>ptero api call</c> against one fake panel: each call is found by
/// method and route in <c>ptero api list -o json</c>, must exit 0, and must have reached its route (checked against the
/// fake panel's recorded requests). Shared by the Client and Application API walks.
/// </summary>
public sealed class ApiWalk
{
    private readonly FakePanel _panel;
    private readonly Sandbox _sandbox;

    private ApiWalk(FakePanel panel, Sandbox sandbox, IReadOnlyList<ListedEndpoint> endpoints)
    {
        _panel = panel;
        _sandbox = sandbox;
        Endpoints = endpoints;
    }

    /// <summary>Every endpoint ptero declares.</summary>
    public IReadOnlyList<ListedEndpoint> Endpoints { get; }

    /// <summary>The (method, spec route) pairs called so far.</summary>
    public HashSet<(string Method, string Route)> Walked { get; } = [];

    /// <summary>One line per call: exit code, route, endpoint name, time.</summary>
    public List<string> Log { get; } = [];

    /// <summary>
    /// A route with its placeholder names removed: <c>/servers/{server}</c> → <c>/servers/{}</c>. The spec's
    /// <c>{force}</c> is the literal <c>force</c> the SDK declares (any other text there deletes without forcing).
    /// </summary>
    public static string Shape(string route) => Regex.Replace(route.Replace("/{force}", "/force", StringComparison.Ordinal), "\\{[^}]+\\}", "{}");

    /// <summary>The routes of one API (<c>client</c> or <c>application</c>) in <c>spec/endpoints.json</c>.</summary>
    public static async Task<List<(string Method, string Route)>> SpecRoutesAsync(string api)
    {
        using var spec = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(PteroBinary.RepoRoot, "spec", "endpoints.json")));
        return spec.RootElement.EnumerateArray()
            .Where(e => e.GetProperty("api").GetString() == api)
            .Select(e => (Method: e.GetProperty("method").GetString()!, Route: e.GetProperty("path").GetString()!))
            .ToList();
    }

    /// <summary>Runs <c>ptero api list -o json</c> and reads every endpoint.</summary>
    public static async Task<List<ListedEndpoint>> ListAsync(Sandbox sandbox)
    {
        var listing = (await sandbox.RunAsync("api", "list", "-o", "json")).Expect(0);
        using var listed = JsonDocument.Parse(listing.Stdout);
        return listed.RootElement.EnumerateArray()
            .Select(e => new ListedEndpoint(e.GetProperty("name").GetString()!, e.GetProperty("method").GetString()!, e.GetProperty("route").GetString()!,
                e.GetProperty("all_pages").GetBoolean()))
            .ToList();
    }

    /// <summary>The spec routes that have no declared one-page endpoint (same method, same route apart from placeholder names).</summary>
    public static List<(string Method, string Route)> Undeclared(IEnumerable<(string Method, string Route)> routes, IReadOnlyList<ListedEndpoint> endpoints) =>
        routes.Where(r => !endpoints.Any(e => !e.AllPages && e.Method == r.Method && Shape(e.Route) == Shape(r.Route))).ToList();

    /// <summary>Lists the endpoints through <paramref name="sandbox"/> and starts a walk.</summary>
    public static async Task<ApiWalk> StartAsync(FakePanel panel, Sandbox sandbox) => new(panel, sandbox, await ListAsync(sandbox));

    /// <summary>The <c>attributes</c> of a resource.</summary>
    public static JsonElement Attr(JsonElement e) => e.GetProperty("attributes");

    /// <summary>
    /// Calls the one-page endpoint declared for <paramref name="method"/> <paramref name="route"/> with <paramref name="args"/>;
    /// fails unless it exits 0 without a stack trace and sent that request. Returns the JSON printed (default when none).
    /// </summary>
    public async Task<JsonElement> Call(string method, string route, params string[] args)
    {
        var endpoint = Endpoints.Single(e => !e.AllPages && e.Method == method && Shape(e.Route) == Shape(route));
        var before = _panel.Requests.Count;
        var result = await _sandbox.RunAsync(["api", "call", endpoint.Name, .. args]);
        if (result.TimedOut || result.ExitCode != 0)
            Assert.Fail($"{method} {route} via 'api call {endpoint.Name} {string.Join(' ', args)}': expected exit 0, got {result}");
        if (result.Stderr.Contains("   at ", StringComparison.Ordinal))
            Assert.Fail($"a stack trace reached the user: {result}");
        // The call reached this route (the fake panel records every request it routes or refuses).
        var pattern = new Regex("^" + Regex.Replace(Regex.Escape(route), "\\\\\\{[^}]+}", "[^/]+") + "(\\?.*)?$");
        var sent = _panel.Requests.Skip(before).ToList();
        if (!sent.Any(r => r.Method == method && pattern.IsMatch(r.PathAndQuery)))
            Assert.Fail($"{endpoint.Name} sent no {method} {route}; it sent: {string.Join(", ", sent.Select(r => r.Method + " " + r.PathAndQuery))}");
        Walked.Add((method, route));
        Log.Add($"{result.ExitCode} {method} {route} ({endpoint.Name}) {result.Elapsed.TotalMilliseconds:F0} ms");
        if (result.Stdout.Trim().Length == 0 || result.Stdout.TrimStart()[0] is not ('{' or '['))
            return default;
        using var doc = JsonDocument.Parse(result.Stdout);
        return doc.RootElement.Clone();
    }
}
