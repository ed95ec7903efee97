using System.Text.Json.Nodes;

namespace PteroAot.Benchmarks;

/// <summary>Fixture bytes copied next to the program, and list bodies built from servers-list.json's items.</summary>
internal static class Fixtures
{
    public static byte[] Read(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "fixtures", name));

    /// <summary>A servers list page: servers-list.json's items repeated to <paramref name="perPage"/>, with pagination meta.</summary>
    public static byte[] ServersPage(int perPage, int page = 1, int totalPages = 1)
    {
        var source = JsonNode.Parse(Read("servers-list.json"))!;
        var items = source["data"]!.AsArray();
        var data = new JsonArray();
        for (var i = 0; i < perPage; i++)
            data.Add(items[i % items.Count]!.DeepClone());
        var body = new JsonObject
        {
            ["object"] = "list",
            ["data"] = data,
            ["meta"] = new JsonObject
            {
                ["pagination"] = new JsonObject
                {
                    ["total"] = perPage * totalPages,
                    ["count"] = perPage,
                    ["per_page"] = perPage,
                    ["current_page"] = page,
                    ["total_pages"] = totalPages,
                    ["links"] = new JsonObject(),
                },
            },
        };
        return System.Text.Encoding.UTF8.GetBytes(body.ToJsonString());
    }
}
