using System.Text.Json;
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
    [Test]
    public async Task Every_client_route_is_callable_through_api_call()
    {
        await using var panel = await FakePanel.StartAsync();
        panel.State.EnableClientAllocations(25600, 25620);
        var walk = panel.State.CreateServer(panel.DemoUser, "Walk");
        var doomed = panel.State.CreateServer(panel.DemoUser, "Reinstall me");
        using var sandbox = new Sandbox(panel);

        var clientRoutes = await ApiWalk.SpecRoutesAsync("client");
        var api = await ApiWalk.StartAsync(panel, sandbox);

        // Every client route has a declared one-page endpoint.
        await Assert.That(ApiWalk.Undeclared(clientRoutes, api.Endpoints)).IsEmpty();

        string s = walk.Identifier, d = doomed.Identifier;
        Task<JsonElement> Call(string method, string route, params string[] args) => api.Call(method, route, args);
        static JsonElement Attr(JsonElement e) => ApiWalk.Attr(e);

        // Servers and account reads.
        await Call("GET", "/api/client", "per_page=2");
        await Call("GET", "/api/client/permissions");
        await Call("GET", "/api/client/servers/{server}", $"server={s}", "include=egg");
        await Call("GET", "/api/client/servers/{server}/websocket", $"server={s}");
        await Call("GET", "/api/client/servers/{server}/resources", $"server={s}");
        await Call("GET", "/api/client/servers/{server}/activity", $"server={s}");
        await Call("GET", "/api/client/account");
        await Call("GET", "/api/client/account/activity", "perPage=5");

        // Account: e-mail, two-factor (enable with a real code, then disable), API keys, SSH keys.
        await Call("PUT", "/api/client/account/email", "--body", """{"email":"walk@example.com","password":"demo-password"}""");
        var setup = await Call("GET", "/api/client/account/two-factor");
        var code = Totp.Compute(setup.GetProperty("data").GetProperty("secret").GetString()!, DateTimeOffset.UtcNow);
        await Call("POST", "/api/client/account/two-factor", "--body", $$"""{"code":"{{code}}","password":"demo-password"}""");
        await Call("POST", "/api/client/account/two-factor/disable", "--body", """{"password":"demo-password"}""");
        await Call("GET", "/api/client/account/api-keys");
        var key = await Call("POST", "/api/client/account/api-keys", "--body", """{"description":"walk","allowed_ips":[]}""");
        await Call("DELETE", "/api/client/account/api-keys/{identifier}", $"identifier={Attr(key).GetProperty("identifier").GetString()}");
        await Call("GET", "/api/client/account/ssh-keys");
        var ssh = await Call("POST", "/api/client/account/ssh-keys", "--body",
            """{"name":"walk","public_key":"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl walk"}""");
        await Call("POST", "/api/client/account/ssh-keys/remove", "--body", $$"""{"fingerprint":"{{Attr(ssh).GetProperty("fingerprint").GetString()}}"}""");

        // Power and console command (the server must be running for a command).
        await Call("POST", "/api/client/servers/{server}/power", $"server={s}", "--body", """{"signal":"start"}""");
        for (int i = 0; i < 50 && panel.State.FindServer(s)!.PowerState != "running"; i++)
            await Task.Delay(100);
        await Call("POST", "/api/client/servers/{server}/command", $"server={s}", "--body", """{"command":"say walk"}""");

        // Databases.
        await Call("GET", "/api/client/servers/{server}/databases", $"server={s}");
        var db = await Call("POST", "/api/client/servers/{server}/databases", $"server={s}", "--body", """{"database":"walk","remote":"%"}""");
        var dbId = Attr(db).GetProperty("id").GetString()!;
        await Call("POST", "/api/client/servers/{server}/databases/{database}/rotate-password", $"server={s}", $"database={dbId}");
        await Call("DELETE", "/api/client/servers/{server}/databases/{database}", $"server={s}", $"database={dbId}");

        // Files.
        await Call("POST", "/api/client/servers/{server}/files/write", $"server={s}", "file=/walk.txt", "--body", "hello from the walk\n");
        await Call("GET", "/api/client/servers/{server}/files/list", $"server={s}", "directory=/");
        await Call("GET", "/api/client/servers/{server}/files/contents", $"server={s}", "file=/walk.txt");
        await Call("GET", "/api/client/servers/{server}/files/download", $"server={s}", "file=/walk.txt");
        await Call("POST", "/api/client/servers/{server}/files/copy", $"server={s}", "--body", """{"location":"/walk.txt"}""");
        await Call("PUT", "/api/client/servers/{server}/files/rename", $"server={s}", "--body", """{"root":"/","files":[{"from":"walk.txt","to":"walked.txt"}]}""");
        await Call("POST", "/api/client/servers/{server}/files/create-folder", $"server={s}", "--body", """{"root":"/","name":"walkdir"}""");
        await Call("POST", "/api/client/servers/{server}/files/chmod", $"server={s}", "--body", """{"root":"/","files":[{"file":"walked.txt","mode":"644"}]}""");
        var archive = await Call("POST", "/api/client/servers/{server}/files/compress", $"server={s}", "--body", """{"root":"/","files":["walked.txt"]}""");
        await Call("POST", "/api/client/servers/{server}/files/decompress", $"server={s}", "--body",
            $$"""{"root":"/","file":"{{Attr(archive).GetProperty("name").GetString()}}"}""");
        await Call("POST", "/api/client/servers/{server}/files/delete", $"server={s}", "--body", """{"root":"/","files":["walkdir"]}""");
        await Call("POST", "/api/client/servers/{server}/files/pull", $"server={s}", "--body", """{"url":"https://example.com/plugin.jar","directory":"/"}""");
        await Call("GET", "/api/client/servers/{server}/files/upload", $"server={s}");

        // Schedules and tasks.
        await Call("GET", "/api/client/servers/{server}/schedules", $"server={s}");
        const string cron = """{"name":"walk","minute":"0","hour":"4","day_of_month":"*","month":"*","day_of_week":"*","is_active":true}""";
        var schedule = await Call("POST", "/api/client/servers/{server}/schedules", $"server={s}", "--body", cron);
        var scheduleId = Attr(schedule).GetProperty("id").GetInt32().ToString();
        await Call("GET", "/api/client/servers/{server}/schedules/{schedule}", $"server={s}", $"schedule={scheduleId}");
        await Call("POST", "/api/client/servers/{server}/schedules/{schedule}", $"server={s}", $"schedule={scheduleId}", "--body", cron.Replace("\"4\"", "\"5\""));
        var task = await Call("POST", "/api/client/servers/{server}/schedules/{schedule}/tasks", $"server={s}", $"schedule={scheduleId}", "--body",
            """{"action":"command","payload":"say hi","time_offset":0}""");
        var taskId = Attr(task).GetProperty("id").GetInt32().ToString();
        await Call("POST", "/api/client/servers/{server}/schedules/{schedule}/tasks/{task}", $"server={s}", $"schedule={scheduleId}", $"task={taskId}", "--body",
            """{"action":"command","payload":"say hello","time_offset":5}""");
        await Call("POST", "/api/client/servers/{server}/schedules/{schedule}/execute", $"server={s}", $"schedule={scheduleId}");
        await Call("DELETE", "/api/client/servers/{server}/schedules/{schedule}/tasks/{task}", $"server={s}", $"schedule={scheduleId}", $"task={taskId}");
        await Call("DELETE", "/api/client/servers/{server}/schedules/{schedule}", $"server={s}", $"schedule={scheduleId}");

        // Network: assign a second allocation, note it, make it primary, then remove the first.
        var allocations = await Call("GET", "/api/client/servers/{server}/network/allocations", $"server={s}");
        var firstId = Attr(allocations.GetProperty("data")[0]).GetProperty("id").GetInt32().ToString();
        var assigned = await Call("POST", "/api/client/servers/{server}/network/allocations", $"server={s}");
        var newId = Attr(assigned).GetProperty("id").GetInt32().ToString();
        await Call("POST", "/api/client/servers/{server}/network/allocations/{allocation}", $"server={s}", $"allocation={newId}", "--body", """{"notes":"walk"}""");
        await Call("POST", "/api/client/servers/{server}/network/allocations/{allocation}/primary", $"server={s}", $"allocation={newId}");
        await Call("DELETE", "/api/client/servers/{server}/network/allocations/{allocation}", $"server={s}", $"allocation={firstId}");

        // Subusers.
        await Call("GET", "/api/client/servers/{server}/users", $"server={s}");
        var subuser = await Call("POST", "/api/client/servers/{server}/users", $"server={s}", "--body", """{"email":"walker@example.com","permissions":["control.console"]}""");
        var userUuid = Attr(subuser).GetProperty("uuid").GetString()!;
        await Call("GET", "/api/client/servers/{server}/users/{user}", $"server={s}", $"user={userUuid}");
        await Call("POST", "/api/client/servers/{server}/users/{user}", $"server={s}", $"user={userUuid}", "--body", """{"permissions":["control.console","control.start"]}""");
        await Call("DELETE", "/api/client/servers/{server}/users/{user}", $"server={s}", $"user={userUuid}");

        // Backups: create, wait for completion, then read, download, lock twice (unlock), restore, delete.
        await Call("GET", "/api/client/servers/{server}/backups", $"server={s}");
        var backup = await Call("POST", "/api/client/servers/{server}/backups", $"server={s}", "--body", """{"name":"walk"}""");
        var backupUuid = Attr(backup).GetProperty("uuid").GetString()!;
        JsonElement shown = default;
        for (int i = 0; i < 100; i++)
        {
            shown = await Call("GET", "/api/client/servers/{server}/backups/{backup}", $"server={s}", $"backup={backupUuid}");
            if (Attr(shown).GetProperty("completed_at").ValueKind != JsonValueKind.Null)
                break;
            await Task.Delay(100);
        }
        await Call("GET", "/api/client/servers/{server}/backups/{backup}/download", $"server={s}", $"backup={backupUuid}");
        await Call("POST", "/api/client/servers/{server}/backups/{backup}/lock", $"server={s}", $"backup={backupUuid}");
        await Call("POST", "/api/client/servers/{server}/backups/{backup}/lock", $"server={s}", $"backup={backupUuid}");
        await Call("POST", "/api/client/servers/{server}/backups/{backup}/restore", $"server={s}", $"backup={backupUuid}", "--body", """{"truncate":false}""");
        for (int i = 0; i < 100 && panel.State.FindServer(s)!.Status is not null; i++)
            await Task.Delay(100);
        await Call("DELETE", "/api/client/servers/{server}/backups/{backup}", $"server={s}", $"backup={backupUuid}");

        // Startup and settings; the reinstall on a server of its own.
        await Call("GET", "/api/client/servers/{server}/startup", $"server={s}");
        await Call("PUT", "/api/client/servers/{server}/startup/variable", $"server={s}", "--body", """{"key":"MINECRAFT_VERSION","value":"1.20.4"}""");
        await Call("POST", "/api/client/servers/{server}/settings/rename", $"server={s}", "--body", """{"name":"Walked"}""");
        await Call("PUT", "/api/client/servers/{server}/settings/docker-image", $"server={s}", "--body",
            $$"""{"docker_image":"{{walk.DockerImages.Values.First(v => v != walk.DockerImage)}}"}""");
        await Call("POST", "/api/client/servers/{server}/settings/reinstall", $"server={d}");

        // Last: the password (later calls would need the new one).
        await Call("PUT", "/api/client/account/password", "--body",
            """{"current_password":"demo-password","password":"walk-password-2","password_confirmation":"walk-password-2"}""");

        var notWalked = clientRoutes.Where(r => !api.Walked.Contains(r)).Select(r => r.Method + " " + r.Route).ToList();
        await Assert.That(notWalked).IsEmpty();
        await Assert.That(api.Walked.Count).IsEqualTo(69);
        await Assert.That(clientRoutes.Count).IsEqualTo(69);
        Console.WriteLine(string.Join('\n', api.Log));
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
