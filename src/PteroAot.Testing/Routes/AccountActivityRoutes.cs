using System.Globalization;
using System.Text.Json;
using PteroAot.Testing.Http;

namespace PteroAot.Testing.Routes;

/// <summary><c>GET /api/client/account/activity</c> (spatie query builder + Laravel paginator + fractal).</summary>
internal static class AccountActivityRoutes
{
    public static void Map(Router router) =>
        router.Map("GET", "/api/client/account/activity", ApiArea.Client, List);

    // Activity where the user is the subject; the panel always leaves file uploads out of this list.
    private static Task List(ApiRequest r) =>
        WriteListAsync(r, r.User.Activity.Where(a => a.Event != "server:file.upload"));

    /// <summary>
    /// Writes an activity list the way both activity routes do: <c>filter[event]</c> (partial, comma = or),
    /// <c>sort=timestamp|-timestamp</c> (newest first by default), <c>include=actor</c>, pagination 25/100.
    /// </summary>
    internal static Task WriteListAsync(ApiRequest r, IEnumerable<FakeActivity> source)
    {
        var query = QueryString.Parse(r.Context.Request.QueryString.Value);
        var filter = QueryString.Filters(query, ["event"]).GetValueOrDefault("event");
        var descending = QueryString.Sort(query, ["timestamp"]) is not { Count: > 0 } sorts || sorts[0].Descending;
        var includeActor = QueryString.Includes(query).Contains("actor");

        var items = source;
        if (filter is { Length: > 0 })
        {
            var values = filter.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            items = items.Where(a => values.Any(f => a.Event.Contains(f, StringComparison.OrdinalIgnoreCase)));
        }

        // Stable order on ties: insertion order, reversed for newest first.
        var ordered = items.Select((a, i) => (a, i)).ToList();
        ordered = descending
            ? [.. ordered.OrderByDescending(x => x.a.Timestamp).ThenByDescending(x => x.i)]
            : [.. ordered.OrderBy(x => x.a.Timestamp).ThenBy(x => x.i)];

        var page = Paginator.Create(query, ordered.Count, defaultPerPage: 25, maxPerPage: 100);
        var slice = ordered.Skip((page.CurrentPage - 1) * page.PerPage).Take(page.PerPage).Select(x => x.a).ToList();
        var url = r.Panel.BaseUrl + r.Context.Request.Path.Value;
        return r.Json(200, w =>
        {
            w.WriteStartObject();
            w.WriteString("object", "list");
            w.WriteStartArray("data");
            foreach (var entry in slice)
            {
                ClientTransformers.Activity(w, entry, r.User, includeActor);
            }

            w.WriteEndArray();
            Paginator.WriteMeta(w, page, slice.Count, url, query);
            w.WriteEndObject();
        });
    }
}

/// <summary>Query string helpers (ordered pairs) with spatie/laravel-query-builder errors.</summary>
internal static class QueryString
{
    public static List<KeyValuePair<string, string>> Parse(string? queryString)
    {
        var result = new List<KeyValuePair<string, string>>();
        if (string.IsNullOrEmpty(queryString))
        {
            return result;
        }

        foreach (var part in queryString.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = part.Split('=', 2);
            result.Add(new(Decode(kv[0]), kv.Length > 1 ? Decode(kv[1]) : ""));
        }

        return result;
    }

    private static string Decode(string s) => Uri.UnescapeDataString(s.Replace('+', ' '));

    public static string? Get(List<KeyValuePair<string, string>> query, string name) =>
        query.LastOrDefault(kv => kv.Key == name).Value;

    public static Dictionary<string, string> Filters(List<KeyValuePair<string, string>> query, string[] allowed)
    {
        var filters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in query)
        {
            if (key.StartsWith("filter[", StringComparison.Ordinal) && key.EndsWith(']'))
            {
                filters[key[7..^1]] = value;
            }
        }

        var unknown = filters.Keys.Where(k => !allowed.Contains(k)).ToList();
        if (unknown.Count > 0)
        {
            throw new PanelException(400, "InvalidFilterQuery",
                $"Requested filter(s) `{string.Join(", ", unknown)}` are not allowed. Allowed filter(s) are `{string.Join(", ", allowed)}`.");
        }

        return filters;
    }

    public static List<(string Field, bool Descending)> Sort(List<KeyValuePair<string, string>> query, string[] allowed)
    {
        var raw = Get(query, "sort");
        if (string.IsNullOrWhiteSpace(raw))
        {
            return [];
        }

        var sorts = raw.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => s.StartsWith('-') ? (s[1..], true) : (s, false)).ToList();
        var unknown = sorts.Where(s => !allowed.Contains(s.Item1)).Select(s => s.Item1).ToList();
        if (unknown.Count > 0)
        {
            throw new PanelException(400, "InvalidSortQuery",
                $"Requested sort(s) `{string.Join(", ", unknown)}` is not allowed. Allowed sort(s) are `{string.Join(", ", allowed)}`.");
        }

        return sorts;
    }

    public static HashSet<string> Includes(List<KeyValuePair<string, string>> query) =>
        query.Where(kv => kv.Key is "include" or "include[]")
            .SelectMany(kv => kv.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>PHP <c>http_build_query(..., PHP_QUERY_RFC3986)</c> of ordered pairs.</summary>
    public static string Build(IEnumerable<KeyValuePair<string, string>> pairs) =>
        string.Join("&", pairs.Select(kv => Uri.EscapeDataString(kv.Key) + "=" + Uri.EscapeDataString(kv.Value)));
}

/// <summary>Laravel's length-aware paginator as serialized by fractal's <c>meta.pagination</c>.</summary>
internal sealed record Paginator(int Total, int PerPage, int CurrentPage, int TotalPages)
{
    public static Paginator Create(List<KeyValuePair<string, string>> query, int total, int defaultPerPage, int maxPerPage)
    {
        var perPage = int.TryParse(QueryString.Get(query, "per_page"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) && p > 0
            ? Math.Min(p, maxPerPage)
            : defaultPerPage;
        var page = int.TryParse(QueryString.Get(query, "page"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 1;
        var totalPages = Math.Max(1, (total + perPage - 1) / perPage);
        return new Paginator(total, perPage, page, totalPages);
    }

    /// <summary>Writes <c>meta</c> with <c>pagination</c>; <paramref name="extra"/> writes a controller's own meta fields first (backups' <c>backup_count</c>).</summary>
    public static void WriteMeta(Utf8JsonWriter w, Paginator page, int count, string url, List<KeyValuePair<string, string>> query,
        Action<Utf8JsonWriter>? extra = null)
    {
        w.WriteStartObject("meta");
        extra?.Invoke(w);
        w.WriteStartObject("pagination");
        w.WriteNumber("total", page.Total);
        w.WriteNumber("count", count);
        w.WriteNumber("per_page", page.PerPage);
        w.WriteNumber("current_page", page.CurrentPage);
        w.WriteNumber("total_pages", page.TotalPages);
        w.WriteStartObject("links");
        if (page.CurrentPage > 1)
        {
            w.WriteString("previous", PageUrl(url, query, page.CurrentPage - 1));
        }

        if (page.CurrentPage < page.TotalPages)
        {
            w.WriteString("next", PageUrl(url, query, page.CurrentPage + 1));
        }

        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary><c>array_merge($query, ['page' => $n])</c>: page keeps its position if present, else goes last.</summary>
    private static string PageUrl(string url, List<KeyValuePair<string, string>> query, int pageNumber)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pageText = pageNumber.ToString(CultureInfo.InvariantCulture);
        foreach (var (key, value) in query)
        {
            if (!seen.Add(key))
            {
                var i = pairs.FindIndex(p => p.Key == key);
                pairs[i] = new(key, key == "page" ? pageText : value);
                continue;
            }

            pairs.Add(new(key, key == "page" ? pageText : value));
        }

        if (!seen.Contains("page"))
        {
            pairs.Add(new("page", pageText));
        }

        return url + "?" + QueryString.Build(pairs);
    }
}
