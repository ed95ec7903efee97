using System.Net;

namespace PteroAot.Application;

/// <summary>
/// The field names <see cref="ServerBuilder"/> reports problems under (<see cref="ServerBuilderIssue.Field"/>). An egg
/// variable is reported under its environment name (e.g. <c>SERVER_JARFILE</c>) instead of one of these.
/// </summary>
public static class ServerBuilderFields
{
    /// <summary><see cref="ServerBuilder.Named"/> (panel: <c>name</c>).</summary>
    public const string Name = "Name";

    /// <summary><see cref="ServerBuilder.WithDescription"/> (panel: <c>description</c>).</summary>
    public const string Description = "Description";

    /// <summary><see cref="ServerBuilder.OwnedBy"/> (panel: <c>user</c>).</summary>
    public const string Owner = "Owner";

    /// <summary>The egg the builder was made for (panel: <c>egg</c>).</summary>
    public const string Egg = "Egg";

    /// <summary><see cref="ServerBuilder.WithImage"/> (panel: <c>docker_image</c>).</summary>
    public const string DockerImage = "DockerImage";

    /// <summary><see cref="ServerBuilder.WithStartup"/> (panel: <c>startup</c>).</summary>
    public const string Startup = "Startup";

    /// <summary>The environment as a whole (panel: <c>environment</c>); single variables use their own names.</summary>
    public const string Environment = "Environment";

    /// <summary>The limits as a whole (panel: <c>limits</c>).</summary>
    public const string Limits = "Limits";

    /// <summary>Memory of <see cref="ServerBuilder.WithLimits"/> (panel: <c>limits.memory</c>).</summary>
    public const string Memory = "Memory";

    /// <summary>Swap of <see cref="ServerBuilder.WithLimits"/> (panel: <c>limits.swap</c>).</summary>
    public const string Swap = "Swap";

    /// <summary>Disk of <see cref="ServerBuilder.WithLimits"/> (panel: <c>limits.disk</c>).</summary>
    public const string Disk = "Disk";

    /// <summary>IO weight of <see cref="ServerBuilder.WithLimits"/> (panel: <c>limits.io</c>).</summary>
    public const string Io = "Io";

    /// <summary>CPU of <see cref="ServerBuilder.WithLimits"/> (panel: <c>limits.cpu</c>).</summary>
    public const string Cpu = "Cpu";

    /// <summary>CPU pinning of <see cref="ServerBuilder.WithLimits"/> (panel: <c>limits.threads</c>).</summary>
    public const string Threads = "Threads";

    /// <summary>The feature limits as a whole (panel: <c>feature_limits</c>).</summary>
    public const string FeatureLimits = "FeatureLimits";

    /// <summary>Databases of <see cref="ServerBuilder.WithFeatureLimits"/> (panel: <c>feature_limits.databases</c>).</summary>
    public const string DatabaseLimit = "DatabaseLimit";

    /// <summary>Backups of <see cref="ServerBuilder.WithFeatureLimits"/> (panel: <c>feature_limits.backups</c>).</summary>
    public const string BackupLimit = "BackupLimit";

    /// <summary>Allocations of <see cref="ServerBuilder.WithFeatureLimits"/> (panel: <c>feature_limits.allocations</c>).</summary>
    public const string AllocationLimit = "AllocationLimit";

    /// <summary>The primary allocation of <see cref="ServerBuilder.OnAllocation"/>, or the choice between the two allocation styles (panel: <c>allocation.default</c>).</summary>
    public const string Allocation = "Allocation";

    /// <summary>Extra allocations of <see cref="ServerBuilder.OnAllocation"/> (panel: <c>allocation.additional</c>).</summary>
    public const string AdditionalAllocations = "AdditionalAllocations";

    /// <summary><see cref="ServerBuilder.DeployTo"/> as a whole (panel: <c>deploy</c>).</summary>
    public const string Deploy = "Deploy";

    /// <summary>Locations of <see cref="ServerBuilder.DeployTo"/> (panel: <c>deploy.locations</c>).</summary>
    public const string DeployLocations = "DeployLocations";

    /// <summary>Port ranges of <see cref="ServerBuilder.DeployTo"/> (panel: <c>deploy.port_range</c>).</summary>
    public const string PortRanges = "PortRanges";

    /// <summary>Dedicated IP of <see cref="ServerBuilder.DeployTo"/> (panel: <c>deploy.dedicated_ip</c>).</summary>
    public const string DedicatedIp = "DedicatedIp";

    /// <summary><see cref="ServerBuilder.WithExternalId"/> (panel: <c>external_id</c>).</summary>
    public const string ExternalId = "ExternalId";

    /// <summary><see cref="ServerBuilder.SkipScripts"/> (panel: <c>skip_scripts</c>).</summary>
    public const string SkipScripts = "SkipScripts";

    /// <summary><see cref="ServerBuilder.WithOomDisabled"/> (panel: <c>oom_disabled</c>).</summary>
    public const string OomDisabled = "OomDisabled";

    /// <summary><see cref="ServerBuilder.StartOnCompletion"/> (panel: <c>start_on_completion</c>).</summary>
    public const string StartOnCompletion = "StartOnCompletion";

    /// <summary>
    /// The builder's name for a panel input field (<c>source_field</c> of a 422): <c>limits.memory</c> is
    /// <see cref="Memory"/>, <c>environment.SERVER_JARFILE</c> is <c>SERVER_JARFILE</c>,
    /// <c>allocation.additional.1</c> is <see cref="AdditionalAllocations"/>. Unknown fields come back unchanged.
    /// </summary>
    /// <param name="panelField">The dotted panel field; null or empty for errors without one.</param>
    public static string FromPanelField(string? panelField)
    {
        if (string.IsNullOrEmpty(panelField))
            return "";
        if (panelField.StartsWith("environment.", StringComparison.Ordinal) && panelField.Length > "environment.".Length)
            return panelField["environment.".Length..];

        // Array items (allocation.additional.0, deploy.port_range.2) belong to their list.
        var parts = panelField.Split('.');
        var key = parts.Length > 1 && parts[^1].All(char.IsAsciiDigit) ? string.Join('.', parts[..^1]) : panelField;
        return key switch
        {
            "name" => Name,
            "description" => Description,
            "user" => Owner,
            "egg" => Egg,
            "docker_image" or "image" => DockerImage,
            "startup" => Startup,
            "environment" => Environment,
            "limits" => Limits,
            "limits.memory" or "memory" => Memory,
            "limits.swap" or "swap" => Swap,
            "limits.disk" or "disk" => Disk,
            "limits.io" or "io" => Io,
            "limits.cpu" or "cpu" => Cpu,
            "limits.threads" or "threads" => Threads,
            "feature_limits" => FeatureLimits,
            "feature_limits.databases" => DatabaseLimit,
            "feature_limits.backups" => BackupLimit,
            "feature_limits.allocations" => AllocationLimit,
            "allocation" or "allocation.default" => Allocation,
            "allocation.additional" => AdditionalAllocations,
            "deploy" => Deploy,
            "deploy.locations" => DeployLocations,
            "deploy.port_range" => PortRanges,
            "deploy.dedicated_ip" => DedicatedIp,
            "external_id" => ExternalId,
            "skip_scripts" => SkipScripts,
            "oom_disabled" => OomDisabled,
            "start_on_completion" => StartOnCompletion,
            _ => panelField,
        };
    }
}

/// <summary>One problem with a server request, named after the builder's field.</summary>
/// <param name="Field">A <see cref="ServerBuilderFields"/> name, or an egg variable's environment name (<c>SERVER_JARFILE</c>).</param>
/// <param name="Message">What is wrong, naming the field.</param>
public sealed record ServerBuilderIssue(string Field, string Message)
{
    /// <summary>The panel's dotted input name (<c>limits.memory</c>, <c>environment.SERVER_JARFILE</c>).</summary>
    public string? PanelField { get; init; }

    /// <summary>The Laravel rule that failed (<c>required</c>, <c>regex</c>, <c>between</c>...), when known.</summary>
    public string? Rule { get; init; }

    /// <summary>Whether the issue is about an egg variable (then <see cref="Field"/> is its environment name).</summary>
    public bool IsVariable { get; init; }

    /// <inheritdoc/>
    public override string ToString() => $"{Field}: {Message}";
}

/// <summary>
/// A server request is invalid: found by <see cref="ServerBuilder"/> before anything was sent
/// (<see cref="FromPanel"/> false), or a 422 from the panel mapped back to the builder's field names
/// (<see cref="FromPanel"/> true, the original in <see cref="PanelError"/>).
/// </summary>
public sealed class ServerBuilderValidationException : PteroException
{
    internal ServerBuilderValidationException(IReadOnlyList<ServerBuilderIssue> issues, PteroValidationException? panelError = null)
        : base(Describe(issues, panelError), panelError?.Method ?? "POST", panelError?.Path ?? "/api/application/servers", panelError)
    {
        Issues = issues;
        PanelError = panelError;
        var byField = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var issue in issues)
        {
            if (!byField.TryGetValue(issue.Field, out var list))
                byField[issue.Field] = list = [];
            list.Add(issue.Message);
        }
        Fields = byField.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value, StringComparer.Ordinal);
    }

    /// <summary>Every problem, in the order found.</summary>
    public IReadOnlyList<ServerBuilderIssue> Issues { get; }

    /// <summary>Messages per builder field (<see cref="ServerBuilderFields"/> names and variable names).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Fields { get; }

    /// <summary>Whether the panel reported the problems (a 422) rather than the builder.</summary>
    public bool FromPanel => PanelError is not null;

    /// <summary>The panel's 422 when <see cref="FromPanel"/>; its <see cref="PteroValidationException.FieldErrors"/> use the panel's names.</summary>
    public PteroValidationException? PanelError { get; }

    private static string Describe(IReadOnlyList<ServerBuilderIssue> issues, PteroValidationException? panelError)
    {
        var head = panelError is null
            ? $"The server request has {issues.Count} problem{(issues.Count == 1 ? "" : "s")} (nothing was sent)"
            : $"The panel rejected the server request ({(int)panelError.StatusCode})";
        return $"{head}: {string.Join("; ", issues)}";
    }
}

/// <summary>
/// Automatic deployment (<see cref="ServerBuilder.DeployTo"/>, or <c>deploy</c> in a raw <see cref="CreateServerRequest"/>)
/// found no place for the server (400). Thrown by every call that gets the panel's answer, builder or not.
/// </summary>
public abstract class PteroDeploymentException : PteroApiException
{
    private protected PteroDeploymentException(HttpStatusCode status, IReadOnlyList<PteroError> errors, string method, string path, string? bodyHint)
        : base(status, errors, method, path, bodyHint)
    {
    }
}

/// <summary>
/// 400 <c>NoViableNodeException</c>: no public node in the requested locations has room for the memory and disk
/// (over-allocation included).
/// </summary>
public sealed class PteroNoViableNodeException : PteroDeploymentException
{
    internal PteroNoViableNodeException(HttpStatusCode status, IReadOnlyList<PteroError> errors, string method, string path, string? bodyHint)
        : base(status, errors, method, path, bodyHint)
    {
    }
}

/// <summary>
/// 400 <c>NoViableAllocationException</c>: the chosen nodes have no free allocation in the requested port ranges
/// (or, with a dedicated IP, no IP that is completely free).
/// </summary>
public sealed class PteroNoViableAllocationException : PteroDeploymentException
{
    internal PteroNoViableAllocationException(HttpStatusCode status, IReadOnlyList<PteroError> errors, string method, string path, string? bodyHint)
        : base(status, errors, method, path, bodyHint)
    {
    }
}
