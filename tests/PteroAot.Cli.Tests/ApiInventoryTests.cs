using System.Text.Json;
using System.Text.RegularExpressions;
using PteroAot.Cli.Tests.Support;
using PteroAot.Testing;

namespace PteroAot.Cli.Tests;

/// <summary>
/// Issue 5: every Client API route of <c>spec/endpoints.json</c> is callable from ptero. The walk finds each route's
/// declared endpoint in <c>ptero api list -o json</c> and calls it with <c>ptero api call</c> against one fake panel,
/// creating what a later call needs (create before get/update/delete; destructive calls on a server of their own).
/// </summary>
public sealed class ApiInventoryTests
{
    private sealed record Listed(string Name, string Method, string Route, bool AllPages);

    private static string Shape(string route) => Regex.Replace(route, "\\{[^}]+\\}", "{}");

    [Test]
    public async Task Every_client_route_is_callable_through_api_call()
    {
        await using var panel = await FakePanel.StartAsync();
        panel.State.EnableClientAllocations(25600, 25620);
        var walk = panel.State.CreateServer(panel.DemoUser, "Walk");
        var doomed = panel.State.CreateServer(panel.DemoUser, "Reinstall me");
        using var sandbox = new Sandbox(panel);

        var spec = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(PteroBinary.RepoRoot, "spec", "endpoints.json")));
        var clientRoutes = spec.RootElement.EnumerateArray()
            .Where(e => e.GetProperty("api").GetString() == "client")
            .Select(e => (Method: e.GetProperty("method").GetString()!, Route: e.GetProperty("path").GetString()!))
            .ToList();

        var listing = (await sandbox.RunAsync("api", "list", "-o", "json")).Expect(0);
        using var listed = JsonDocument.Parse(listing.Stdout);
        var endpoints = listed.RootElement.EnumerateArray()
            .Select(e => new Listed(e.GetProperty("name").GetString()!, e.GetProperty("method").GetString()!, e.GetProperty("route").GetString()!,
                e.GetProperty("all_pages").GetBoolean()))
            .ToList();

        // Every client route has a declared one-page endpoint.
        var missing = clientRoutes.Where(r => !endpoints.Any(e => !e.AllPages && e.Method == r.Method && Shape(e.Route) == Shape(r.Route))).ToList();
        await Assert.That(missing).IsEmpty();

        var walked = new HashSet<(string, string)>();
        var log = new List<string>();
        string s = walk.Identifier, d = doomed.Identifier;

        async Task<JsonElement> Call(string method, string route, int[]? allowed, params string[] args)
        {
            var endpoint = endpoints.Single(e => !e.AllPages && e.Method == method && Shape(e.Route) == Shape(route));
            var before = panel.Requests.Count;
            var result = await sandbox.RunAsync(["api", "call", endpoint.Name, .. args]);
            allowed ??= [0];
            if (result.TimedOut || !allowed.Contains(result.ExitCode))
                Assert.Fail($"{method} {route} via 'api call {endpoint.Name} {string.Join(' ', args)}': expected exit {string.Join('/', allowed)}, got {result}");
            if (result.Stderr.Contains("   at ", StringComparison.Ordinal))
                Assert.Fail($"a stack trace reached the user: {result}");
            // The call reached this route (the fake panel records every request it routes or refuses).
            var pattern = new Regex("^" + Regex.Replace(Regex.Escape(route), "\\\\\\{[^}]+}", "[^/]+") + "(\\?.*)?$");
            var sent = panel.Requests.Skip(before).ToList();
            if (!sent.Any(r => r.Method == method && pattern.IsMatch(r.PathAndQuery)))
                Assert.Fail($"{endpoint.Name} sent no {method} {route}; it sent: {string.Join(", ", sent.Select(r => r.Method + " " + r.PathAndQuery))}");
            walked.Add((method, route));
            log.Add($"{result.ExitCode} {method} {route} ({endpoint.Name}) {result.Elapsed.TotalMilliseconds:F0} ms");
            if (result.ExitCode != 0 || result.Stdout.Trim().Length == 0 || result.Stdout.TrimStart()[0] is not ('{' or '['))
                return default;
            using var doc = JsonDocument.Parse(result.Stdout);
            return doc.RootElement.Clone();
        }
        static JsonElement Attr(JsonElement e) => e.GetProperty("attributes");

        // Servers and account reads.
        await Call("GET", "/api/client", null, "per_page=2");
        await Call("GET", "/api/client/permissions", null);
        await Call("GET", "/api/client/servers/{server}", null, $"server={s}", "include=egg");
        await Call("GET", "/api/client/servers/{server}/websocket", null, $"server={s}");
        await Call("GET", "/api/client/servers/{server}/resources", null, $"server={s}");
        await Call("GET", "/api/client/servers/{server}/activity", null, $"server={s}");
        await Call("GET", "/api/client/account", null);
        await Call("GET", "/api/client/account/activity", null, "perPage=5");

        // Account: e-mail, two-factor (enable with a real code, then disable), API keys, SSH keys.
        await Call("PUT", "/api/client/account/email", null, "--body", """{"email":"walk@example.com","password":"demo-password"}""");
        var setup = await Call("GET", "/api/client/account/two-factor", null);
        var code = Totp.Compute(setup.GetProperty("data").GetProperty("secret").GetString()!, DateTimeOffset.UtcNow);
        await Call("POST", "/api/client/account/two-factor", null, "--body", $$"""{"code":"{{code}}","password":"demo-password"}""");
        await Call("POST", "/api/client/account/two-factor/disable", null, "--body", """{"password":"demo-password"}""");
        await Call("GET", "/api/client/account/api-keys", null);
        var key = await Call("POST", "/api/client/account/api-keys", null, "--body", """{"description":"walk","allowed_ips":[]}""");
        await Call("DELETE", "/api/client/account/api-keys/{identifier}", null, $"identifier={Attr(key).GetProperty("identifier").GetString()}");
        await Call("GET", "/api/client/account/ssh-keys", null);
        var ssh = await Call("POST", "/api/client/account/ssh-keys", null, "--body",
            """{"name":"walk","public_key":"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl walk"}""");
        await Call("POST", "/api/client/account/ssh-keys/remove", null, "--body", $$"""{"fingerprint":"{{Attr(ssh).GetProperty("fingerprint").GetString()}}"}""");

        // Power and console command (the server must be running for a command).
        await Call("POST", "/api/client/servers/{server}/power", null, $"server={s}", "--body", """{"signal":"start"}""");
        for (int i = 0; i < 50 && panel.State.FindServer(s)!.PowerState != "running"; i++)
            await Task.Delay(100);
        await Call("POST", "/api/client/servers/{server}/command", null, $"server={s}", "--body", """{"command":"say walk"}""");

        // Databases.
        await Call("GET", "/api/client/servers/{server}/databases", null, $"server={s}");
        var db = await Call("POST", "/api/client/servers/{server}/databases", null, $"server={s}", "--body", """{"database":"walk","remote":"%"}""");
        var dbId = Attr(db).GetProperty("id").GetString()!;
        await Call("POST", "/api/client/servers/{server}/databases/{database}/rotate-password", null, $"server={s}", $"database={dbId}");
        await Call("DELETE", "/api/client/servers/{server}/databases/{database}", null, $"server={s}", $"database={dbId}");

        // Files.
        await Call("POST", "/api/client/servers/{server}/files/write", null, $"server={s}", "file=/walk.txt", "--body", "hello from the walk\n");
        await Call("GET", "/api/client/servers/{server}/files/list", null, $"server={s}", "directory=/");
        await Call("GET", "/api/client/servers/{server}/files/contents", null, $"server={s}", "file=/walk.txt");
        await Call("GET", "/api/client/servers/{server}/files/download", null, $"server={s}", "file=/walk.txt");
        await Call("POST", "/api/client/servers/{server}/files/copy", null, $"server={s}", "--body", """{"location":"/walk.txt"}""");
        await Call("PUT", "/api/client/servers/{server}/files/rename", null, $"server={s}", "--body", """{"root":"/","files":[{"from":"walk.txt","to":"walked.txt"}]}""");
        await Call("POST", "/api/client/servers/{server}/files/create-folder", null, $"server={s}", "--body", """{"root":"/","name":"walkdir"}""");
        await Call("POST", "/api/client/servers/{server}/files/chmod", null, $"server={s}", "--body", """{"root":"/","files":[{"file":"walked.txt","mode":"644"}]}""");
        var archive = await Call("POST", "/api/client/servers/{server}/files/compress", null, $"server={s}", "--body", """{"root":"/","files":["walked.txt"]}""");
        await Call("POST", "/api/client/servers/{server}/files/decompress", null, $"server={s}", "--body",
            $$"""{"root":"/","file":"{{Attr(archive).GetProperty("name").GetString()}}"}""");
        await Call("POST", "/api/client/servers/{server}/files/delete", null, $"server={s}", "--body", """{"root":"/","files":["walkdir"]}""");
        await Call("POST", "/api/client/servers/{server}/files/pull", null, $"server={s}", "--body", """{"url":"https://example.com/plugin.jar","directory":"/"}""");
        await Call("GET", "/api/client/servers/{server}/files/upload", null, $"server={s}");

        // Schedules and tasks.
        await Call("GET", "/api/client/servers/{server}/schedules", null, $"server={s}");
        const string cron = """{"name":"walk","minute":"0","hour":"4","day_of_month":"*","month":"*","day_of_week":"*","is_active":true}""";
        var schedule = await Call("POST", "/api/client/servers/{server}/schedules", null, $"server={s}", "--body", cron);
        var scheduleId = Attr(schedule).GetProperty("id").GetInt32().ToString();
        await Call("GET", "/api/client/servers/{server}/schedules/{schedule}", null, $"server={s}", $"schedule={scheduleId}");
        await Call("POST", "/api/client/servers/{server}/schedules/{schedule}", null, $"server={s}", $"schedule={scheduleId}", "--body", cron.Replace("\"4\"", "\"5\""));
        var task = await Call("POST", "/api/client/servers/{server}/schedules/{schedule}/tasks", null, $"server={s}", $"schedule={scheduleId}", "--body",
            """{"action":"command","payload":"say hi","time_offset":0}""");
        var taskId = Attr(task).GetProperty("id").GetInt32().ToString();
        await Call("POST", "/api/client/servers/{server}/schedules/{schedule}/tasks/{task}", null, $"server={s}", $"schedule={scheduleId}", $"task={taskId}", "--body",
            """{"action":"command","payload":"say hello","time_offset":5}""");
        await Call("POST", "/api/client/servers/{server}/schedules/{schedule}/execute", null, $"server={s}", $"schedule={scheduleId}");
        await Call("DELETE", "/api/client/servers/{server}/schedules/{schedule}/tasks/{task}", null, $"server={s}", $"schedule={scheduleId}", $"task={taskId}");
        await Call("DELETE", "/api/client/servers/{server}/schedules/{schedule}", null, $"server={s}", $"schedule={scheduleId}");

        // Network: assign a second allocation, note it, make it primary, then remove the first.
        var allocations = await Call("GET", "/api/client/servers/{server}/network/allocations", null, $"server={s}");
        var firstId = Attr(allocations.GetProperty("data")[0]).GetProperty("id").GetInt32().ToString();
        var assigned = await Call("POST", "/api/client/servers/{server}/network/allocations", null, $"server={s}");
        var newId = Attr(assigned).GetProperty("id").GetInt32().ToString();
        await Call("POST", "/api/client/servers/{server}/network/allocations/{allocation}", null, $"server={s}", $"allocation={newId}", "--body", """{"notes":"walk"}""");
        await Call("POST", "/api/client/servers/{server}/network/allocations/{allocation}/primary", null, $"server={s}", $"allocation={newId}");
        await Call("DELETE", "/api/client/servers/{server}/network/allocations/{allocation}", null, $"server={s}", $"allocation={firstId}");

        // Subusers.
        await Call("GET", "/api/client/servers/{server}/users", null, $"server={s}");
        var subuser = await Call("POST", "/api/client/servers/{server}/users", null, $"server={s}", "--body", """{"email":"walker@example.com","permissions":["control.console"]}""");
        var userUuid = Attr(subuser).GetProperty("uuid").GetString()!;
        await Call("GET", "/api/client/servers/{server}/users/{user}", null, $"server={s}", $"user={userUuid}");
        await Call("POST", "/api/client/servers/{server}/users/{user}", null, $"server={s}", $"user={userUuid}", "--body", """{"permissions":["control.console","control.start"]}""");
        await Call("DELETE", "/api/client/servers/{server}/users/{user}", null, $"server={s}", $"user={userUuid}");

        // Backups: create, wait for completion, then read, download, lock twice (unlock), restore, delete.
        await Call("GET", "/api/client/servers/{server}/backups", null, $"server={s}");
        var backup = await Call("POST", "/api/client/servers/{server}/backups", null, $"server={s}", "--body", """{"name":"walk"}""");
        var backupUuid = Attr(backup).GetProperty("uuid").GetString()!;
        JsonElement shown = default;
        for (int i = 0; i < 100; i++)
        {
            shown = await Call("GET", "/api/client/servers/{server}/backups/{backup}", null, $"server={s}", $"backup={backupUuid}");
            if (Attr(shown).GetProperty("completed_at").ValueKind != JsonValueKind.Null)
                break;
            await Task.Delay(100);
        }
        await Call("GET", "/api/client/servers/{server}/backups/{backup}/download", null, $"server={s}", $"backup={backupUuid}");
        await Call("POST", "/api/client/servers/{server}/backups/{backup}/lock", null, $"server={s}", $"backup={backupUuid}");
        await Call("POST", "/api/client/servers/{server}/backups/{backup}/lock", null, $"server={s}", $"backup={backupUuid}");
        await Call("POST", "/api/client/servers/{server}/backups/{backup}/restore", null, $"server={s}", $"backup={backupUuid}", "--body", """{"truncate":false}""");
        for (int i = 0; i < 100 && panel.State.FindServer(s)!.Status is not null; i++)
            await Task.Delay(100);
        await Call("DELETE", "/api/client/servers/{server}/backups/{backup}", null, $"server={s}", $"backup={backupUuid}");

        // Startup and settings; the reinstall on a server of its own.
        await Call("GET", "/api/client/servers/{server}/startup", null, $"server={s}");
        await Call("PUT", "/api/client/servers/{server}/startup/variable", null, $"server={s}", "--body", """{"key":"MINECRAFT_VERSION","value":"1.20.4"}""");
        await Call("POST", "/api/client/servers/{server}/settings/rename", null, $"server={s}", "--body", """{"name":"Walked"}""");
        await Call("PUT", "/api/client/servers/{server}/settings/docker-image", null, $"server={s}", "--body",
            $$"""{"docker_image":"{{walk.DockerImages.Values.First(v => v != walk.DockerImage)}}"}""");
        await Call("POST", "/api/client/servers/{server}/settings/reinstall", null, $"server={d}");

        // Last: the password (later calls would need the new one).
        await Call("PUT", "/api/client/account/password", null, "--body",
            """{"current_password":"demo-password","password":"walk-password-2","password_confirmation":"walk-password-2"}""");

        var notWalked = clientRoutes.Where(r => !walked.Contains(r)).Select(r => r.Method + " " + r.Route).ToList();
        await Assert.That(notWalked).IsEmpty();
        await Assert.That(walked.Count).IsEqualTo(69);
        await Assert.That(clientRoutes.Count).IsEqualTo(69);
        Console.WriteLine(string.Join('\n', log));
    }

    [Test]
    public async Task Call_names_a_missing_required_parameter_and_rejects_a_path_escape()
    {
        await using var panel = await FakePanel.StartAsync();
        using var sandbox = new Sandbox(panel);

        var missing = (await sandbox.RunAsync("api", "call", "servers.get")).Expect(2);
        await Assert.That(missing.Stderr).Contains("needs 'server'");
        await Assert.That(missing.Stderr).Contains("servers.get server=<id>");

        var body = (await sandbox.RunAsync("api", "call", "servers.send-command", "server=abcdefgh")).Expect(2);
        await Assert.That(body.Stderr).Contains("--body");

        foreach (var bad in new[] { "..", ".", "a/b", "a\\b" })
        {
            var before = panel.Requests.Count;
            var r = (await sandbox.RunAsync("api", "call", "servers.get", "server=" + bad)).Expect(2);
            await Assert.That(r.Stderr).Contains("single path segment");
            await Assert.That(panel.Requests.Count).IsEqualTo(before);
        }

        (await sandbox.RunAsync("api", "call", "servers.get", "server=abcdefgh", "nope=1")).Expect(2);
        (await sandbox.RunAsync("api", "call", "servers.list", "page=x")).Expect(2);
        (await sandbox.RunAsync("api", "call", "no.such")).Expect(2);
        (await sandbox.RunAsync("api", "call", "account.create-api-key", "--body", "{oops")).Expect(2);

        // Typed panel errors keep their exit codes: 404 → 4, 422 → 5.
        (await sandbox.RunAsync("api", "call", "servers.get", "server=abcdefgh")).Expect(4);
        var invalid = (await sandbox.RunAsync("api", "call", "account.create-api-key", "--body", """{"description":""}""")).Expect(5);
        await Assert.That(invalid.Stderr).Contains("description");
    }

    [Test]
    public async Task All_pages_walks_every_page()
    {
        await using var panel = await FakePanel.StartAsync();
        for (int i = 0; i < 7; i++)
            panel.State.CreateServer(panel.DemoUser, $"Paged {i}");
        using var sandbox = new Sandbox(panel);

        var one = (await sandbox.RunAsync("api", "call", "servers.list", "per_page=4")).Expect(0);
        using (var doc = JsonDocument.Parse(one.Stdout))
            await Assert.That(doc.RootElement.GetProperty("data").GetArrayLength()).IsEqualTo(4);

        var all = (await sandbox.RunAsync("api", "call", "servers.list", "per_page=4", "--all-pages")).Expect(0);
        using (var doc = JsonDocument.Parse(all.Stdout))
            await Assert.That(doc.RootElement.GetProperty("data").GetArrayLength()).IsEqualTo(10);

        var walk = (await sandbox.RunAsync("api", "call", "servers.enumerate", "perPage=4")).Expect(0);
        using (var doc = JsonDocument.Parse(walk.Stdout))
            await Assert.That(doc.RootElement.GetProperty("data").GetArrayLength()).IsEqualTo(10);

        var list = (await sandbox.RunAsync("api", "list", "--filter", "servers.enumerate")).Expect(0);
        await Assert.That(list.Stdout).Contains("(all pages)");
    }
}
