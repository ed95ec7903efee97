using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using PteroAot.Http;

namespace PteroAot.Cli.Infrastructure;

/// <summary>
/// Calls any declared endpoint from its generated <see cref="EndpointInfo"/> and command-line text: route values as
/// single escaped segments, query and headers, the body as given. Sent through the SDK's connection, so errors map
/// to the same typed exceptions (422 fields, 429 retries, 404…) as every other command.
/// </summary>
internal static class ApiCall
{
    private const int MaxPages = 10_000;

    /// <summary>
    /// Matches <c>key=value</c> pairs to the endpoint's parameters (C# or wire name); usage errors name what is wrong.
    /// A list parameter takes comma-separated values, repeated keys, or both (<c>location_ids=1,2</c> or
    /// <c>location_ids=1 location_ids=2</c>; its wire name works with or without the trailing <c>[]</c>), kept in order.
    /// </summary>
    public static Dictionary<EndpointParameter, string> Bind(ApiEndpoint endpoint, IReadOnlyList<string> pairs, string? body)
    {
        var info = endpoint.Info;
        var values = new Dictionary<EndpointParameter, string>();
        foreach (var pair in pairs)
        {
            int eq = pair.IndexOf('=');
            if (eq <= 0)
                throw new UsageException($"'{Terminal.Term.Clean(pair)}' is not a key=value pair. {Usage(endpoint)}");
            var key = pair[..eq];
            var parameter = info.Parameters.FirstOrDefault(p => p.In != ParameterLocation.Body && Names(p, key))
                ?? throw new UsageException(info.Parameters.Any(p => p.In == ParameterLocation.Body) && key.Equals("body", StringComparison.OrdinalIgnoreCase)
                    ? $"give the body of {endpoint.Name} with --body. {Usage(endpoint)}"
                    : $"{endpoint.Name} has no parameter '{Terminal.Term.Clean(key)}'. {Usage(endpoint)}");
            if (parameter.Kind == ParameterValueKind.List)
            {
                // Elements kept comma-joined (none can hold a comma: the input was split on them); a repeated key appends.
                var items = NormalizeList(endpoint, parameter, pair[(eq + 1)..]);
                values[parameter] = !values.TryGetValue(parameter, out var earlier) || earlier.Length == 0 ? items
                    : items.Length == 0 ? earlier : earlier + "," + items;
            }
            else if (!values.TryAdd(parameter, Normalize(endpoint, parameter, parameter.Kind, pair[(eq + 1)..])))
                throw new UsageException($"{parameter.Name} is given twice.");
        }

        var bodyParameter = info.Parameters.FirstOrDefault(p => p.In == ParameterLocation.Body);
        if (body is not null)
        {
            if (bodyParameter is null)
                throw new UsageException($"{endpoint.Name} takes no body ({info.Method} {info.Route}).");
            values[bodyParameter] = body;
        }

        foreach (var parameter in info.Parameters)
        {
            if (parameter.Required && !values.ContainsKey(parameter))
            {
                throw new UsageException(parameter.In == ParameterLocation.Body
                    ? $"{endpoint.Name} needs a {parameter.ContentType} body: --body '<json>', --body @file or --body - (stdin). {Usage(endpoint)}"
                    : $"{endpoint.Name} needs '{parameter.Name}' ({Describe(parameter)}). {Usage(endpoint)}");
            }
        }
        return values;
    }

    // A key names a parameter by its C# or wire name; a list's wire name also without its "[]" (location_ids for location_ids[]).
    private static bool Names(EndpointParameter p, string key)
        => string.Equals(p.Name, key, StringComparison.OrdinalIgnoreCase) || string.Equals(p.WireName, key, StringComparison.OrdinalIgnoreCase)
            || (p.Kind == ParameterValueKind.List && p.WireName.EndsWith("[]", StringComparison.Ordinal)
                && string.Equals(p.WireName[..^2], key, StringComparison.OrdinalIgnoreCase));

    /// <summary>One line: <c>usage: ptero api call servers.get server=&lt;id&gt; [include=&lt;string&gt;] [locations=&lt;id,...&gt;]</c>.</summary>
    public static string Usage(ApiEndpoint endpoint)
    {
        var builder = new StringBuilder("Usage: ptero api call ").Append(endpoint.Name);
        foreach (var p in endpoint.Info.Parameters)
        {
            var text = p.In == ParameterLocation.Body ? $"--body <{(p.Kind == ParameterValueKind.Json ? "json" : "text")}>" : $"{p.Name}=<{ValueName(p)}>";
            builder.Append(' ').Append(p.Required ? text : "[" + text + "]");
        }
        return builder.ToString();
    }

    public static string KindName(ParameterValueKind kind) => kind switch
    {
        ParameterValueKind.Integer => "int",
        ParameterValueKind.Number => "number",
        ParameterValueKind.Boolean => "bool",
        ParameterValueKind.DateTime => "date",
        ParameterValueKind.Id => "id",
        ParameterValueKind.Json => "json",
        ParameterValueKind.Text => "text",
        ParameterValueKind.List => "list",
        _ => "string",
    };

    // "int" for one value, "int,..." for a list of them.
    private static string ValueName(EndpointParameter p)
        => p.Kind == ParameterValueKind.List ? KindName(p.ItemKind ?? ParameterValueKind.String) + ",..." : KindName(p.Kind);

    private static string Describe(EndpointParameter p) => p.In switch
    {
        ParameterLocation.Path => $"route value {{{p.WireName}}}, {KindName(p.Kind)}",
        ParameterLocation.Query => $"query {p.WireName}, {ValueName(p)}",
        ParameterLocation.Header => $"header {p.WireName}, {KindName(p.Kind)}",
        _ => "body",
    };

    // Checks and formats each comma-separated element of a list value; an empty value is an empty list.
    private static string NormalizeList(ApiEndpoint endpoint, EndpointParameter p, string value)
    {
        if (value.Length == 0)
            return "";
        var items = value.Split(',');
        if (items.Any(i => i.Length == 0))
            throw new UsageException($"{p.Name} of {endpoint.Name} must be a comma-separated list without empty items; got '{Terminal.Term.Clean(value)}'.");
        return string.Join(',', items.Select(i => Normalize(endpoint, p, p.ItemKind ?? ParameterValueKind.String, i)));
    }

    // Checks and formats a value (of the given kind: a list element's) the way the SDK would send it.
    private static string Normalize(ApiEndpoint endpoint, EndpointParameter p, ParameterValueKind kind, string value)
    {
        string Bad(string what) => throw new UsageException($"{p.Name} of {endpoint.Name} must be {what}; got '{Terminal.Term.Clean(value)}'.");
        switch (kind)
        {
            case ParameterValueKind.Integer:
                return long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) ? l.ToString(CultureInfo.InvariantCulture) : Bad("a whole number");
            case ParameterValueKind.Number:
                return decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d.ToString(CultureInfo.InvariantCulture) : Bad("a number");
            case ParameterValueKind.Boolean:
                return value.ToLowerInvariant() switch
                {
                    "true" or "1" or "yes" => "1",
                    "false" or "0" or "no" => "0",
                    _ => Bad("true or false"),
                };
            case ParameterValueKind.DateTime:
                return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t)
                    ? t.ToString("O", CultureInfo.InvariantCulture) : Bad("a date and time (ISO 8601)");
        }
        if (p.In == ParameterLocation.Path)
        {
            // One segment, always: a '/' (escaped or not, the panel decodes it before routing) or a dot segment would
            // reach another route, e.g. DELETE .../servers/{id}/anything deletes the server itself.
            if (value.Length == 0)
                Bad("a non-empty value");
            if (value is "." or ".." || value.AsSpan().IndexOfAny("/\\") >= 0 || value.Any(char.IsControl))
                Bad("a single path segment (no '/', '\\', '.' or '..')");
        }
        return value;
    }

    /// <summary>The path and query for one request (<paramref name="page"/> adds <c>page=N</c>).</summary>
    public static string PathAndQuery(EndpointInfo info, Dictionary<EndpointParameter, string> values, int? page)
    {
        var path = new StringBuilder(info.Route.Length + 32);
        var route = info.Route;
        for (int i = 0; i < route.Length; i++)
        {
            if (route[i] != '{')
            {
                path.Append(route[i]);
                continue;
            }
            int end = route.IndexOf('}', i);
            var placeholder = route[(i + 1)..end];
            var parameter = info.Parameters.First(p => p.In == ParameterLocation.Path && p.WireName == placeholder);
            path.Append(Uri.EscapeDataString(values[parameter]));
            i = end;
        }
        var query = new QueryString();
        foreach (var p in info.Parameters)
        {
            if (p.In != ParameterLocation.Query || !values.TryGetValue(p, out var v) || (page is not null && p.WireName == "page"))
                continue;
            if (p.Kind == ParameterValueKind.List)
                query.AddEach(p.WireName, v.Split(',', StringSplitOptions.RemoveEmptyEntries));
            else
                query.Add(p.WireName, v);
        }
        if (page is not null)
            query.Add("page", (int?)page);
        return query.AppendTo(path.ToString());
    }

    /// <summary>Whether <c>--all-pages</c> makes sense: a walk, or a GET with a <c>page</c> query parameter.</summary>
    public static bool CanPage(EndpointInfo info)
        => info.IsWalk || (info.Method == "GET" && info.Parameters.Any(p => p.In == ParameterLocation.Query && p.WireName == "page"));

    /// <summary>Sends one request and returns the body text and whether it is JSON.</summary>
    public static async Task<(string Text, bool IsJson)> SendAsync(PteroConnection connection, EndpointInfo info,
        Dictionary<EndpointParameter, string> values, int? page, CancellationToken cancellationToken)
    {
        using var request = connection.CreateRequest(new HttpMethod(info.Method), PathAndQuery(info, values, page));
        foreach (var p in info.Parameters)
        {
            if (!values.TryGetValue(p, out var value))
                continue;
            if (p.In == ParameterLocation.Header)
                request.Headers.TryAddWithoutValidation(p.WireName, value);
            else if (p.In == ParameterLocation.Body)
            {
                // Buffered, so a 429 retry resends the same bytes.
                request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(value));
                request.Content.Headers.ContentType = new MediaTypeHeaderValue(p.ContentType ?? "application/json") { CharSet = p.Kind == ParameterValueKind.Text ? "utf-8" : null };
            }
        }
        using var response = await connection.SendAsync(request, info, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        bool json = mediaType is not null && mediaType.Contains("json", StringComparison.OrdinalIgnoreCase);
        return (text, json);
    }

    /// <summary>Every page of a list: the items of each page's <c>data</c>, until the pagination says it is the last page.</summary>
    public static async Task<string> SendAllPagesAsync(PteroConnection connection, EndpointInfo info,
        Dictionary<EndpointParameter, string> values, bool indented, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions(indented)))
        {
            writer.WriteStartObject();
            writer.WriteString("object", "list");
            writer.WriteStartArray("data");
            for (int page = 1; page <= MaxPages; page++)
            {
                var (text, _) = await SendAsync(connection, info, values, page, cancellationToken).ConfigureAwait(false);
                using var document = Parse(text, info);
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
                    throw new PteroResponseException($"{info.Method} {info.Route} page {page} has no data list.", info.Method, info.Route, null);
                foreach (var item in data.EnumerateArray())
                    item.WriteTo(writer);
                if (data.GetArrayLength() == 0
                    || !root.TryGetProperty("meta", out var meta) || meta.ValueKind != JsonValueKind.Object
                    || !meta.TryGetProperty("pagination", out var pagination) || pagination.ValueKind != JsonValueKind.Object
                    || !pagination.TryGetProperty("current_page", out var current) || !pagination.TryGetProperty("total_pages", out var total)
                    || !current.TryGetInt32(out var c) || !total.TryGetInt32(out var t) || c >= t)
                    break;
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Re-writes JSON text indented or compact; text that is not JSON comes back unchanged.</summary>
    public static string Format(string text, bool indented)
    {
        if (text.Length == 0)
            return text;
        try
        {
            using var document = JsonDocument.Parse(text);
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, WriterOptions(indented)))
                document.RootElement.WriteTo(writer);
            return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        }
        catch (JsonException)
        {
            return text;
        }
    }

    private static JsonDocument Parse(string text, EndpointInfo info)
    {
        try
        {
            return JsonDocument.Parse(text);
        }
        catch (JsonException ex)
        {
            throw new PteroResponseException($"{info.Method} {info.Route} did not answer with JSON: {ex.Message}", info.Method, info.Route, null);
        }
    }

    private static JsonWriterOptions WriterOptions(bool indented) => new() { Indented = indented, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
