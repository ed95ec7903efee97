using System.Globalization;
using System.Text.RegularExpressions;

namespace PteroAot.Application;

/// <summary>
/// Builds a <c>POST /api/application/servers</c> request from an egg, and explains what is wrong before sending:
/// required variables, the egg's variable rules, limits, feature limits and the allocation style, each problem
/// named after the builder's field (<see cref="ServerBuilderFields"/>, or the variable's environment name).
/// </summary>
/// <remarks>
/// <para>Get one with <see cref="ApplicationServersApi.NewServerAsync"/> (fetches the egg with its variables) or
/// <see cref="ApplicationServersApi.NewServer"/>. Defaults come from the egg: the first of its Docker images, its
/// startup command, and each variable's default value (the panel itself would store <c>""</c> or fail for a
/// variable left out of the request, so the builder always sends every variable).</para>
/// <para>Limits default to unlimited CPU, no swap and IO weight 500; feature limits default to 0 (no databases,
/// backups or extra allocations). Memory, disk, a name, an owner and an allocation style are required.</para>
/// <example><code>
/// var builder = await panel.Application.Servers.NewServerAsync(new NestId(1), new EggId(1));
/// var server = await builder
///     .Named("Lobby").OwnedBy(new UserId(5)).WithLimits(memory: 2048, disk: 10240)
///     .WithVariable("SERVER_JARFILE", "paper.jar")
///     .DeployTo([new LocationId(1)], ["25565-25600"])
///     .CreateAsync();
/// </code></example>
/// </remarks>
public sealed class ServerBuilder
{
    // The panel's docker_image rule (StoreServerRequest / Server::$validationRules).
    private static readonly Regex ImagePattern = new(@"^~?[\w\.\/\-:@ ]*$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    private static readonly Regex ThreadsPattern = new(@"^[0-9-,]+$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    private static readonly Regex PortPattern = new(@"^(\d{1,5})(?:-(\d{1,5}))?$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>How far the end of a port range may be above its start (the panel's <c>PORT_RANGE_LIMIT</c>).</summary>
    public const int MaxPortsPerRange = 1000;

    private readonly ApplicationServersApi? _api;
    private readonly Dictionary<string, string?> _values = new(StringComparer.Ordinal);
    private readonly List<AllocationId> _additional = [];
    private readonly List<LocationId> _deployLocations = [];
    private readonly List<string> _portRanges = [];
    private string? _name;
    private string? _description;
    private UserId? _owner;
    private string _image;
    private string _startup;
    private int? _memory;
    private int? _disk;
    private int _cpu;
    private int _swap;
    private int _io = 500;
    private string? _threads;
    private int? _databases = 0;
    private int? _backups = 0;
    private int? _allocationLimit = 0;
    private AllocationId? _primary;
    private bool _deploy;
    private bool _dedicatedIp;
    private string? _externalId;
    private bool? _skipScripts;
    private bool? _oomDisabled;
    private bool? _startOnCompletion;

    internal ServerBuilder(ApplicationServersApi? api, Egg egg)
    {
        ArgumentNullException.ThrowIfNull(egg);
        Variables = egg.Variables ?? throw new ArgumentException(
            "The egg has no variables loaded: fetch it with include=variables (NestsApi.GetEggAsync(nest, egg, \"variables\")).", nameof(egg));
        _api = api;
        Egg = egg;
        _image = egg.DockerImages.Values.FirstOrDefault() ?? egg.DockerImage;
        _startup = egg.Startup;
    }

    /// <summary>
    /// A builder for <paramref name="egg"/> that can validate and build requests but not send them (no connection);
    /// use <see cref="ApplicationServersApi.NewServer"/> to be able to call <see cref="CreateAsync"/>.
    /// </summary>
    /// <param name="egg">The egg, fetched with <c>include=variables</c>.</param>
    public static ServerBuilder ForEgg(Egg egg) => new(null, egg);

    /// <summary>The egg the server is made from.</summary>
    public Egg Egg { get; }

    /// <summary>The egg's variables with their rules and defaults.</summary>
    public IReadOnlyList<EggVariableDefinition> Variables { get; }

    /// <summary>The Docker image that will be sent (the egg's first image unless <see cref="WithImage"/> changed it).</summary>
    public string DockerImage => _image;

    /// <summary>The startup command that will be sent (the egg's unless <see cref="WithStartup"/> changed it).</summary>
    public string Startup => _startup;

    /// <summary>The environment that will be sent: every egg variable, set values over the egg's defaults.</summary>
    public IReadOnlyDictionary<string, string?> Environment
    {
        get
        {
            var environment = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var variable in Variables)
                environment[variable.EnvVariable] = _values.TryGetValue(variable.EnvVariable, out var value) ? value : variable.DefaultValue;
            return environment;
        }
    }

    /// <summary>Sets the display name (1 to 191 characters).</summary>
    /// <param name="name">The name.</param>
    public ServerBuilder Named(string name)
    {
        _name = name;
        return this;
    }

    /// <summary>Sets the description (null for none).</summary>
    /// <param name="description">The description.</param>
    public ServerBuilder WithDescription(string? description)
    {
        _description = description;
        return this;
    }

    /// <summary>Sets the owner; the server then appears in that user's client list.</summary>
    /// <param name="owner">The user's id.</param>
    public ServerBuilder OwnedBy(UserId owner)
    {
        _owner = owner;
        return this;
    }

    /// <summary>Overrides the Docker image (default: the egg's first image). The panel accepts any image matching <c>^~?[\w./\-:@ ]*$</c>.</summary>
    /// <param name="image">The image, e.g. <c>ghcr.io/pterodactyl/yolks:java_21</c>.</param>
    public ServerBuilder WithImage(string image)
    {
        _image = image;
        return this;
    }

    /// <summary>Overrides the startup command (default: the egg's).</summary>
    /// <param name="startup">The command template with <c>{{VARIABLE}}</c> placeholders.</param>
    public ServerBuilder WithStartup(string startup)
    {
        _startup = startup;
        return this;
    }

    /// <summary>Sets the resource limits.</summary>
    /// <param name="memory">Memory in MiB, 0 = unlimited.</param>
    /// <param name="disk">Disk in MiB, 0 = unlimited.</param>
    /// <param name="cpu">CPU in percent of one core, 0 = unlimited.</param>
    /// <param name="swap">Swap in MiB: -1 = unlimited, 0 = none.</param>
    /// <param name="io">IO weight, 10 to 1000.</param>
    /// <param name="threads">CPU pinning such as <c>0-1,3</c>, or null.</param>
    public ServerBuilder WithLimits(int memory, int disk, int cpu = 0, int swap = 0, int io = 500, string? threads = null)
    {
        _memory = memory;
        _disk = disk;
        _cpu = cpu;
        _swap = swap;
        _io = io;
        _threads = threads;
        return this;
    }

    /// <summary>Sets how many databases, backups and extra allocations the server's users may create (default 0 each).</summary>
    /// <param name="databases">Databases; null = unlimited.</param>
    /// <param name="backups">Backups; null or 0 = none.</param>
    /// <param name="allocations">Extra allocations through the client API; null or 0 = none.</param>
    public ServerBuilder WithFeatureLimits(int? databases = 0, int? backups = 0, int? allocations = 0)
    {
        _databases = databases;
        _backups = backups;
        _allocationLimit = allocations;
        return this;
    }

    /// <summary>Sets an egg variable (by environment name, e.g. <c>SERVER_JARFILE</c>); others keep the egg's default.</summary>
    /// <param name="name">The variable's environment name.</param>
    /// <param name="value">The value; null or empty sends an empty value (which the panel treats as null).</param>
    public ServerBuilder WithVariable(string name, string? value)
    {
        ArgumentNullException.ThrowIfNull(name);
        _values[name] = value;
        return this;
    }

    /// <summary>Sets several egg variables.</summary>
    /// <param name="values">Environment name to value.</param>
    public ServerBuilder WithVariables(IEnumerable<KeyValuePair<string, string?>> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        foreach (var (name, value) in values)
            WithVariable(name, value);
        return this;
    }

    /// <summary>
    /// Puts the server on given free allocations (the node follows from the primary one). Use this or
    /// <see cref="DeployTo"/>, not both.
    /// </summary>
    /// <param name="primary">The primary allocation (must be unassigned).</param>
    /// <param name="additional">More unassigned allocations on the same node.</param>
    public ServerBuilder OnAllocation(AllocationId primary, params AllocationId[] additional)
    {
        _primary = primary;
        _additional.Clear();
        _additional.AddRange(additional ?? []);
        return this;
    }

    /// <summary>
    /// Lets the panel choose: a public node in one of <paramref name="locations"/> with room for the memory and disk,
    /// and a free allocation there whose port is in <paramref name="portRanges"/>. Use this or
    /// <see cref="OnAllocation"/>, not both. When nothing fits, <see cref="CreateAsync"/> throws
    /// <see cref="PteroNoViableNodeException"/> or <see cref="PteroNoViableAllocationException"/>.
    /// </summary>
    /// <param name="locations">Locations to pick a node from (empty = any).</param>
    /// <param name="portRanges">Ports (<c>25565</c>) or ranges (<c>25565-25600</c>, at most 1000 ports each); empty = any port.</param>
    /// <param name="dedicatedIp">Only take an allocation on an IP no other server uses.</param>
    public ServerBuilder DeployTo(IEnumerable<LocationId> locations, IEnumerable<string> portRanges, bool dedicatedIp = false)
    {
        ArgumentNullException.ThrowIfNull(locations);
        ArgumentNullException.ThrowIfNull(portRanges);
        _deploy = true;
        _deployLocations.Clear();
        _deployLocations.AddRange(locations);
        _portRanges.Clear();
        _portRanges.AddRange(portRanges);
        _dedicatedIp = dedicatedIp;
        return this;
    }

    /// <summary>Sets the integrator's id (unique, 1 to 191 characters), or null.</summary>
    /// <param name="externalId">The id.</param>
    public ServerBuilder WithExternalId(string? externalId)
    {
        _externalId = externalId;
        return this;
    }

    /// <summary>Skips the egg's install script.</summary>
    /// <param name="skip">Whether to skip it.</param>
    public ServerBuilder SkipScripts(bool skip = true)
    {
        _skipScripts = skip;
        return this;
    }

    /// <summary>Starts the server once it is installed.</summary>
    /// <param name="start">Whether to start it.</param>
    public ServerBuilder StartOnCompletion(bool start = true)
    {
        _startOnCompletion = start;
        return this;
    }

    /// <summary>Sets whether the OOM killer is disabled (panel default: disabled).</summary>
    /// <param name="disabled">True to disable the OOM killer.</param>
    public ServerBuilder WithOomDisabled(bool disabled)
    {
        _oomDisabled = disabled;
        return this;
    }

    /// <summary>Every problem the panel would reject, found without a request; empty when the request is sendable.</summary>
    public IReadOnlyList<ServerBuilderIssue> Validate()
    {
        var issues = new List<ServerBuilderIssue>();
        void Add(string field, string message, string panelField, string? rule = null)
            => issues.Add(new ServerBuilderIssue(field, message) { PanelField = panelField, Rule = rule });

        // Name and owner.
        var name = VariableRules.Normalize(_name);
        if (name is null)
            Add(ServerBuilderFields.Name, "Name is required: call Named(\"...\").", "name", "required");
        else if (name.Length > 191)
            Add(ServerBuilderFields.Name, $"Name must be at most 191 characters (it has {name.Length}).", "name", "max");
        if (_owner is not { } owner)
            Add(ServerBuilderFields.Owner, "Owner is required: call OwnedBy(userId).", "user", "required");
        else if (owner.Value <= 0)
            Add(ServerBuilderFields.Owner, $"Owner must be a user id (1 or more), not {owner.Value}.", "user", "exists");

        // Image and startup.
        var image = VariableRules.Normalize(_image);
        if (image is null)
            Add(ServerBuilderFields.DockerImage, "DockerImage is required: the egg has no image, so call WithImage(\"...\").", "docker_image", "required");
        else if (image.Length > 191)
            Add(ServerBuilderFields.DockerImage, $"DockerImage must be at most 191 characters (it has {image.Length}).", "docker_image", "max");
        else if (!ImagePattern.IsMatch(image))
            Add(ServerBuilderFields.DockerImage,
                "DockerImage may only contain letters, digits, '_', '.', '/', '-', ':', '@' and spaces (optionally after a leading '~').",
                "docker_image", "regex");
        if (VariableRules.Normalize(_startup) is null)
            Add(ServerBuilderFields.Startup, "Startup is required: the egg has no startup command, so call WithStartup(\"...\").", "startup", "required");

        // Limits.
        if (_memory is not { } memory)
            Add(ServerBuilderFields.Memory, "Memory is required: call WithLimits(memory, disk, ...) (MiB, 0 = unlimited).", "limits.memory", "required");
        else if (memory < 0)
            Add(ServerBuilderFields.Memory, $"Memory must be 0 (unlimited) or more MiB, not {memory}.", "limits.memory", "min");
        if (_disk is not { } disk)
            Add(ServerBuilderFields.Disk, "Disk is required: call WithLimits(memory, disk, ...) (MiB, 0 = unlimited).", "limits.disk", "required");
        else if (disk < 0)
            Add(ServerBuilderFields.Disk, $"Disk must be 0 (unlimited) or more MiB, not {disk}.", "limits.disk", "min");
        if (_swap < -1)
            Add(ServerBuilderFields.Swap, $"Swap must be -1 (unlimited), 0 (none) or more MiB, not {_swap}.", "limits.swap", "min");
        if (_io is < 10 or > 1000)
            Add(ServerBuilderFields.Io, $"Io must be between 10 and 1000, not {_io}.", "limits.io", "between");
        if (_cpu < 0)
            Add(ServerBuilderFields.Cpu, $"Cpu must be 0 (unlimited) or more percent of one core, not {_cpu}.", "limits.cpu", "min");
        if (VariableRules.Normalize(_threads) is { } threads && !ThreadsPattern.IsMatch(threads))
            Add(ServerBuilderFields.Threads, "Threads must list CPU numbers and ranges such as 0-1,3 (digits, '-' and ',' only).", "limits.threads", "regex");

        // Feature limits.
        if (_databases is < 0)
            Add(ServerBuilderFields.DatabaseLimit, $"DatabaseLimit must be 0 or more (null = unlimited), not {_databases}.", "feature_limits.databases", "min");
        if (_backups is < 0)
            Add(ServerBuilderFields.BackupLimit, $"BackupLimit must be 0 or more (null or 0 = no backups), not {_backups}.", "feature_limits.backups", "min");
        if (_allocationLimit is < 0)
            Add(ServerBuilderFields.AllocationLimit, $"AllocationLimit must be 0 or more (null or 0 = none), not {_allocationLimit}.", "feature_limits.allocations", "min");

        ValidateAllocations(Add);

        if (_externalId is not null && VariableRules.Normalize(_externalId) is { Length: > 191 } externalId)
            Add(ServerBuilderFields.ExternalId, $"ExternalId must be at most 191 characters (it has {externalId.Length}).", "external_id", "between");

        ValidateVariables(issues);
        return issues;
    }

    private void ValidateAllocations(Action<string, string, string, string?> add)
    {
        if (_primary is null && !_deploy)
        {
            add(ServerBuilderFields.Allocation,
                "An allocation is required: call OnAllocation(allocationId) for a given free allocation, or DeployTo(locations, portRanges) to let the panel pick one.",
                "allocation.default", "required");
            return;
        }
        if (_primary is not null && _deploy)
        {
            add(ServerBuilderFields.Allocation,
                "Choose one allocation style: OnAllocation(...) and DeployTo(...) were both called (the panel would ignore the given allocation).",
                "allocation.default", null);
            return;
        }
        if (_primary is { } primary)
        {
            if (primary.Value <= 0)
                add(ServerBuilderFields.Allocation, $"Allocation must be an allocation id (1 or more), not {primary.Value}.", "allocation.default", "exists");
            foreach (var extra in _additional)
            {
                if (extra.Value <= 0)
                    add(ServerBuilderFields.AdditionalAllocations, $"AdditionalAllocations must hold allocation ids (1 or more), not {extra.Value}.", "allocation.additional", "exists");
                else if (extra == primary)
                    add(ServerBuilderFields.AdditionalAllocations, $"AdditionalAllocations repeats the primary allocation {extra.Value}.", "allocation.additional", null);
            }
            return;
        }

        foreach (var location in _deployLocations)
        {
            if (location.Value <= 0)
                add(ServerBuilderFields.DeployLocations, $"DeployLocations must hold location ids (1 or more), not {location.Value}.", "deploy.locations", "min");
        }
        foreach (var range in _portRanges)
        {
            if (PortRangeProblem(range) is { } problem)
                add(ServerBuilderFields.PortRanges, problem, "deploy.port_range", null);
        }
    }

    /// <summary>Why a port range is unusable, or null when it is fine.</summary>
    internal static string? PortRangeProblem(string? range)
    {
        var match = PortPattern.Match(range?.Trim() ?? "");
        if (!match.Success)
            return $"PortRanges entry '{range}' is not a port (25565) or a range (25565-25600).";
        var start = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var end = match.Groups[2].Success ? int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) : start;
        if (start is < 1 or > 65535 || end is < 1 or > 65535)
            return $"PortRanges entry '{range}' must use ports between 1 and 65535.";
        if (end < start)
            return $"PortRanges entry '{range}' ends before it starts.";
        // AssignmentService::PORT_RANGE_REGEX: the panel silently ignores ranges of shorter ports.
        if (match.Groups[2].Success && (match.Groups[1].Value.Length < 4 || match.Groups[2].Value.Length < 4))
            return $"PortRanges entry '{range}' would be ignored: the panel only reads ranges of 4- or 5-digit ports (1000-65535).";
        if (end - start > MaxPortsPerRange)
            return $"PortRanges entry '{range}' is too wide: the end may be at most {MaxPortsPerRange} above the start.";
        return null;
    }

    private void ValidateVariables(List<ServerBuilderIssue> issues)
    {
        var known = Variables.Select(v => v.EnvVariable).ToHashSet(StringComparer.Ordinal);
        foreach (var name in _values.Keys.Where(k => !known.Contains(k)))
        {
            var hint = known.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));
            issues.Add(new ServerBuilderIssue(name,
                $"The egg '{Egg.Name}' has no variable {name}" + (hint is null
                    ? $"; its variables are {(known.Count == 0 ? "none" : string.Join(", ", known))}."
                    : $"; did you mean {hint}?"))
            { PanelField = "environment." + name, IsVariable = true });
        }

        foreach (var variable in Variables)
        {
            var explicitValue = _values.TryGetValue(variable.EnvVariable, out var set);
            var value = explicitValue ? set : variable.DefaultValue;
            var label = string.IsNullOrEmpty(variable.Name) || variable.Name == variable.EnvVariable
                ? variable.EnvVariable
                : $"{variable.EnvVariable} ({variable.Name})";
            foreach (var failure in VariableRules.Check(variable.Rules, value, label))
            {
                var message = failure.Message;
                if (!explicitValue && failure.Rule == "required")
                    message = $"{label} is required and the egg has no default: set it with WithVariable(\"{variable.EnvVariable}\", ...).";
                else if (!explicitValue)
                    message += " (This is the egg's default value; set it with WithVariable.)";
                issues.Add(new ServerBuilderIssue(variable.EnvVariable, message)
                {
                    PanelField = "environment." + variable.EnvVariable,
                    Rule = failure.Rule,
                    IsVariable = true,
                });
            }
        }
    }

    /// <summary>The request body, after <see cref="Validate"/> found nothing.</summary>
    /// <exception cref="ServerBuilderValidationException">Something is missing or invalid (see <see cref="ServerBuilderValidationException.Issues"/>).</exception>
    public CreateServerRequest Build()
    {
        var issues = Validate();
        if (issues.Count > 0)
            throw new ServerBuilderValidationException(issues);
        return BuildUnchecked();
    }

    /// <summary>
    /// The request body as it stands, without validation (for showing or for deliberately sending a request the
    /// builder would refuse). Missing memory/disk/owner become 0.
    /// </summary>
    public CreateServerRequest BuildUnchecked() => new()
    {
        Name = _name ?? "",
        UserId = _owner ?? default,
        EggId = Egg.Id,
        DockerImage = _image,
        Startup = _startup,
        Environment = Environment,
        Limits = new ServerLimitsRequest
        {
            Memory = _memory ?? 0,
            Swap = _swap,
            Disk = _disk ?? 0,
            Io = _io,
            Cpu = _cpu,
            Threads = VariableRules.Normalize(_threads),
        },
        FeatureLimits = new FeatureLimitsRequest { Databases = _databases, Backups = _backups, Allocations = _allocationLimit },
        Allocation = _primary is { } primary
            ? new ServerAllocationRequest { Default = primary, Additional = _additional.Count == 0 ? null : [.. _additional] }
            : null,
        Deploy = _deploy
            ? new ServerDeployRequest { Locations = [.. _deployLocations], PortRange = [.. _portRanges.Select(p => p.Trim())], DedicatedIp = _dedicatedIp }
            : null,
        ExternalId = VariableRules.Normalize(_externalId),
        Description = _description,
        SkipScripts = _skipScripts,
        OomDisabled = _oomDisabled,
        StartOnCompletion = _startOnCompletion,
    };

    /// <summary>
    /// Validates, sends <c>POST /api/application/servers</c> and returns the new server (status <c>installing</c>).
    /// </summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ServerBuilderValidationException">The builder found problems (nothing sent), or the panel answered
    /// 422 (mapped back to the builder's field names; <see cref="ServerBuilderValidationException.FromPanel"/>).</exception>
    /// <exception cref="PteroNoViableNodeException">Deployment found no node with room.</exception>
    /// <exception cref="PteroNoViableAllocationException">Deployment found no free allocation in the port ranges.</exception>
    public async Task<ApplicationServer> CreateAsync(CancellationToken cancellationToken = default)
    {
        var api = _api ?? throw new InvalidOperationException(
            "This builder has no connection (made with ServerBuilder.ForEgg); use panel.Application.Servers.NewServer(egg) or NewServerAsync.");
        return await api.CreateExplainedAsync(Build(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The panel's 422 for a server request in the builder's terms: <c>limits.memory</c> becomes
    /// <see cref="ServerBuilderFields.Memory"/>, <c>environment.SERVER_JARFILE</c> becomes <c>SERVER_JARFILE</c>.
    /// Works for errors of requests sent without a builder too.
    /// </summary>
    /// <param name="error">The panel's validation error.</param>
    public static IReadOnlyList<ServerBuilderIssue> Explain(PteroValidationException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return [.. error.Errors.Select(e => new ServerBuilderIssue(ServerBuilderFields.FromPanelField(e.SourceField), e.Detail)
        {
            PanelField = e.SourceField,
            Rule = e.Rule,
            IsVariable = e.SourceField?.StartsWith("environment.", StringComparison.Ordinal) == true,
        })];
    }
}
