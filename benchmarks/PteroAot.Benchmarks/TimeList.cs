using System.Buffers;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using PteroAot.Http;
using PteroAot.Servers;

namespace PteroAot.Benchmarks;

/// <summary>
/// <c>--time-list</c>: a Stopwatch breakdown of the list scenario (floor vs the SDK, end to end and step by step),
/// median µs per call over several rounds. Not a replacement for BenchmarkDotNet; a quick way to find where time goes.
/// </summary>
internal static class TimeList
{
    public static async Task<int> RunAsync()
    {
        foreach (var perPage in new[] { 50, 100 })
        {
            var body = Fixtures.ServersPage(perPage);
            var url = HandWritten.Panel + "/api/client?page=1&per_page=" + perPage;
            var client = new PteroClient(new HttpClient(new CannedHandler(body)), HandWritten.Panel, HandWritten.Key);
            var http = new HttpClient(new CannedHandler(body));
            var endpoint = new EndpointInfo("GET", "/api/client", "list");
            var item = Encoding(JsonNode.Parse(body)!["data"]![0]!["attributes"]!.ToJsonString());
            var sdkServer = ServersJsonContext.Default.Server;
            var floorServer = FloorJsonContext.Default.Server;

            var steps = new (string Name, Func<Task> Run)[]
            {
                ("floor e2e", () => HandWritten.SendAsync(http, HandWritten.Request(HttpMethod.Get, url), FloorJson.Servers)),
                ("sdk e2e", () => client.Servers.ListAsync(page: 1, perPage: perPage)),
                ("sdk ReadListAsync (copy+parse)", async () => { using var r = Response(body); await PteroResponse.ReadListAsync(r, sdkServer, endpoint, default); }),
                ("floor DeserializeAsync(MemoryStream)", async () => await JsonSerializer.DeserializeAsync(new MemoryStream(body, false), FloorJson.Servers)),
                ("floor Deserialize(span)", () => { JsonSerializer.Deserialize(body, FloorJson.Servers); return Task.CompletedTask; }),
                ("copy into pooled buffer", async () => { using var r = Response(body); await Copy(r); }),
                ($"{perPage}x item, floor Server info", () => { for (int i = 0; i < perPage; i++) JsonSerializer.Deserialize(item, floorServer); return Task.CompletedTask; }),
                ($"{perPage}x item, SDK Server info", () => { for (int i = 0; i < perPage; i++) JsonSerializer.Deserialize(item, sdkServer); return Task.CompletedTask; }),
            };
            var samples = steps.Select(_ => new List<double>()).ToArray();
            for (int round = 0; round < 9; round++)
            {
                for (int s = 0; s < steps.Length; s++)
                {
                    for (int w = 0; w < 20; w++)
                        await steps[s].Run();
                    int n = 0;
                    var sw = Stopwatch.StartNew();
                    while (sw.ElapsedMilliseconds < 300)
                    {
                        await steps[s].Run();
                        n++;
                    }
                    samples[s].Add(sw.Elapsed.TotalMicroseconds / n);
                }
            }
            Console.WriteLine($"per page {perPage} ({body.Length} B): median µs (min–max of 9 rounds)");
            for (int s = 0; s < steps.Length; s++)
            {
                var x = samples[s].Order().ToArray();
                Console.WriteLine($"  {steps[s].Name,-40} {x[x.Length / 2],8:F1}  ({x[0]:F1}–{x[^1]:F1})");
            }
        }
        return 0;
    }

    private static byte[] Encoding(string s) => System.Text.Encoding.UTF8.GetBytes(s);

    private static HttpResponseMessage Response(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = content };
    }

    private static async Task Copy(HttpResponseMessage response)
    {
        var buffer = ArrayPool<byte>.Shared.Rent((int)(response.Content.Headers.ContentLength ?? 4096) + 1);
        int length = 0;
        using var stream = await response.Content.ReadAsStreamAsync();
        while (true)
        {
            int read = await stream.ReadAsync(buffer.AsMemory(length));
            if (read == 0)
                break;
            length += read;
        }
        ArrayPool<byte>.Shared.Return(buffer);
    }
}
