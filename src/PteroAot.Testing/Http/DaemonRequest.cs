using Microsoft.AspNetCore.Http;

namespace PteroAot.Testing.Http;

/// <summary>
/// A request to the Wings-like endpoints the fake panel also serves (signed download and upload URLs under
/// <c>/daemon/</c>). No panel key, no rate limit, and the body is NOT buffered: handlers stream it, so multi-GiB
/// transfers do not sit in memory.
/// </summary>
internal sealed class DaemonRequest(HttpContext context, FakePanel panel, IReadOnlyDictionary<string, string> routeValues)
{
    public HttpContext Context => context;

    public FakePanel Panel => panel;

    public FakePanelState State => panel.State;

    public IReadOnlyDictionary<string, string> RouteValues => routeValues;

    /// <summary>Wings' error shape: <c>{"error": "..."}</c>.</summary>
    public Task Error(int status, string message) =>
        JsonOut.WriteAsync(context, status, w =>
        {
            w.WriteStartObject();
            w.WriteString("error", message);
            w.WriteEndObject();
        });
}

/// <summary>The route table of the daemon endpoints (paths below <c>/daemon/</c>).</summary>
internal sealed class DaemonRouter
{
    private readonly Router _router = new();
    private readonly Dictionary<string, Func<DaemonRequest, Task>> _handlers = new(StringComparer.Ordinal);

    public void Map(string method, string template, Func<DaemonRequest, Task> handler)
    {
        _handlers[method + " " + template] = handler;
        _router.Map(method, template, ApiArea.Client, static _ => Task.CompletedTask);
    }

    public (Func<DaemonRequest, Task>? Handler, Dictionary<string, string> Values) Match(string method, string path)
    {
        var (route, values, _) = _router.Match(method, path);
        return route is null ? (null, values) : (_handlers[route.Method + " " + route.Template], values);
    }
}
