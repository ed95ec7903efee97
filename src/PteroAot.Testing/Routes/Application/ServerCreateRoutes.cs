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
        var rules = new Rules(v, root);

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
        var deploying = Rules.Filled(Rules.Find(root, "deploy"));
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

        var owner = state.FindUser((int)AsLong(Rules.Find(root, "user"))!.Value)!;
        var egg = state.FindEgg((int)AsLong(Rules.Find(root, "egg"))!.Value)!;
        var memory = (int)AsDouble(Rules.Find(root, "limits.memory"))!.Value;
        var disk = (int)AsDouble(Rules.Find(root, "limits.disk"))!.Value;

        // Deployment first (as ServerCreationService does), then the egg variables.
        FakeAllocation primary;
        List<FakeAllocation> additional = [];
        if (deploying)
        {
            primary = Deploy(state, root, memory, disk);
        }
        else
        {
            primary = Unassigned(state, Rules.Find(root, "allocation.default"))!;
            // Additional allocations are only taken from the primary's node (others are ignored, as in the panel).
            if (Rules.Find(root, "allocation.additional") is { ValueKind: JsonValueKind.Array } extra)
            {
                additional = extra.EnumerateArray().Select(e => Unassigned(state, e))
                    .Where(a => a is not null && a.NodeId == primary.NodeId && !ReferenceEquals(a, primary))
                    .Distinct().ToList()!;
            }
        }

        var environment = Rules.Find(root, "environment");
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        var env = new Validation();
        var envRules = new Rules(env, root);
        foreach (var variable in egg.Variables)
        {
            // VariableValidatorService: every variable is validated, a missing one as null, named "<Name> variable".
            var value = environment is { ValueKind: JsonValueKind.Object } map && map.TryGetProperty(variable.EnvVariable, out var raw)
                ? raw
                : (JsonElement?)null;
            envRules.CheckValue("environment." + variable.EnvVariable, variable.Name + " variable", value, present: true, variable.Rules);
            values[variable.EnvVariable] = Rules.Text(value);
        }

        env.ThrowIfFailed();

        var node = state.FindNode(primary.NodeId)!;
        var server = state.AddServer(owner, Rules.Text(Rules.Find(root, "name"))!, egg, node, primary, additional);
        server.Status = "installing";
        server.PowerState = "offline";
        server.Description = Rules.Text(Rules.Find(root, "description")) ?? "";
        server.ExternalId = Rules.Text(Rules.Find(root, "external_id"));
        server.DockerImage = Rules.Text(Rules.Find(root, "docker_image"))!;
        server.StartupCommand = Rules.Text(Rules.Find(root, "startup"))!;
        server.MemoryLimit = memory;
        server.DiskLimit = disk;
        server.SwapLimit = (int)AsDouble(Rules.Find(root, "limits.swap"))!.Value;
        server.IoWeight = (int)AsDouble(Rules.Find(root, "limits.io"))!.Value;
        server.CpuLimit = (int)AsDouble(Rules.Find(root, "limits.cpu"))!.Value;
        server.Threads = Rules.Text(Rules.Find(root, "limits.threads"));
        server.OomDisabled = Rules.Find(root, "oom_disabled") is not { } oom || Rules.IsTrue(oom);
        server.DatabaseLimit = (int?)AsLong(Rules.Find(root, "feature_limits.databases"));
        server.BackupLimit = (int?)AsLong(Rules.Find(root, "feature_limits.backups"));
        server.AllocationLimit = (int?)AsLong(Rules.Find(root, "feature_limits.allocations"));
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
        var locations = Rules.Find(root, "deploy.locations") is { ValueKind: JsonValueKind.Array } l
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
        var ports = Rules.Find(root, "deploy.port_range") is { ValueKind: JsonValueKind.Array } p
            ? p.EnumerateArray().Select(e => Rules.Text(e)).OfType<string>().ToList()
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

        var dedicated = Rules.Find(root, "deploy.dedicated_ip") is { } d && Rules.IsTrue(d);
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
        { ValueKind: JsonValueKind.String } s when Rules.IsNumeric(s.GetString()?.Trim()) => double.Parse(s.GetString()!.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture),
        _ => null,
    };

    /// <summary>A small Laravel validator over a JSON body: implicit rules, nullable, sometimes, bail, sizes, messages.</summary>
    private sealed class Rules(Validation v, JsonElement root)
    {
        private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

        public void Check(string field, string rules, Func<JsonElement?, bool>? exists = null, Func<JsonElement?, bool>? unique = null)
        {
            var value = Find(root, field, out var present);
            CheckValue(field, Validation.Attribute(field), value, present, rules, exists, unique);
        }

        /// <summary>Applies <paramref name="rules"/> to every item of the array at <paramref name="field"/> (<c>field.*</c>).</summary>
        public void EachItem(string field, string rules, Func<JsonElement?, bool>? exists = null)
        {
            if (Find(root, field) is not { ValueKind: JsonValueKind.Array } array)
            {
                return;
            }

            var i = 0;
            foreach (var item in array.EnumerateArray())
            {
                var name = $"{field}.{i++}";
                CheckValue(name, Validation.Attribute(name), item, present: true, rules, exists);
            }
        }

        public void CheckValue(string field, string attribute, JsonElement? value, bool present, string rules,
            Func<JsonElement?, bool>? exists = null, Func<JsonElement?, bool>? unique = null)
        {
            var list = rules.Split('|', StringSplitOptions.RemoveEmptyEntries)
                .Select(x => x.Split(':', 2))
                .Select(x => (Name: x[0], Arg: x.Length > 1 ? x[1] : ""))
                .ToList();
            var names = list.Select(x => x.Name).ToHashSet(StringComparer.Ordinal);
            if (names.Contains("sometimes") && !present)
            {
                return;
            }

            var isNull = IsNull(value);
            var numericRules = names.Contains("numeric") || names.Contains("integer");
            var bail = names.Contains("bail");
            var failed = false;
            void Fail(string rule, string message)
            {
                v.Add(field, rule, message);
                failed = true;
            }

            foreach (var (name, arg) in list)
            {
                if (failed && bail)
                {
                    return;
                }

                switch (name)
                {
                    case "required":
                        if (!present || !Filled(value))
                        {
                            v.Add(field, "required", $"The {attribute} field is required.");
                            return; // a failed implicit rule stops the attribute
                        }

                        continue;
                    case "present":
                        if (!present)
                        {
                            v.Add(field, "present", $"The {attribute} field must be present.");
                            return;
                        }

                        continue;
                    case "required_with":
                        if (arg.Split(',').Any(other => Filled(Find(root, other))) && (!present || !Filled(value)))
                        {
                            v.Add(field, "required_with", $"The {attribute} field is required when {arg.Replace(",", " / ", StringComparison.Ordinal)} is present.");
                            return;
                        }

                        continue;
                    case "nullable" or "sometimes" or "bail":
                        continue;
                }

                // Non-implicit rules: skipped for an absent field, and for null when nullable.
                if (!present || (isNull && names.Contains("nullable")))
                {
                    return;
                }

                var text = Text(value);
                switch (name)
                {
                    case "string" when value is not { ValueKind: JsonValueKind.String } || isNull:
                        Fail(name, $"The {attribute} must be a string.");
                        break;
                    case "array" when value is not { ValueKind: JsonValueKind.Object or JsonValueKind.Array }:
                        Fail(name, $"The {attribute} must be an array.");
                        break;
                    case "integer" when !IsInteger(value):
                        Fail(name, $"The {attribute} must be an integer.");
                        break;
                    case "numeric" when !IsNumber(value):
                        Fail(name, $"The {attribute} must be a number.");
                        break;
                    case "boolean" when !IsBoolean(value):
                        Fail(name, $"The {attribute} field must be true or false.");
                        break;
                    case "min" when Size(value, numericRules) < Number(arg):
                        Fail(name, numericRules && IsNumber(value)
                            ? $"The {attribute} must be at least {arg}."
                            : $"The {attribute} must be at least {arg} characters.");
                        break;
                    case "max" when Size(value, numericRules) > Number(arg):
                        Fail(name, numericRules && IsNumber(value)
                            ? $"The {attribute} may not be greater than {arg}."
                            : $"The {attribute} may not be greater than {arg} characters.");
                        break;
                    case "between" when arg.Split(',') is [var lo, var hi] && (Size(value, numericRules) < Number(lo) || Size(value, numericRules) > Number(hi)):
                        Fail(name, numericRules && IsNumber(value)
                            ? $"The {attribute} must be between {lo} and {hi}."
                            : $"The {attribute} must be between {lo} and {hi} characters.");
                        break;
                    case "in" when text is null || !arg.Split(',').Contains(text, StringComparer.Ordinal):
                        Fail(name, $"The selected {attribute} is invalid.");
                        break;
                    case "regex" when text is null || !PhpRegex(arg).IsMatch(text):
                        Fail(name, $"The {attribute} format is invalid.");
                        break;
                    case "alpha_dash" when text is null || !Regex.IsMatch(text, @"^[\p{L}\p{M}\p{N}_-]+$", RegexOptions.None, Timeout):
                        Fail(name, $"The {attribute} may only contain letters, numbers, dashes and underscores.");
                        break;
                    case "exists" when exists is not null && !exists(value):
                        Fail(name, $"The selected {attribute} is invalid.");
                        break;
                    case "unique" when unique is not null && !unique(value):
                        Fail(name, $"The {attribute} has already been taken.");
                        break;
                }
            }
        }

        public static JsonElement? Find(JsonElement root, string path) => Find(root, path, out _);

        private static JsonElement? Find(JsonElement root, string path, out bool present)
        {
            var current = root;
            foreach (var part in path.Split('.'))
            {
                if (current.ValueKind == JsonValueKind.Object && current.TryGetProperty(part, out var next))
                {
                    current = next;
                }
                else if (current.ValueKind == JsonValueKind.Array && int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                         && index < current.GetArrayLength())
                {
                    current = current[index];
                }
                else
                {
                    present = false;
                    return null;
                }
            }

            present = true;
            return current;
        }

        /// <summary>Null after the panel's middleware: JSON null, or a string that is empty once trimmed.</summary>
        private static bool IsNull(JsonElement? e) => e switch
        {
            null => true,
            { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => true,
            { ValueKind: JsonValueKind.String } s => string.IsNullOrWhiteSpace(s.GetString()),
            _ => false,
        };

        /// <summary>What "required" wants: not null, not empty, not an empty array/object (PHP's empty array).</summary>
        public static bool Filled(JsonElement? e) => !IsNull(e) && e switch
        {
            { ValueKind: JsonValueKind.Array } a => a.GetArrayLength() > 0,
            { ValueKind: JsonValueKind.Object } o => o.EnumerateObject().Any(),
            _ => true,
        };

        /// <summary>The value as the panel stores it in a string column (trimmed; null when empty).</summary>
        public static string? Text(JsonElement? e) => e switch
        {
            { ValueKind: JsonValueKind.String } s => string.IsNullOrWhiteSpace(s.GetString()) ? null : s.GetString()!.Trim(' ', '\t', '\n', '\r', '\0', '\v'),
            { ValueKind: JsonValueKind.Number } n => n.GetRawText(),
            { ValueKind: JsonValueKind.True } => "1",
            { ValueKind: JsonValueKind.False } => "0",
            _ => null,
        };

        public static bool IsTrue(JsonElement e) => e.ValueKind == JsonValueKind.True || Text(e) == "1";

        public static bool IsNumeric(string? text) =>
            text is not null && Regex.IsMatch(text, @"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$", RegexOptions.None, Timeout);

        private static bool IsNumber(JsonElement? e) =>
            e is { ValueKind: JsonValueKind.Number } || (e is { ValueKind: JsonValueKind.String } && IsNumeric(Text(e)));

        private static bool IsInteger(JsonElement? e) => e switch
        {
            { ValueKind: JsonValueKind.Number } n => n.TryGetInt64(out _),
            { ValueKind: JsonValueKind.String } => Text(e) is { } t && Regex.IsMatch(t, "^[+-]?(0|[1-9][0-9]*)$", RegexOptions.None, Timeout),
            _ => false,
        };

        // Laravel accepts true, false, 0, 1, "0" and "1".
        private static bool IsBoolean(JsonElement? e) => e switch
        {
            { ValueKind: JsonValueKind.True or JsonValueKind.False } => true,
            { ValueKind: JsonValueKind.Number } n => n.GetRawText() is "0" or "1",
            { ValueKind: JsonValueKind.String } s => s.GetString() is "0" or "1",
            _ => false,
        };

        private static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

        // Laravel's getSize: the number when a numeric rule is present and the value is numeric, an array's count,
        // else the string length.
        private static double Size(JsonElement? e, bool numericRules)
        {
            if (numericRules && IsNumber(e))
            {
                return e!.Value.ValueKind == JsonValueKind.Number ? e.Value.GetDouble() : Number(Text(e)!);
            }

            return e switch
            {
                { ValueKind: JsonValueKind.Array } a => a.GetArrayLength(),
                { ValueKind: JsonValueKind.Object } o => o.EnumerateObject().Count(),
                _ => (Text(e) ?? "").EnumerateRunes().Count(),
            };
        }

        // "/pattern/flags" as PHP writes it.
        private static Regex PhpRegex(string pattern)
        {
            var end = pattern.LastIndexOf(pattern[0]);
            var body = end > 0 ? pattern[1..end] : pattern;
            var options = end > 0 && pattern[(end + 1)..].Contains('i') ? RegexOptions.IgnoreCase : RegexOptions.None;
            return new Regex(body, options | RegexOptions.CultureInvariant, Timeout);
        }
    }
}
