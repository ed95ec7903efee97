using System.CommandLine;
using System.CommandLine.Completions;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using PteroAot.Cli.Infrastructure;
using PteroAot.Cli.Terminal;
using PteroAot.Http;

namespace PteroAot.Cli.Commands;

/// <summary>
/// <c>ptero api list|call</c>: every endpoint the SDK declares, by name, from the generated endpoint tables
/// (<see cref="ApiTable"/>), so nothing the SDK can do is missing from the command line.
/// </summary>
internal static class ApiCommands
{
    public static Command Build()
    {
        var group = new Command("api", "Any SDK endpoint by name: 'api list' shows them, 'api call NAME key=value...' calls one and prints the panel's JSON.");
        group.Add(List());
        group.Add(Call());
        return group;
    }

    private static Command List()
    {
        var filter = new Option<string?>("--filter") { Description = "Show only endpoints whose name, method or route contains this text.", HelpName = "text" };
        var command = new Command("list", "List every endpoint: name, method, route and parameters (* required).") { filter };
        command.Aliases.Add("ls");
        command.Handle(c =>
        {
            var text = c.Get(filter);
            var endpoints = ApiTable.All.Where(e => text is null
                || e.Name.Contains(text, StringComparison.OrdinalIgnoreCase)
                || e.Info.Route.Contains(text, StringComparison.OrdinalIgnoreCase)
                || e.Info.Method.Equals(text, StringComparison.OrdinalIgnoreCase)).ToList();
            if (c.Json)
            {
                c.Out.WriteLine(ToJson(endpoints, indented: !c.Jsonl));
                return Task.FromResult(ExitCodes.Success);
            }
            var table = new Table("NAME", "METHOD", "ROUTE", "PARAMETERS");
            foreach (var e in endpoints)
            {
                var parameters = string.Join(' ', e.Info.Parameters.Select(p => (p.In == ParameterLocation.Body ? "--body" : p.Name) + (p.Required ? "*" : "")));
                if (e.Info.IsWalk)
                    parameters = (parameters + " (all pages)").TrimStart();
                table.Add(e.Name, e.Info.Method, e.Info.Route, parameters);
            }
            if (table.Count == 0)
                c.Note(text is null ? "No endpoints." : $"No endpoint matches '{Term.Clean(text)}'.");
            else
                c.WriteTable(table);
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    private static Command Call()
    {
        var name = new Argument<string>("name") { Description = "The endpoint, as 'ptero api list' names it (e.g. servers.get)." };
        name.CompletionSources.Add(_ => ApiTable.All.Select(e => new CompletionItem(e.Name, detail: e.Info.Method + " " + e.Info.Route)));
        var pairs = new Argument<string[]>("parameters")
        {
            Description = "key=value for each route, query or header parameter (C# or wire name: perPage=5 or per_page=5).",
            Arity = ArgumentArity.ZeroOrMore,
            HelpName = "key=value",
        };
        var body = new Option<string?>("--body") { Description = "The request body as given: JSON text, @file, or - for stdin.", HelpName = "json|@file|-" };
        var allPages = new Option<bool>("--all-pages") { Description = "Fetch every page of a list and print one {\"object\":\"list\",\"data\":[...]}." };
        var command = new Command("call", "Call an endpoint and print the panel's answer (JSON: indented on a terminal, compact otherwise).") { name, pairs, body, allPages };
        command.Handle(async c =>
        {
            var endpoint = ApiTable.Find(c.Get(name))
                ?? throw new UsageException($"no endpoint named '{Term.Clean(c.Get(name))}'; 'ptero api list' shows them all.");
            var bodyText = c.Get(body) is { } given ? await ReadBodyAsync(endpoint, given, c.CancellationToken) : null;
            var values = ApiCall.Bind(endpoint, c.Get(pairs) ?? [], bodyText);
            var info = endpoint.Info;
            bool pages = c.Get(allPages) || info.IsWalk;
            if (pages && !ApiCall.CanPage(info))
                throw new UsageException($"{endpoint.Name} is not a paginated list; --all-pages does not apply.");
            bool indented = Term.StdoutIsTerminal && !c.Jsonl;
            var connection = c.Client.Connection;
            if (pages)
            {
                c.Out.WriteLine(await ApiCall.SendAllPagesAsync(connection, info, values, indented, c.CancellationToken));
                return ExitCodes.Success;
            }
            var (text, json) = await ApiCall.SendAsync(connection, info, values, page: null, c.CancellationToken);
            if (json)
                c.Out.WriteLine(ApiCall.Format(text, indented));
            else if (text.Length > 0)
                c.Out.Write(text);
            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task<string> ReadBodyAsync(ApiEndpoint endpoint, string given, CancellationToken cancellationToken)
    {
        string text;
        if (given == "-")
            text = await Console.In.ReadToEndAsync(cancellationToken);
        else if (given.StartsWith('@'))
        {
            try
            {
                text = await File.ReadAllTextAsync(given[1..], cancellationToken);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new UsageException($"cannot read the body file {Term.Clean(given[1..])}: {ex.Message}");
            }
        }
        else
            text = given;

        var parameter = endpoint.Info.Parameters.FirstOrDefault(p => p.In == ParameterLocation.Body);
        if (parameter?.Kind == ParameterValueKind.Json)
        {
            try
            {
                using var _ = JsonDocument.Parse(text);
            }
            catch (JsonException ex)
            {
                throw new UsageException($"the body of {endpoint.Name} is not valid JSON: {ex.Message}");
            }
        }
        return text;
    }

    private static string ToJson(List<ApiEndpoint> endpoints, bool indented)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartArray();
            foreach (var e in endpoints)
            {
                w.WriteStartObject();
                w.WriteString("name", e.Name);
                w.WriteString("method", e.Info.Method);
                w.WriteString("route", e.Info.Route);
                w.WriteString("sdk_method", e.Info.Name);
                w.WriteBoolean("all_pages", e.Info.IsWalk);
                w.WriteStartArray("parameters");
                foreach (var p in e.Info.Parameters)
                {
                    w.WriteStartObject();
                    w.WriteString("name", p.Name);
                    w.WriteString("wire_name", p.WireName);
                    w.WriteString("in", p.In switch { ParameterLocation.Path => "path", ParameterLocation.Query => "query", ParameterLocation.Header => "header", _ => "body" });
                    w.WriteString("kind", ApiCall.KindName(p.Kind));
                    w.WriteBoolean("required", p.Required);
                    if (p.ContentType is not null)
                        w.WriteString("content_type", p.ContentType);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
