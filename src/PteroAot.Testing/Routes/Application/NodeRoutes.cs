using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using PteroAot.Testing.Http;

namespace PteroAot.Testing.Routes.Application;

/// <summary><c>/api/application/nodes</c>: list, deployable, view, configuration, create, update, delete, and the node's allocations.</summary>
internal static partial class ApplicationNodeRoutes
{
    private const string Base = "/api/application/nodes";
    private const string NodeIncludes = "allocations,location,servers";
    private const string AllocationIncludes = "node,server";
    private static readonly string[] NodeFilters = ["uuid", "name", "fqdn", "daemon_token_id"];
    private static readonly string[] NodeSorts = ["id", "uuid", "memory", "disk"];
    private static readonly string[] AllocationFilters = ["ip", "port", "ip_alias", "server_id"];

    public static void Map(Router router)
    {
        router.Map("GET", Base, ApiArea.Application, List);
        // Literal segment first, or "deployable" would be bound as a node id.
        router.Map("GET", Base + "/deployable", ApiArea.Application, Deployable);
        router.Map("GET", Base + "/{node}", ApiArea.Application, Get);
        router.Map("GET", Base + "/{node}/configuration", ApiArea.Application, Configuration);
        router.Map("POST", Base, ApiArea.Application, Create);
        router.Map("PATCH", Base + "/{node}", ApiArea.Application, Update);
        router.Map("DELETE", Base + "/{node}", ApiArea.Application, Delete);
        router.Map("GET", Base + "/{node}/allocations", ApiArea.Application, ListAllocations);
        router.Map("POST", Base + "/{node}/allocations", ApiArea.Application, CreateAllocations);
        router.Map("DELETE", Base + "/{node}/allocations/{allocation}", ApiArea.Application, DeleteAllocation);
    }

    // Node::$validationRules name: PHP's \w without the u flag is ASCII.
    [GeneratedRegex(@"^([A-Za-z0-9_ .-]{1,100})$")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^([/][A-Za-z0-9_.\-/]+)$")]
    private static partial Regex DaemonBasePattern();

    // AssignmentService::PORT_RANGE_REGEX
    [GeneratedRegex(@"^(\d{4,5})-(\d{4,5})$")]
    private static partial Regex PortRange();

    [GeneratedRegex(@"^\d+$")]
    private static partial Regex Digits();

    private static FakeNode FindNode(ApiRequest r) =>
        AreaJson.RouteInt(r, "node") is { } id && r.State.FindNode(id) is { } node ? node : throw PanelException.NotFound();

    private static Task List(ApiRequest r)
    {
        var query = QueryString.Parse(r.Context.Request.QueryString.Value);
        var filters = QueryString.Filters(query, NodeFilters);
        var sorts = QueryString.Sort(query, NodeSorts);
        var includes = ApplicationTransformers.Includes(r, NodeIncludes);
        IEnumerable<FakeNode> nodes = r.State.Nodes;
        foreach (var (field, value) in filters)
        {
            var values = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (values.Length == 0)
            {
                continue;
            }

            Func<FakeNode, string> get = field switch
            {
                "uuid" => n => n.Uuid.ToString(),
                "name" => n => n.Name,
                "fqdn" => n => n.Fqdn,
                _ => n => n.DaemonTokenId,
            };
            nodes = nodes.Where(n => values.Any(v => get(n).Contains(v, StringComparison.OrdinalIgnoreCase)));
        }

        var ordered = nodes.OrderBy(_ => 0);
        foreach (var (field, descending) in sorts)
        {
            ordered = field switch
            {
                "uuid" => descending ? ordered.ThenByDescending(n => n.Uuid.ToString(), StringComparer.Ordinal) : ordered.ThenBy(n => n.Uuid.ToString(), StringComparer.Ordinal),
                "memory" => descending ? ordered.ThenByDescending(n => n.Memory) : ordered.ThenBy(n => n.Memory),
                "disk" => descending ? ordered.ThenByDescending(n => n.Disk) : ordered.ThenBy(n => n.Disk),
                _ => descending ? ordered.ThenByDescending(n => n.Id) : ordered.ThenBy(n => n.Id),
            };
        }

        var all = ordered.ThenBy(n => n.Id).ToList();
        // Application lists: default 50 per page, no upper cap.
        var page = Paginator.Create(query, all.Count, defaultPerPage: 50, maxPerPage: int.MaxValue);
        var slice = all.Skip((page.CurrentPage - 1) * page.PerPage).Take(page.PerPage).ToList();
        var url = r.Panel.BaseUrl + r.Context.Request.Path.Value;
        return AreaJson.Locked(r, 200, w =>
        {
            w.WriteStartObject();
            w.WriteString("object", "list");
            w.WriteStartArray("data");
            foreach (var node in slice)
            {
                ApplicationTransformers.Node(w, r.State, node, includes);
            }

            w.WriteEndArray();
            // Application list links carry only page (the panel does not append the query).
            Paginator.WriteMeta(w, page, slice.Count, url, []);
            w.WriteEndObject();
        });
    }

    // GetDeployableNodesRequest + FindViableNodesService: public nodes (of the locations) where the servers' sums
    // plus the request fit under size * (1 + overallocate / 100); paginated only when ?page is sent; 400 when empty.
    private static Task Deployable(ApiRequest r)
    {
        var query = QueryString.Parse(r.Context.Request.QueryString.Value);
        var includes = ApplicationTransformers.Includes(r, NodeIncludes);
        var v = new Validation();
        var memory = QueryInteger(v, query, "memory", required: true);
        var disk = QueryInteger(v, query, "disk", required: true);
        var pageText = QueryString.Get(query, "page");
        if (pageText is { Length: > 0 } && !int.TryParse(pageText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
        {
            v.Add("page", "integer", "The page must be an integer.");
        }

        var locationIds = new List<int>();
        var index = 0;
        foreach (var (key, value) in query)
        {
            if (key == "location_ids[]" || (key.StartsWith("location_ids[", StringComparison.Ordinal) && key.EndsWith(']')))
            {
                if (int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id))
                {
                    locationIds.Add(id);
                }
                else
                {
                    v.Add($"location_ids.{index}", "integer", $"The location_ids.{index} must be an integer.");
                }

                index++;
            }
            else if (key == "location_ids")
            {
                v.Add("location_ids", "array", "The location ids must be an array.");
            }
        }

        v.ThrowIfFailed();
        List<(FakeNode Node, long SumMemory, long SumDisk)> fits;
        lock (r.State.Gate)
        {
            var servers = r.State.Servers;
            fits = r.State.Nodes
                .Where(n => n.Public && (locationIds.Count == 0 || locationIds.Contains(n.LocationId)))
                .Select(n => (Node: n, SumMemory: servers.Where(s => s.NodeId == n.Id).Sum(s => (long)s.MemoryLimit),
                    SumDisk: servers.Where(s => s.NodeId == n.Id).Sum(s => (long)s.DiskLimit)))
                .Where(x => x.SumMemory + memory!.Value <= x.Node.Memory * (1 + x.Node.MemoryOverallocate / 100.0)
                    && x.SumDisk + disk!.Value <= x.Node.Disk * (1 + x.Node.DiskOverallocate / 100.0))
                .OrderBy(x => x.Node.Id)
                .ToList();
        }

        Paginator? page = null;
        if (pageText is { Length: > 0 })
        {
            page = Paginator.Create(query, fits.Count, defaultPerPage: 50, maxPerPage: int.MaxValue);
            fits = fits.Skip((page.CurrentPage - 1) * page.PerPage).Take(page.PerPage).ToList();
        }

        if (fits.Count == 0)
        {
            throw new PanelException(400, "NoViableNodeException",
                "No nodes satisfying the requirements specified for automatic deployment could be found.");
        }

        var url = r.Panel.BaseUrl + r.Context.Request.Path.Value;
        return AreaJson.Locked(r, 200, w =>
        {
            w.WriteStartObject();
            w.WriteString("object", "list");
            w.WriteStartArray("data");
            foreach (var (node, _, _) in fits)
            {
                ApplicationTransformers.Node(w, r.State, node, includes, deployable: true);
            }

            w.WriteEndArray();
            if (page is not null)
            {
                Paginator.WriteMeta(w, page, fits.Count, url, []);
            }

            w.WriteEndObject();
        });
    }

    private static int? QueryInteger(Validation v, List<KeyValuePair<string, string>> query, string field, bool required)
    {
        var text = QueryString.Get(query, field)?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            if (required)
            {
                v.Required(field);
            }

            return null;
        }

        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            v.Add(field, "integer", $"The {Validation.Attribute(field)} must be an integer.");
            return null;
        }

        if (value < 0)
        {
            v.Add(field, "min", $"The {Validation.Attribute(field)} must be at least 0.");
            return null;
        }

        return value;
    }

    private static Task Get(ApiRequest r)
    {
        var includes = ApplicationTransformers.Includes(r, NodeIncludes);
        var node = FindNode(r);
        return AreaJson.Locked(r, 200, w => ApplicationTransformers.Node(w, r.State, node, includes));
    }

    // Node::getConfiguration(): raw JSON, with the daemon token (the one route that shows it).
    private static Task Configuration(ApiRequest r)
    {
        var node = FindNode(r);
        return AreaJson.Locked(r, 200, w =>
        {
            w.WriteStartObject();
            w.WriteBoolean("debug", false);
            w.WriteString("uuid", node.Uuid.ToString());
            w.WriteString("token_id", node.DaemonTokenId);
            w.WriteString("token", node.DaemonToken);
            w.WriteStartObject("api");
            w.WriteString("host", "0.0.0.0");
            w.WriteNumber("port", node.DaemonListen);
            w.WriteStartObject("ssl");
            w.WriteBoolean("enabled", !node.BehindProxy && node.Scheme == "https");
            w.WriteString("cert", $"/etc/letsencrypt/live/{node.Fqdn.ToLowerInvariant()}/fullchain.pem");
            w.WriteString("key", $"/etc/letsencrypt/live/{node.Fqdn.ToLowerInvariant()}/privkey.pem");
            w.WriteEndObject();
            w.WriteNumber("upload_limit", node.UploadSize);
            w.WriteEndObject();
            w.WriteStartObject("system");
            w.WriteString("data", node.DaemonBase);
            w.WriteStartObject("sftp");
            w.WriteNumber("bind_port", node.DaemonSftp);
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteStartArray("allowed_mounts");
            w.WriteEndArray();
            w.WriteString("remote", r.Panel.BaseUrl);
            w.WriteEndObject();
        });
    }

    /// <summary>The validated fields of Store/UpdateNodeRequest (optional ones null when absent).</summary>
    private sealed record NodeInput(
        string Name, int LocationId, string Fqdn, string Scheme, int Memory, int MemoryOverallocate, int Disk, int DiskOverallocate,
        int DaemonListen, int DaemonSftp, string? DaemonBase, bool? Public, bool? BehindProxy, bool? MaintenanceMode, int? UploadSize);

    // Node::$validationRules, snake-cased by StoreNodeRequest (UpdateNodeRequest uses the same rules).
    private static NodeInput ValidateNode(ApiRequest r)
    {
        var input = r.Input;
        var v = new Validation();
        var name = v.RequiredString(input, "name");
        if (name is not null && !NamePattern().IsMatch(name))
        {
            v.Add("name", "regex", "The name format is invalid.");
        }

        int? locationId = null;
        if (input.IsMissing("location_id"))
        {
            v.Required("location_id");
        }
        else if (AreaJson.Numeric(input, "location_id") is { } l && l == Math.Floor(l) && r.State.FindLocation((int)l) is { } location)
        {
            locationId = location.Id;
        }
        else
        {
            v.Add("location_id", "exists", "The selected location id is invalid.");
        }

        var fqdn = v.RequiredString(input, "fqdn");
        string? scheme = null;
        if (input.IsMissing("scheme"))
        {
            v.Required("scheme");
        }
        else
        {
            // "required" only; a non-string would be cast by the model, the fake keeps the text.
            scheme = input.GetString("scheme") ?? input.GetElement("scheme")?.GetRawText();
        }

        var memory = Number(v, input, "memory", min: 1, max: null);
        var memoryOver = Number(v, input, "memory_overallocate", min: -1, max: null);
        var disk = Number(v, input, "disk", min: 1, max: null);
        var diskOver = Number(v, input, "disk_overallocate", min: -1, max: null);
        var listen = Number(v, input, "daemon_listen", min: 1, max: 65535);
        var sftp = Number(v, input, "daemon_sftp", min: 1, max: 65535);

        string? daemonBase = null;
        if (AreaJson.Has(input, "daemon_base"))
        {
            daemonBase = input.GetString("daemon_base");
            if (input.IsMissing("daemon_base"))
            {
                v.Required("daemon_base");
            }
            else if (daemonBase is null || !DaemonBasePattern().IsMatch(daemonBase))
            {
                v.Add("daemon_base", "regex", "The daemon base format is invalid.");
            }
        }

        var isPublic = OptionalBoolean(v, input, "public");
        var behindProxy = OptionalBoolean(v, input, "behind_proxy");
        var maintenance = OptionalBoolean(v, input, "maintenance_mode");
        int? uploadSize = null;
        if (input.IsPresentNotNull("upload_size"))
        {
            var value = AreaJson.Numeric(input, "upload_size");
            if (value is null || value != Math.Floor(value.Value))
            {
                v.Add("upload_size", "integer", "The upload size must be an integer.");
            }
            else if (value is < 1 or > 1024)
            {
                v.Add("upload_size", "between", "The upload size must be between 1 and 1024.");
            }
            else
            {
                uploadSize = (int)value;
            }
        }

        v.ThrowIfFailed();
        return new NodeInput(name!, locationId!.Value, fqdn!, scheme!, memory!.Value, memoryOver!.Value, disk!.Value, diskOver!.Value,
            listen!.Value, sftp!.Value, daemonBase, isPublic, behindProxy, maintenance, uploadSize);
    }

    // required|numeric|min:x (and between:x,y when max is given).
    private static int? Number(Validation v, RequestInput input, string field, int min, int? max)
    {
        if (input.IsMissing(field))
        {
            v.Required(field);
            return null;
        }

        var attribute = Validation.Attribute(field);
        if (AreaJson.Numeric(input, field) is not { } value)
        {
            v.Add(field, "numeric", $"The {attribute} must be a number.");
            return null;
        }

        if (max is { } top)
        {
            if (value < min || value > top)
            {
                v.Add(field, "between", $"The {attribute} must be between {min} and {top}.");
                return null;
            }
        }
        else if (value < min)
        {
            v.Add(field, "min", $"The {attribute} must be at least {min}.");
            return null;
        }

        return (int)value;
    }

    private static bool? OptionalBoolean(Validation v, RequestInput input, string field)
    {
        if (!input.IsPresentNotNull(field))
        {
            return null;
        }

        var value = AreaJson.StrictBoolean(input, field);
        if (value is null)
        {
            v.Add(field, "boolean", $"The {Validation.Attribute(field)} field must be true or false.");
        }

        return value;
    }

    private static void Apply(FakeNode node, NodeInput input)
    {
        node.Name = input.Name;
        node.LocationId = input.LocationId;
        node.Fqdn = input.Fqdn;
        node.Scheme = input.Scheme;
        node.Memory = input.Memory;
        node.MemoryOverallocate = input.MemoryOverallocate;
        node.Disk = input.Disk;
        node.DiskOverallocate = input.DiskOverallocate;
        node.DaemonListen = input.DaemonListen;
        node.DaemonSftp = input.DaemonSftp;
        // "sometimes"/optional fields: only what was sent changes.
        node.DaemonBase = input.DaemonBase ?? node.DaemonBase;
        node.Public = input.Public ?? node.Public;
        node.BehindProxy = input.BehindProxy ?? node.BehindProxy;
        node.MaintenanceMode = input.MaintenanceMode ?? node.MaintenanceMode;
        node.UploadSize = input.UploadSize ?? node.UploadSize;
    }

    private static Task Create(ApiRequest r)
    {
        var input = ValidateNode(r);
        var node = r.State.CreateNode(input.Name, input.LocationId, input.Fqdn);
        lock (r.State.Gate)
        {
            Apply(node, input);
        }

        var url = $"{r.Panel.BaseUrl}{Base}/{node.Id.ToString(CultureInfo.InvariantCulture)}";
        return AreaJson.Locked(r, 201, w => ApplicationTransformers.WithResource(w, url,
            w2 => ApplicationTransformers.Node(w2, r.State, node, new HashSet<string>())));
    }

    private static Task Update(ApiRequest r)
    {
        var node = FindNode(r);
        var input = ValidateNode(r);
        // reset_secret is not validated; only a JSON true (PHP === true) regenerates the token.
        var reset = r.Input.GetElement("reset_secret") is { ValueKind: JsonValueKind.True };
        lock (r.State.Gate)
        {
            Apply(node, input);
            if (reset)
            {
                node.DaemonTokenId = FakePanelState.RandomString(16);
                node.DaemonToken = FakePanelState.RandomString(64);
            }

            node.UpdatedAt = r.Now;
        }

        return AreaJson.Locked(r, 200, w => ApplicationTransformers.Node(w, r.State, node, new HashSet<string>()));
    }

    private static Task Delete(ApiRequest r)
    {
        var node = FindNode(r);
        lock (r.State.Gate)
        {
            if (r.State.Servers.Any(s => s.NodeId == node.Id))
            {
                throw new PanelException(400, "HasActiveServersException", "A node must have no servers linked to it in order to be deleted.");
            }

            r.State.RemoveNode(node);
        }

        return r.NoContent();
    }

    private static Task ListAllocations(ApiRequest r)
    {
        var node = FindNode(r);
        var query = QueryString.Parse(r.Context.Request.QueryString.Value);
        var filters = QueryString.Filters(query, AllocationFilters);
        // No sorts are allowed on this list.
        QueryString.Sort(query, []);
        var includes = ApplicationTransformers.Includes(r, AllocationIncludes);
        IEnumerable<(FakeAllocation Allocation, FakeServer? Server)> items = r.State.AllocationsOnNode(node.Id);
        foreach (var (field, value) in filters)
        {
            var values = value.Split(',', StringSplitOptions.TrimEntries);
            items = field switch
            {
                "ip" => items.Where(p => values.Contains(p.Allocation.Ip, StringComparer.Ordinal)),
                "port" => items.Where(p => values.Contains(p.Allocation.Port.ToString(CultureInfo.InvariantCulture), StringComparer.Ordinal)),
                "ip_alias" => items.Where(p => p.Allocation.Alias is { } alias
                    && values.Any(x => x.Length > 0 && alias.Contains(x, StringComparison.OrdinalIgnoreCase))),
                // Digits: that server's allocations; anything else (empty, false, text): only unassigned ones.
                _ => Digits().IsMatch(value)
                    ? items.Where(p => p.Server?.Id.ToString(CultureInfo.InvariantCulture) == value)
                    : items.Where(p => p.Server is null),
            };
        }

        var all = items.ToList();
        var page = Paginator.Create(query, all.Count, defaultPerPage: 50, maxPerPage: int.MaxValue);
        var slice = all.Skip((page.CurrentPage - 1) * page.PerPage).Take(page.PerPage).ToList();
        var url = r.Panel.BaseUrl + r.Context.Request.Path.Value;
        return AreaJson.Locked(r, 200, w =>
        {
            w.WriteStartObject();
            w.WriteString("object", "list");
            w.WriteStartArray("data");
            foreach (var (allocation, server) in slice)
            {
                ApplicationTransformers.Allocation(w, r.State, allocation, server, includes);
            }

            w.WriteEndArray();
            Paginator.WriteMeta(w, page, slice.Count, url, []);
            w.WriteEndObject();
        });
    }

    // StoreAllocationRequest, then AssignmentService (all checks before any insert: it runs in a transaction).
    private static Task CreateAllocations(ApiRequest r)
    {
        var node = FindNode(r);
        var input = r.Input;
        var v = new Validation();
        var ip = v.RequiredString(input, "ip");
        string? alias = null;
        if (input.IsPresentNotNull("alias"))
        {
            alias = input.GetString("alias");
            if (alias is null)
            {
                v.MustBeString("alias");
            }
            else if (alias.Length > 191)
            {
                v.Add("alias", "max", "The alias may not be greater than 191 characters.");
            }
        }

        var ports = new List<string>();
        if (input.IsMissing("ports"))
        {
            v.Required("ports");
        }
        else if (input.GetElement("ports") is not { ValueKind: JsonValueKind.Array } array)
        {
            v.Add("ports", "array", "The ports must be an array.");
        }
        else
        {
            var i = 0;
            foreach (var item in array.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String)
                {
                    ports.Add(item.GetString()!.Trim());
                }
                else
                {
                    v.Add($"ports.{i}", "string", $"The ports.{i} must be a string.");
                }

                i++;
            }
        }

        v.ThrowIfFailed();
        var addresses = ResolveAddresses(ip!);
        var numbers = new List<int>();
        foreach (var port in ports)
        {
            if (Digits().IsMatch(port))
            {
                var n = long.Parse(port, CultureInfo.InvariantCulture);
                if (n <= 1024 || n > 65535)
                {
                    throw PortOutOfRange();
                }

                numbers.Add((int)n);
            }
            else if (PortRange().Match(port) is { Success: true } m)
            {
                var from = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
                var to = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
                var (low, high) = from <= to ? (from, to) : (to, from);
                if (high - low + 1 > 1000)
                {
                    throw new PanelException(400, "TooManyPortsInRangeException",
                        "Adding more than 1000 ports in a single range at once is not supported.");
                }

                if (low <= 1024 || high > 65535)
                {
                    throw PortOutOfRange();
                }

                for (var p = low; p <= high; p++)
                {
                    numbers.Add(p);
                }
            }
            else
            {
                throw new PanelException(400, "InvalidPortMappingException",
                    $"The mapping provided for {port} was invalid and could not be processed.");
            }
        }

        lock (r.State.Gate)
        {
            foreach (var address in addresses)
            {
                foreach (var port in numbers)
                {
                    // INSERT IGNORE: existing ip:port pairs are skipped without an error.
                    r.State.AddNodeAllocation(node.Id, address, port, alias);
                }
            }
        }

        return r.NoContent();
    }

    private static PanelException PortOutOfRange() =>
        new(400, "PortOutOfRangeException", "Ports in an allocation must be greater than 1024 and less than or equal to 65535.");

    // An IPv4 address, a CIDR from /25 to /32 (every address of it), or a host name (gethostbyname: its IPv4).
    private static List<string> ResolveAddresses(string ip)
    {
        var parts = ip.Split('/');
        if (parts.Length > 1)
        {
            if (parts.Length != 2 || !Digits().IsMatch(parts[1]) || parts[1].Length > 2 || int.Parse(parts[1], CultureInfo.InvariantCulture) is < 25 or > 32)
            {
                throw new PanelException(400, "CidrOutOfRangeException", "CIDR notation only allows masks between /25 and /32.");
            }

            if (!IPAddress.TryParse(parts[0], out var baseAddress) || baseAddress.AddressFamily != AddressFamily.InterNetwork
                || parts[0].Count(c => c == '.') != 3)
            {
                throw UnparsableIp(ip);
            }

            var prefix = int.Parse(parts[1], CultureInfo.InvariantCulture);
            var bytes = baseAddress.GetAddressBytes();
            var value = (uint)bytes[0] << 24 | (uint)bytes[1] << 16 | (uint)bytes[2] << 8 | bytes[3];
            var first = value & (uint.MaxValue << (32 - prefix));
            var count = 1u << (32 - prefix);
            var list = new List<string>();
            for (var i = 0u; i < count; i++)
            {
                var a = first + i;
                list.Add($"{a >> 24}.{(a >> 16) & 255}.{(a >> 8) & 255}.{a & 255}");
            }

            return list;
        }

        if (IPAddress.TryParse(ip, out var single) && single.AddressFamily == AddressFamily.InterNetwork && ip.Count(c => c == '.') == 3)
        {
            return [single.ToString()];
        }

        try
        {
            var resolved = ip.Equals("localhost", StringComparison.OrdinalIgnoreCase)
                ? IPAddress.Loopback
                : Dns.GetHostAddresses(ip, AddressFamily.InterNetwork).FirstOrDefault();
            if (resolved is not null)
            {
                return [resolved.ToString()];
            }
        }
        catch (SocketException)
        {
        }

        throw UnparsableIp(ip);
    }

    private static PanelException UnparsableIp(string ip) =>
        new(400, "DisplayException", $"Could not parse provided allocation IP address ({ip}): The given IP address is not valid.");

    private static Task DeleteAllocation(ApiRequest r)
    {
        var node = FindNode(r);
        var id = AreaJson.RouteInt(r, "allocation");
        lock (r.State.Gate)
        {
            // Scoped binding: an allocation of another node is a 404 like an unknown one.
            var (allocation, server) = r.State.AllocationsOnNode(node.Id).FirstOrDefault(p => p.Allocation.Id == id);
            if (allocation is null)
            {
                throw PanelException.NotFound();
            }

            if (server is not null)
            {
                throw new PanelException(400, "ServerUsingAllocationException",
                    "A server is currently assigned to this allocation. An allocation can only be deleted if no server is currently assigned.");
            }

            r.State.RemoveUnassignedAllocation(allocation);
        }

        return r.NoContent();
    }
}
