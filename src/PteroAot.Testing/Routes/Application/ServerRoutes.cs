using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using PteroAot.Testing.Http;

namespace PteroAot.Testing.Routes.Application;

/// <summary><c>/api/application/servers</c>: list, view, view by external id, details, build, startup, suspend, unsuspend, reinstall, delete.</summary>
internal static partial class ApplicationServerRoutes
{
    private const string Base = "/api/application/servers";
    private const string One = Base + "/{server}";
    private static readonly string[] ListFilters = ["uuid", "uuidShort", "name", "description", "image", "external_id"];
    private static readonly string[] ListSorts = ["id", "uuid"];

    public static void Map(Router router)
    {
        router.Map("GET", Base, ApiArea.Application, List);
        // Literal segment first: /servers/external/{id} must not reach /servers/{server}.
        router.Map("GET", Base + "/external/{external_id}", ApiArea.Application, GetByExternalId);
        router.Map("GET", One, ApiArea.Application, Get);
        router.Map("PATCH", One + "/details", ApiArea.Application, Details);
        router.Map("PATCH", One + "/build", ApiArea.Application, Build);
        router.Map("PATCH", One + "/startup", ApiArea.Application, Startup);
        router.Map("POST", One + "/suspend", ApiArea.Application, r => ToggleSuspension(r, suspend: true));
        router.Map("POST", One + "/unsuspend", ApiArea.Application, r => ToggleSuspension(r, suspend: false));
        router.Map("POST", One + "/reinstall", ApiArea.Application, Reinstall);
        router.Map("DELETE", One, ApiArea.Application, Delete);
        // Quirk 13.1.12: the panel's route is /servers/{server}/{force?}, so ANY second segment deletes the server
        // (forced only for the literal "force"). Other DELETE routes under /servers/{server}/x/y are longer, so unaffected.
        router.Map("DELETE", One + "/{force}", ApiArea.Application, Delete);
    }

    private static Task List(ApiRequest r)
    {
        var query = QueryString.Parse(r.Context.Request.QueryString.Value);
        var filters = QueryString.Filters(query, ListFilters);
        var sorts = QueryString.Sort(query, ListSorts);
        var includes = ApplicationTransformers.Includes(r, ApplicationTransformers.ServerIncludes);
        // GetServersRequest: search is string|max:100, and the controller never uses it.
        var search = QueryString.Get(query, "search");
        if (search is { Length: > 100 })
        {
            var v = new Validation();
            v.Add("search", "max", "The search may not be greater than 100 characters.");
            v.ThrowIfFailed();
        }

        var state = r.State;
        List<FakeServer> all;
        lock (state.Gate)
        {
            IEnumerable<FakeServer> servers = state.Servers.OrderBy(s => s.Id);
            foreach (var (field, value) in filters)
            {
                if (string.IsNullOrEmpty(value))
                {
                    continue;
                }

                var values = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                servers = servers.Where(s => FieldOf(s, field) is { } text && values.Any(x => text.Contains(x, StringComparison.OrdinalIgnoreCase))).ToList();
            }

            foreach (var (field, descending) in Enumerable.Reverse(sorts))
            {
                Func<FakeServer, string> key = field == "uuid" ? s => s.Uuid.ToString() : s => s.Id.ToString("D10", CultureInfo.InvariantCulture);
                servers = descending ? servers.OrderByDescending(key, StringComparer.Ordinal) : servers.OrderBy(key, StringComparer.Ordinal);
            }

            all = servers.ToList();
        }

        // Application lists: 50 by default, no upper cap on per_page.
        var page = Paginator.Create(query, all.Count, defaultPerPage: 50, maxPerPage: int.MaxValue);
        var slice = all.Skip((page.CurrentPage - 1) * page.PerPage).Take(page.PerPage).ToList();
        var url = r.Panel.BaseUrl + r.Context.Request.Path.Value;
        return r.Json(200, w =>
        {
            lock (state.Gate)
            {
                w.WriteStartObject();
                w.WriteString("object", "list");
                w.WriteStartArray("data");
                foreach (var s in slice)
                {
                    ApplicationTransformers.Server(w, state, s, includes);
                }

                w.WriteEndArray();
                // The application paginator's links do not keep the other query parameters.
                Paginator.WriteMeta(w, page, slice.Count, url, query.Where(kv => kv.Key == "page").ToList());
                w.WriteEndObject();
            }
        });
    }

    private static string? FieldOf(FakeServer s, string field) => field switch
    {
        "uuid" => s.Uuid.ToString(),
        "uuidShort" => s.Identifier,
        "name" => s.Name,
        "description" => s.Description,
        "image" => s.DockerImage,
        "external_id" => s.ExternalId,
        _ => null,
    };

    private static Task Get(ApiRequest r)
    {
        var includes = ApplicationTransformers.Includes(r, ApplicationTransformers.ServerIncludes);
        return WriteServer(r, Find(r), includes);
    }

    private static Task GetByExternalId(ApiRequest r)
    {
        var includes = ApplicationTransformers.Includes(r, ApplicationTransformers.ServerIncludes);
        var externalId = r.RouteValues["external_id"];
        FakeServer? server;
        lock (r.State.Gate)
        {
            server = r.State.Servers.FirstOrDefault(s => s.ExternalId is not null && string.Equals(s.ExternalId, externalId, StringComparison.Ordinal));
        }

        return WriteServer(r, server ?? throw PanelException.NotFound(), includes);
    }

    /// <summary><c>{server}</c> of an application route: the numeric id (route model binding), else 404.</summary>
    private static FakeServer Find(ApiRequest r) =>
        int.TryParse(r.RouteValues["server"], NumberStyles.None, CultureInfo.InvariantCulture, out var id) && r.State.FindServerById(id) is { } server
            ? server
            : throw PanelException.NotFound();

    private static Task WriteServer(ApiRequest r, FakeServer server, ISet<string> includes) =>
        r.Json(200, w =>
        {
            lock (r.State.Gate)
            {
                ApplicationTransformers.Server(w, r.State, server, includes);
            }
        });

    // UpdateServerDetailsRequest + DetailsModificationService.
    private static Task Details(ApiRequest r)
    {
        var server = Find(r);
        var input = r.Input;
        var v = new Validation();
        var name = v.RequiredString(input, "name");
        if (name is { Length: > 191 })
        {
            v.Add("name", "max", "The name may not be greater than 191 characters.");
        }

        FakeUser? owner = null;
        if (RequiredInteger(input, v, "user") is { } userId)
        {
            owner = r.State.FindUser(userId);
            if (owner is null)
            {
                v.Add("user", "exists", "The selected user is invalid.");
            }
        }

        // sometimes|nullable|string|between:1,191|unique:servers,external_id,{self}. Omitted or null: cleared below.
        string? externalId = null;
        if (input.IsPresentNotNull("external_id"))
        {
            externalId = input.GetString("external_id");
            if (externalId is null)
            {
                v.MustBeString("external_id");
            }
            else if (externalId.Length > 191)
            {
                v.Add("external_id", "between", "The external id must be between 1 and 191 characters.");
            }
            else if (r.State.Servers.Any(s => s.Id != server.Id && string.Equals(s.ExternalId, externalId, StringComparison.OrdinalIgnoreCase)))
            {
                v.Add("external_id", "unique", "The external id has already been taken.");
            }
        }

        string? description = null;
        if (input.IsPresentNotNull("description"))
        {
            description = input.GetString("description");
            if (description is null)
            {
                v.MustBeString("description");
            }
        }

        v.ThrowIfFailed();
        lock (r.State.Gate)
        {
            // A full replacement: what was not sent is cleared (external_id null, description "").
            server.Name = name!;
            server.Owner = owner!;
            server.ExternalId = externalId;
            server.Description = description ?? "";
            server.UpdatedAt = r.Now;
        }

        return WriteServer(r, server, new HashSet<string>());
    }

    // UpdateServerBuildConfigurationRequest + BuildModificationService (one transaction: nothing changes on a 400).
    private static Task Build(ApiRequest r)
    {
        var server = Find(r);
        var input = r.Input;
        var v = new Validation();

        // allocation: required|bail|unique:servers,allocation_id (ignoring this server)|exists:allocations,id.
        var allocationId = input.IsMissing("allocation") ? null : Integer(input.GetElement("allocation"));
        if (input.IsMissing("allocation"))
        {
            v.Required("allocation");
        }
        else
        {
            var everywhere = r.State.Nodes.SelectMany(n => r.State.AllocationsOnNode(n.Id)).ToList();
            if (everywhere.Any(p => p.Allocation.Id == allocationId && p.Allocation.IsDefault && p.Server is not null && p.Server.Id != server.Id))
            {
                v.Add("allocation", "unique", "The allocation has already been taken.");
            }
            else if (everywhere.All(p => p.Allocation.Id != allocationId))
            {
                v.Add("allocation", "exists", "The selected allocation is invalid.");
            }
        }

        var oom = input.GetElement("oom_disabled");
        bool? oomDisabled = null;
        if (oom is { ValueKind: not JsonValueKind.Null } o)
        {
            oomDisabled = Boolean(o);
            if (oomDisabled is null)
            {
                v.Add("oom_disabled", "boolean", "The oom disabled field must be true or false.");
            }
        }

        // limits.* are required_with:limits; the legacy top-level forms are required_without:limits.
        var limitsElement = input.GetElement("limits");
        var hasLimits = limitsElement is { ValueKind: not JsonValueKind.Null };
        if (hasLimits && limitsElement!.Value.ValueKind != JsonValueKind.Object)
        {
            v.Add("limits", "array", "The limits must be an array.");
        }

        var limits = hasLimits && limitsElement!.Value.ValueKind == JsonValueKind.Object ? RequestInput.FromJson(limitsElement.Value) : input;
        var prefix = hasLimits ? "limits." : "";
        int? Limit(string name, int min, int? max = null) => Numeric(limits, v, name, prefix + name, hasLimits, min, max);
        var memory = Limit("memory", 0);
        var swap = Limit("swap", -1);
        var disk = Limit("disk", 0);
        var io = Limit("io", 10, 1000);
        var cpu = Limit("cpu", 0);
        string? threads = null;
        if (limits.IsPresentNotNull("threads"))
        {
            threads = limits.GetString("threads") ?? limits.GetElement("threads")?.GetRawText();
            if (threads is null || !ThreadsPattern().IsMatch(threads))
            {
                v.Add(prefix + "threads", "regex", $"The {Validation.Attribute(prefix + "threads")} format is invalid.");
            }
        }

        var add = IntegerArray(input, v, "add_allocations");
        var remove = IntegerArray(input, v, "remove_allocations");

        // feature_limits: required|array; databases and backups present|nullable|integer|min:0; allocations sometimes.
        var features = input.GetElement("feature_limits");
        int? databaseLimit = null, allocationLimit = 0, backupLimit = null;
        if (input.IsMissing("feature_limits"))
        {
            v.Required("feature_limits");
        }
        else if (features!.Value.ValueKind != JsonValueKind.Object)
        {
            v.Add("feature_limits", "array", "The feature limits must be an array.");
        }
        else
        {
            var f = RequestInput.FromJson(features.Value);
            databaseLimit = FeatureLimit(f, v, "databases", present: true);
            allocationLimit = f.GetElement("allocations") is null ? 0 : FeatureLimit(f, v, "allocations", present: false);
            backupLimit = FeatureLimit(f, v, "backups", present: true);
        }

        v.ThrowIfFailed();

        lock (r.State.Gate)
        {
            var nodeAllocations = r.State.AllocationsOnNode(server.NodeId);
            // processAllocations: only free allocations on the server's node can be added (others are ignored).
            var fresh = nodeAllocations.Where(p => p.Server is null && add.Contains(p.Allocation.Id)).Select(p => p.Allocation).ToList();
            var primaryId = allocationId!.Value;
            if (remove.Contains(primaryId))
            {
                if (fresh.Count == 0)
                {
                    throw new PanelException(400, "DisplayException",
                        "You are attempting to delete the default allocation for this server but there is no fallback allocation to use.");
                }

                primaryId = fresh[Random.Shared.Next(fresh.Count)].Id;
            }

            var removed = server.Allocations.Where(a => remove.Contains(a.Id) && !fresh.Contains(a)).ToList();
            var after = server.Allocations.Except(removed).Concat(fresh).ToList();
            if (primaryId != server.PrimaryAllocation?.Id && after.All(a => a.Id != primaryId))
            {
                throw new PanelException(400, "DisplayException", "The requested default allocation is not currently assigned to this server.");
            }

            foreach (var allocation in fresh)
            {
                r.State.TakeUnassignedAllocation(allocation);
                allocation.Notes = null;
                server.Allocations.Add(allocation);
            }

            foreach (var allocation in removed)
            {
                r.State.UnassignAllocation(server, allocation);
            }

            foreach (var allocation in server.Allocations)
            {
                allocation.IsDefault = allocation.Id == primaryId;
            }

            if (oomDisabled is { } disabled)
            {
                server.OomDisabled = disabled;
            }

            server.MemoryLimit = memory!.Value;
            server.SwapLimit = swap!.Value;
            server.DiskLimit = disk!.Value;
            server.IoWeight = io!.Value;
            server.CpuLimit = cpu!.Value;
            server.Threads = threads;
            server.DatabaseLimit = databaseLimit;
            server.AllocationLimit = allocationLimit;
            server.BackupLimit = backupLimit;
            server.UpdatedAt = r.Now;
        }

        return WriteServer(r, server, new HashSet<string>());
    }

    // UpdateServerStartupRequest + StartupModificationService at admin level.
    private static Task Startup(ApiRequest r)
    {
        var server = Find(r);
        var input = r.Input;
        var v = new Validation();
        var startup = v.RequiredString(input, "startup");

        var environmentElement = input.GetElement("environment");
        if (environmentElement is null)
        {
            v.Add("environment", "present", "The environment field must be present.");
        }
        else if (environmentElement.Value.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array))
        {
            v.Add("environment", "array", "The environment must be an array.");
        }

        // egg: required|exists:eggs,id (no integer rule: anything unknown is "exists").
        FakeEgg? egg = null;
        if (input.IsMissing("egg"))
        {
            v.Required("egg");
        }
        else if ((egg = Integer(input.GetElement("egg")) is { } eggId ? r.State.FindEgg(eggId) : null) is null)
        {
            v.Add("egg", "exists", "The selected egg is invalid.");
        }

        var image = v.RequiredString(input, "image");
        if (image is { Length: > 191 })
        {
            v.Add("image", "max", "The image may not be greater than 191 characters.");
        }
        else if (image is not null && !ImagePattern().IsMatch(image))
        {
            v.Add("image", "regex", "The image format is invalid.");
        }

        var skip = input.GetElement("skip_scripts");
        bool? skipScripts = null;
        if (skip is null)
        {
            v.Add("skip_scripts", "present", "The skip scripts field must be present.");
        }
        else
        {
            skipScripts = Boolean(skip.Value);
            if (skipScripts is null)
            {
                v.Add("skip_scripts", "boolean", "The skip scripts field must be true or false.");
            }
        }

        v.ThrowIfFailed();

        // A non-empty environment re-validates and rewrites EVERY variable of the (new) egg; a missing one becomes "".
        var environment = environmentElement!.Value.ValueKind == JsonValueKind.Object
            ? environmentElement.Value.EnumerateObject().ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal)
            : [];
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (environment.Count > 0)
        {
            foreach (var variable in egg!.Variables)
            {
                var field = "environment." + variable.EnvVariable;
                JsonElement? element = environment.TryGetValue(variable.EnvVariable, out var given) ? given : null;
                var value = element?.ValueKind switch
                {
                    null or JsonValueKind.Null => null,
                    JsonValueKind.String => RequestInput.Clean(field, element.Value.GetString()),
                    _ => element.Value.GetRawText(),
                };

                LaravelRules.CheckVariable(v, field, $"{variable.Name} variable", variable.Rules, element);
                values[variable.EnvVariable] = value;
            }

            v.ThrowIfFailed();
        }

        lock (r.State.Gate)
        {
            if (egg!.Id != server.EggId)
            {
                // Egg (and nest) change: the server takes the new egg's variables.
                FakePanelState.ApplyEgg(server, egg);
            }

            foreach (var variable in server.Variables)
            {
                if (values.Count > 0)
                {
                    variable.ServerValue = values.GetValueOrDefault(variable.EnvVariable) ?? "";
                }
            }

            server.StartupCommand = startup!;
            server.DockerImage = image!;
            server.UpdatedAt = r.Now;
        }

        return WriteServer(r, server, new HashSet<string>());
    }

    // SuspensionService: a no-op when already in the wanted state; 409 while a transfer runs.
    private static Task ToggleSuspension(ApiRequest r, bool suspend)
    {
        var server = Find(r);
        lock (r.State.Gate)
        {
            if ((server.Status == "suspended") == suspend)
            {
                return r.NoContent();
            }

            if (server.IsTransferring)
            {
                throw new PanelException(409, "ConflictHttpException", "Cannot toggle suspension status on a server that is currently being transferred.");
            }

            server.Status = suspend ? "suspended" : null;
            server.PowerState = suspend ? "offline" : server.PowerState;
            server.UpdatedAt = r.Now;
        }

        return r.NoContent();
    }

    // ReinstallServerService: the server becomes "installing" (the client API then answers 409 on most routes).
    private static Task Reinstall(ApiRequest r)
    {
        var server = Find(r);
        lock (r.State.Gate)
        {
            server.Status = "installing";
            server.UpdatedAt = r.Now;
        }

        return r.NoContent();
    }

    // ServerDeletionService: the server, its databases and subusers go; its allocations return to the node.
    private static Task Delete(ApiRequest r)
    {
        var server = Find(r);
        r.State.RemoveServer(server);
        return r.NoContent();
    }

    private static int? RequiredInteger(RequestInput input, Validation v, string field)
    {
        if (input.IsMissing(field))
        {
            v.Required(field);
            return null;
        }

        var value = Integer(input.GetElement(field));
        if (value is null)
        {
            v.Add(field, "integer", $"The {Validation.Attribute(field)} must be an integer.");
        }

        return value;
    }

    private static int? Integer(JsonElement? element) => element switch
    {
        { ValueKind: JsonValueKind.Number } e when e.TryGetInt32(out var n) => n,
        { ValueKind: JsonValueKind.String } e when int.TryParse(e.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) => n,
        _ => null,
    };

    private static bool? Boolean(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number when element.TryGetInt32(out var n) && n is 0 or 1 => n == 1,
        JsonValueKind.String => element.GetString() switch { "1" or "true" => true, "0" or "false" => false, _ => null },
        _ => null,
    };

    // required_with:limits (in the object) or required_without:limits (legacy top level), numeric, min / between.
    private static int? Numeric(RequestInput input, Validation v, string name, string field, bool inLimits, int min, int? max)
    {
        var attribute = Validation.Attribute(field);
        if (input.IsMissing(name))
        {
            if (inLimits)
            {
                v.Add(field, "required_with", $"The {attribute} field is required when limits is present.");
            }
            else
            {
                v.Add(field, "required_without", $"The {attribute} field is required when limits is not present.");
            }

            return null;
        }

        var value = Integer(input.GetElement(name));
        if (value is null)
        {
            v.Add(field, "numeric", $"The {attribute} must be a number.");
        }
        else if (max is { } top && (value < min || value > top))
        {
            v.Add(field, "between", $"The {attribute} must be between {min} and {top}.");
        }
        else if (value < min)
        {
            v.Add(field, "min", $"The {attribute} must be at least {min}.");
        }

        return value;
    }

    private static int? FeatureLimit(RequestInput input, Validation v, string name, bool present)
    {
        var field = "feature_limits." + name;
        var element = input.GetElement(name);
        if (element is null)
        {
            if (present)
            {
                v.Add(field, "present", $"The {Validation.Attribute(field)} field must be present.");
            }

            return null;
        }

        if (element.Value.ValueKind == JsonValueKind.Null || (element.Value.ValueKind == JsonValueKind.String && RequestInput.Clean(field, element.Value.GetString()) is null))
        {
            return null;
        }

        var value = Integer(element);
        if (value is null)
        {
            v.Add(field, "integer", $"The {Validation.Attribute(field)} must be an integer.");
        }
        else if (value < 0)
        {
            v.Add(field, "min", $"The {Validation.Attribute(field)} must be at least 0.");
        }

        return value;
    }

    private static List<int> IntegerArray(RequestInput input, Validation v, string field)
    {
        var element = input.GetElement(field);
        if (element is null || element.Value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (element.Value.ValueKind != JsonValueKind.Array)
        {
            v.Add(field, "array", $"The {Validation.Attribute(field)} must be an array.");
            return [];
        }

        var result = new List<int>();
        var i = 0;
        foreach (var item in element.Value.EnumerateArray())
        {
            if (Integer(item) is { } n)
            {
                result.Add(n);
            }
            else
            {
                v.Add($"{field}.{i}", "integer", $"The {Validation.Attribute(field)}.{i} must be an integer.");
            }

            i++;
        }

        return result;
    }

    [GeneratedRegex(@"^[0-9-,]+$")]
    private static partial Regex ThreadsPattern();

    [GeneratedRegex(@"^~?[\w\.\/\-:@ ]*$")]
    private static partial Regex ImagePattern();
}
