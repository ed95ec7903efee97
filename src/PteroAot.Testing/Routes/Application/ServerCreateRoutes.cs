using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using PteroAot.Testing.Http;

namespace PteroAot.Testing.Routes.Application;

/// <summary><c>POST /api/application/servers</c>: create a server, validated like the panel.</summary>
/// <remarks>
/// The panel's order is kept: the request rules (<c>StoreServerRequest</c>, one 422 listing every failure), then the
/// deployment (400 <c>NoViableNodeException</c> / <c>NoViableAllocationException</c>), then every egg variable against
/// its own rules (a second kind of 422, fields <c>environment.ENV</c>). Nothing is stored unless all pass.
/// </remarks>
internal static class ApplicationServerCreateRoutes
{
    private const string ImageRegex = @"/^~?[\w\.\/\-:@ ]*$/";
    private const string ThreadsRegex = @"/^[0-9-,]+$/";
    private const int PortRangeLimit = 1000;

    public static void Map(Router router)
    {
        router.Map("POST", "/api/application/servers", ApiArea.Application, Create);
    }

    private static Task Create(ApiRequest r)
    {
        var includes = ApplicationTransformers.Includes(r, ApplicationTransformers.ServerIncludes);
        var root = RootOf(r);
        FakeServer server;
        lock (r.State.Gate)
        {
            server = Store(r, root);
        }

        return r.Json(201, w =>
        {
            lock (r.State.Gate)
            {
                ApplicationTransformers.Server(w, r.State, server, includes);
            }
        });
    }

    // The top-level input fields as one JSON object (RequestInput exposes them one by one).
    private static JsonElement RootOf(ApiRequest r)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            foreach (var name in new[]
            {
                "name", "user", "egg", "docker_image", "startup", "environment", "limits", "feature_limits", "allocation",
                "deploy", "external_id", "description", "skip_scripts", "oom_disabled", "start_on_completion", "boolean",
            })
            {
                if (r.Input.GetElement(name) is { } element)
                {
                    writer.WritePropertyName(name);
                    element.WriteTo(writer);
                }
            }

            writer.WriteEndObject();
        }

        return JsonDocument.Parse(stream.ToArray()).RootElement.Clone();
    }

    private static FakeServer Store(ApiRequest r, JsonElement root)
    {
        var state = r.State;
        var v = new Validation();
        var rules = new LaravelRules(v, root);

        // StoreServerRequest (Server::$validationRules plus the request's own), in the panel's order.
        rules.Check("name", "required|string|min:1|max:191");
        rules.Check("user", "required|integer|exists", exists: e => AsLong(e) is { } id && state.FindUser((int)id) is not null);
        rules.Check("egg", "required|exists", exists: e => AsLong(e) is { } id && state.FindEgg((int)id) is not null);
        rules.Check("docker_image", "required|string|max:191|regex:" + ImageRegex);
        rules.Check("startup", "required|string");
        rules.Check("environment", "present|array");
        rules.Check("limits", "required|array");
        rules.Check("limits.memory", "required|numeric|min:0");
        rules.Check("limits.swap", "required|numeric|min:-1");
        rules.Check("limits.disk", "required|numeric|min:0");
        rules.Check("limits.io", "required|numeric|between:10,1000");
        rules.Check("limits.cpu", "required|numeric|min:0");
        rules.Check("limits.threads", "nullable|regex:" + ThreadsRegex);
        rules.Check("feature_limits", "required|array");
        rules.Check("feature_limits.databases", "present|nullable|integer|min:0");
        rules.Check("feature_limits.allocations", "sometimes|nullable|integer|min:0");
        rules.Check("feature_limits.backups", "present|nullable|integer|min:0");
        rules.Check("external_id", "sometimes|nullable|string|between:1,191|unique",
            unique: e => state.Servers.All(s => s.ExternalId != e?.GetString()?.Trim()));
        rules.Check("description", "nullable|string");
        rules.Check("skip_scripts", "sometimes|boolean");
        rules.Check("oom_disabled", "sometimes|boolean");
        rules.Check("start_on_completion", "sometimes|boolean");
        rules.Check("deploy", "sometimes|required|array");
        rules.Check("deploy.locations", "array");
        rules.Check("deploy.dedicated_ip", "required_with:deploy,boolean");
        rules.Check("deploy.port_range", "array");

        // $validator->sometimes(...): the deploy lists must be present with deploy, the allocation without it.
        var deploying = LaravelRules.Filled(LaravelRules.Find(root, "deploy"));
        if (deploying)
        {
            rules.Check("deploy.locations", "present");
            rules.Check("deploy.port_range", "present");
            rules.EachItem("deploy.locations", "integer|min:1");
            rules.EachItem("deploy.port_range", "string");
        }
        else
        {
            rules.Check("allocation.default", "required|integer|bail|exists", exists: e => Unassigned(state, e) is not null);
            rules.EachItem("allocation.additional", "integer|exists", exists: e => Unassigned(state, e) is not null);
        }

        v.ThrowIfFailed();

        var owner = state.FindUser((int)AsLong(LaravelRules.Find(root, "user"))!.Value)!;
        var egg = state.FindEgg((int)AsLong(LaravelRules.Find(root, "egg"))!.Value)!;
        var memory = (int)AsDouble(LaravelRules.Find(root, "limits.memory"))!.Value;
        var disk = (int)AsDouble(LaravelRules.Find(root, "limits.disk"))!.Value;

        // Deployment first (as ServerCreationService does), then the egg variables.
        FakeAllocation primary;
        List<FakeAllocation> additional = [];
        if (deploying)
        {
            primary = Deploy(state, root, memory, disk);
        }
        else
        {
            primary = Unassigned(state, LaravelRules.Find(root, "allocation.default"))!;
            // Additional allocations are only taken from the primary's node (others are ignored, as in the panel).
            if (LaravelRules.Find(root, "allocation.additional") is { ValueKind: JsonValueKind.Array } extra)
            {
                additional = extra.EnumerateArray().Select(e => Unassigned(state, e))
                    .Where(a => a is not null && a.NodeId == primary.NodeId && !ReferenceEquals(a, primary))
                    .Distinct().ToList()!;
            }
        }

        var environment = LaravelRules.Find(root, "environment");
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        var env = new Validation();
        var envRules = new LaravelRules(env, root);
        foreach (var variable in egg.Variables)
        {
            // VariableValidatorService: every variable is validated, a missing one as null, named "<Name> variable".
            var value = environment is { ValueKind: JsonValueKind.Object } map && map.TryGetProperty(variable.EnvVariable, out var raw)
                ? raw
                : (JsonElement?)null;
            envRules.CheckValue("environment." + variable.EnvVariable, variable.Name + " variable", value, present: true, variable.Rules);
            values[variable.EnvVariable] = LaravelRules.Text(value);
        }

        env.ThrowIfFailed();

        var node = state.FindNode(primary.NodeId)!;
        var server = state.AddServer(owner, LaravelRules.Text(LaravelRules.Find(root, "name"))!, egg, node, primary, additional);
        server.Status = "installing";
        server.PowerState = "offline";
        server.Description = LaravelRules.Text(LaravelRules.Find(root, "description")) ?? "";
        server.ExternalId = LaravelRules.Text(LaravelRules.Find(root, "external_id"));
        server.DockerImage = LaravelRules.Text(LaravelRules.Find(root, "docker_image"))!;
        server.StartupCommand = LaravelRules.Text(LaravelRules.Find(root, "startup"))!;
        server.MemoryLimit = memory;
        server.DiskLimit = disk;
        server.SwapLimit = (int)AsDouble(LaravelRules.Find(root, "limits.swap"))!.Value;
        server.IoWeight = (int)AsDouble(LaravelRules.Find(root, "limits.io"))!.Value;
        server.CpuLimit = (int)AsDouble(LaravelRules.Find(root, "limits.cpu"))!.Value;
        server.Threads = LaravelRules.Text(LaravelRules.Find(root, "limits.threads"));
        server.OomDisabled = LaravelRules.Find(root, "oom_disabled") is not { } oom || LaravelRules.IsTrue(oom);
        server.DatabaseLimit = (int?)AsLong(LaravelRules.Find(root, "feature_limits.databases"));
        server.BackupLimit = (int?)AsLong(LaravelRules.Find(root, "feature_limits.backups"));
        server.AllocationLimit = (int?)AsLong(LaravelRules.Find(root, "feature_limits.allocations"));
        foreach (var variable in server.Variables)
        {
            variable.ServerValue = values.TryGetValue(variable.EnvVariable, out var value) ? value ?? "" : "";
        }

        return server;
    }

    // An allocation no server uses, by id (the "exists" rule of allocation.default / allocation.additional.*).
    private static FakeAllocation? Unassigned(FakePanelState state, JsonElement? id) =>
        AsLong(id) is { } value ? state.UnassignedAllocations.FirstOrDefault(a => a.Id == value) : null;

    /// <summary>FindViableNodesService + AllocationSelectionService.</summary>
    private static FakeAllocation Deploy(FakePanelState state, JsonElement root, int memory, int disk)
    {
        var locations = LaravelRules.Find(root, "deploy.locations") is { ValueKind: JsonValueKind.Array } l
            ? l.EnumerateArray().Select(e => AsLong(e)).Where(x => x is not null).Select(x => (int)x!.Value).ToHashSet()
            : [];
        var nodes = state.Nodes
            .Where(n => n.Public && (locations.Count == 0 || locations.Contains(n.LocationId)))
            .Where(n =>
            {
                var onNode = state.Servers.Where(s => s.NodeId == n.Id).ToList();
                // The panel multiplies by (1 + overallocate / 100), even for -1.
                return onNode.Sum(s => (long)s.MemoryLimit) + memory <= n.Memory * (1 + (n.MemoryOverallocate / 100.0))
                    && onNode.Sum(s => (long)s.DiskLimit) + disk <= n.Disk * (1 + (n.DiskOverallocate / 100.0));
            })
            .Select(n => n.Id)
            .ToHashSet();
        if (nodes.Count == 0)
        {
            throw new PanelException(400, "NoViableNodeException",
                "No nodes satisfying the requirements specified for automatic deployment could be found.");
        }

        var discrete = new HashSet<int>();
        var ranges = new List<(int Start, int End)>();
        var ports = LaravelRules.Find(root, "deploy.port_range") is { ValueKind: JsonValueKind.Array } p
            ? p.EnumerateArray().Select(e => LaravelRules.Text(e)).OfType<string>().ToList()
            : [];
        foreach (var port in ports)
        {
            if (port.All(char.IsAsciiDigit) && int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var single))
            {
                discrete.Add(single);
            }

            // AssignmentService::PORT_RANGE_REGEX; anything else is silently ignored.
            var match = Regex.Match(port, @"^(\d{4,5})-(\d{4,5})$", RegexOptions.None, TimeSpan.FromSeconds(1));
            if (match.Success)
            {
                var start = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
                var end = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
                if (Math.Abs(end - start) > PortRangeLimit)
                {
                    throw new PanelException(400, "DisplayException", "Adding more than 1000 ports in a single range at once is not supported.");
                }

                ranges.Add((start, end));
            }
        }

        var dedicated = LaravelRules.Find(root, "deploy.dedicated_ip") is { } d && LaravelRules.IsTrue(d);
        var usedIps = state.Servers.SelectMany(s => s.Allocations).Where(a => nodes.Contains(a.NodeId)).Select(a => a.Ip).ToHashSet(StringComparer.Ordinal);
        var candidates = state.UnassignedAllocations
            .Where(a => nodes.Contains(a.NodeId))
            .Where(a => ports.Count == 0 || discrete.Contains(a.Port) || ranges.Any(x => a.Port >= x.Start && a.Port <= x.End))
            .Where(a => !dedicated || !usedIps.Contains(a.Ip))
            .ToList();
        if (candidates.Count == 0)
        {
            throw new PanelException(400, "NoViableAllocationException",
                "No allocations satisfying the requirements for automatic deployment on this node were found.");
        }

        return candidates[Random.Shared.Next(candidates.Count)];
    }

    private static long? AsLong(JsonElement? e) => e switch
    {
        { ValueKind: JsonValueKind.Number } n when n.TryGetInt64(out var x) => x,
        { ValueKind: JsonValueKind.Number } n when n.TryGetDouble(out var d) && d == Math.Floor(d) => (long)d,
        { ValueKind: JsonValueKind.String } s when long.TryParse(s.GetString()?.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var x) => x,
        _ => null,
    };

    private static double? AsDouble(JsonElement? e) => e switch
    {
        { ValueKind: JsonValueKind.Number } n => n.GetDouble(),
        { ValueKind: JsonValueKind.String } s when LaravelRules.IsNumeric(s.GetString()?.Trim()) => double.Parse(s.GetString()!.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture),
        _ => null,
    };
}
