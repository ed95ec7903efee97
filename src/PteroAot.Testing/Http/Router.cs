namespace PteroAot.Testing.Http;

/// <summary>Which API a route belongs to (decides key type checks and rate-limit bucket).</summary>
internal enum ApiArea
{
    Client,
    Application,
}

/// <summary>A route: verb, template with <c>{name}</c> segments, handler.</summary>
internal sealed record PanelRoute(string Method, string Template, ApiArea Area, Func<ApiRequest, Task> Handler)
{
    public string[] Segments { get; } = Template.Trim('/').Split('/');
}

/// <summary>A small route table with Laravel's 404/405 semantics (GET routes also answer HEAD).</summary>
internal sealed class Router
{
    private readonly List<PanelRoute> _routes = [];

    public void Map(string method, string template, ApiArea area, Func<ApiRequest, Task> handler) =>
        _routes.Add(new PanelRoute(method, template, area, handler));

    public (PanelRoute? Route, Dictionary<string, string> Values, List<string> AllowedMethods) Match(string method, string path)
    {
        var segments = path.Trim('/').Split('/');
        var allowed = new List<string>();
        foreach (var route in _routes)
        {
            if (!TryBind(route, segments, out var values))
            {
                continue;
            }

            if (route.Method == method || (method == "HEAD" && route.Method == "GET"))
            {
                return (route, values, allowed);
            }

            allowed.Add(route.Method);
            if (route.Method == "GET")
            {
                allowed.Add("HEAD");
            }
        }

        var order = new[] { "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE" };
        return (null, [], allowed.Distinct().OrderBy(m => Array.IndexOf(order, m)).ToList());
    }

    private static bool TryBind(PanelRoute route, string[] segments, out Dictionary<string, string> values)
    {
        values = [];
        if (route.Segments.Length != segments.Length)
        {
            return false;
        }

        for (var i = 0; i < segments.Length; i++)
        {
            var t = route.Segments[i];
            if (t.StartsWith('{') && t.EndsWith('}'))
            {
                if (segments[i].Length == 0)
                {
                    return false;
                }

                values[t[1..^1]] = Uri.UnescapeDataString(segments[i]);
            }
            else if (!string.Equals(t, segments[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
