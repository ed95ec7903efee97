using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using PteroAot.Application;
using PteroAot.Cli.Infrastructure;
using PteroAot.Cli.Terminal;

namespace PteroAot.Cli.Commands.Admin;

/// <summary><c>ptero admin servers create</c>: creates a server through the server builder (flags or a JSON file).</summary>
/// <remarks>
/// The egg is fetched first (with its variables), the request is checked by <see cref="ServerBuilder"/> and only
/// then sent; problems are listed per field with the flag that sets it, exit 5, before any POST.
/// </remarks>
internal static class AdminServerCreateCommand
{
    public static Command Build()
    {
        var o = new Options();
        var command = new Command("create",
            "Create a server (checked against the egg's variables and rules before sending).\n" +
            "Give an allocation with --allocation, or let the panel deploy with --deploy-location/--port-range.\n" +
            "--file takes a JSON object with the same names as the flags (e.g. {\"name\": \"Lobby\", \"egg\": \"1/1\", " +
            "\"env\": {\"SERVER_JARFILE\": \"paper.jar\"}, \"memory\": 2048, \"port-range\": [\"25565-25600\"]}); flags override it.");
        foreach (var option in o.All)
            command.Add(option);
        command.Handle(c => RunAsync(c, o));
        return command;
    }

    private sealed class Options
    {
        public readonly Option<string?> Name = new("--name") { Description = "Display name (1-191 characters).", HelpName = "name" };
        public readonly Option<int?> User = new("--user") { Description = "The owner's user id.", HelpName = "id" };
        public readonly Option<string?> Egg = new("--egg") { Description = "The egg as <nest>/<egg>, e.g. 1/1 (see 'ptero admin nests').", HelpName = "nest/egg" };
        public readonly Option<string?> Image = new("--image") { Description = "Docker image (default: the egg's first image).", HelpName = "image" };
        public readonly Option<string?> Startup = new("--startup") { Description = "Startup command (default: the egg's).", HelpName = "command" };
        public readonly Option<string[]> Env = new("--env") { Description = "An egg variable, KEY=VALUE; repeat for more. Unset variables get the egg's default.", HelpName = "KEY=VALUE" };
        public readonly Option<int?> Memory = new("--memory") { Description = "Memory in MiB (0 = unlimited).", HelpName = "mib" };
        public readonly Option<int?> Disk = new("--disk") { Description = "Disk in MiB (0 = unlimited).", HelpName = "mib" };
        public readonly Option<int?> Cpu = new("--cpu") { Description = "CPU in percent of one core (default 0 = unlimited).", HelpName = "percent" };
        public readonly Option<int?> Swap = new("--swap") { Description = "Swap in MiB (default 0 = none, -1 = unlimited).", HelpName = "mib" };
        public readonly Option<int?> Io = new("--io") { Description = "IO weight 10-1000 (default 500).", HelpName = "weight" };
        public readonly Option<string?> Threads = new("--threads") { Description = "CPU pinning such as 0-1,3.", HelpName = "cpus" };
        public readonly Option<int?> Databases = new("--databases") { Description = "How many databases the server may have (default 0).", HelpName = "n" };
        public readonly Option<int?> Backups = new("--backups") { Description = "How many backups the server may have (default 0).", HelpName = "n" };
        public readonly Option<int?> Allocations = new("--allocations") { Description = "How many extra allocations users may add (default 0).", HelpName = "n" };
        public readonly Option<int?> Allocation = new("--allocation") { Description = "A free allocation id for the primary port (the node follows from it).", HelpName = "id" };
        public readonly Option<int[]> AdditionalAllocation = new("--additional-allocation") { Description = "More free allocation ids on the same node; repeat for more.", HelpName = "id" };
        public readonly Option<int[]> DeployLocation = new("--deploy-location") { Description = "Let the panel pick a node in this location; repeat for more.", HelpName = "id" };
        public readonly Option<string[]> PortRange = new("--port-range") { Description = "With --deploy-location: ports to pick from, 25565 or 25565-25600; repeat for more.", HelpName = "range" };
        public readonly Option<bool> DedicatedIp = new("--dedicated-ip") { Description = "With --deploy-location: only an IP no other server uses." };
        public readonly Option<string?> ExternalId = new("--external-id") { Description = "Your own unique id for the server.", HelpName = "id" };
        public readonly Option<string?> Description = new("--description") { Description = "Description.", HelpName = "text" };
        public readonly Option<bool> StartOnCompletion = new("--start-on-completion") { Description = "Start the server once it is installed." };
        public readonly Option<bool> SkipScripts = new("--skip-scripts") { Description = "Do not run the egg's install script." };
        public readonly Option<string?> File = new("--file") { Description = "A JSON file with the same fields as the flags (flags override it).", HelpName = "spec.json" };
        public readonly Option<bool> DryRun = new("--dry-run") { Description = "Fetch the egg, check the request and print its JSON without sending it." };

        public IEnumerable<Option> All =>
        [
            Name, User, Egg, Image, Startup, Env, Memory, Disk, Cpu, Swap, Io, Threads, Databases, Backups, Allocations,
            Allocation, AdditionalAllocation, DeployLocation, PortRange, DedicatedIp, ExternalId, Description,
            StartOnCompletion, SkipScripts, File, DryRun,
        ];
    }

    /// <summary>What the flags and the file say; null = not given.</summary>
    private sealed class Spec
    {
        public string? Name;
        public int? User;
        public string? Egg;
        public string? Image;
        public string? Startup;
        public Dictionary<string, string?> Env = new(StringComparer.Ordinal);
        public int? Memory;
        public int? Disk;
        public int? Cpu;
        public int? Swap;
        public int? Io;
        public string? Threads;
        public bool DatabasesSet;
        public int? Databases;
        public bool BackupsSet;
        public int? Backups;
        public bool AllocationsSet;
        public int? Allocations;
        public int? Allocation;
        public List<int>? AdditionalAllocation;
        public List<int>? DeployLocation;
        public List<string>? PortRange;
        public bool? DedicatedIp;
        public string? ExternalId;
        public string? Description;
        public bool? StartOnCompletion;
        public bool? SkipScripts;
    }

    private static async Task<int> RunAsync(CliContext c, Options o)
    {
        var spec = c.Get(o.File) is { } file ? ReadFile(file) : new Spec();
        ApplyFlags(c, o, spec);
        if (spec.Egg is null)
            throw new UsageException("--egg <nest>/<egg> is required (or \"egg\" in --file), e.g. --egg 1/1.");
        var (nest, egg) = ParseEgg(spec.Egg);

        var builder = await c.Client.Application.Servers.NewServerAsync(nest, egg, c.CancellationToken);
        Configure(builder, spec);

        var issues = builder.Validate()
            .Where(i => i.Rule != "required" || i.IsVariable
                || (i.Field != ServerBuilderFields.Memory || spec.Memory is null) && (i.Field != ServerBuilderFields.Disk || spec.Disk is null))
            .ToList();
        if (issues.Count > 0)
            return ReportIssues(c, issues, fromPanel: false);

        var request = builder.Build();
        if (c.Get(o.DryRun))
        {
            c.Out.WriteLine(Output.Indented(request, ApplicationJsonContext.Default.CreateServerRequest));
            c.Note($"dry run: the request is valid for egg '{Term.Clean(builder.Egg.Name)}'; nothing was sent.");
            return ExitCodes.Success;
        }

        ApplicationServer server;
        try
        {
            server = await builder.CreateAsync(c.CancellationToken);
        }
        catch (ServerBuilderValidationException ex)
        {
            return ReportIssues(c, ex.Issues, ex.FromPanel);
        }

        if (c.Json)
        {
            c.WriteJson(server, ApplicationJsonContext.Default.ApplicationServer);
            return ExitCodes.Success;
        }
        c.WriteDetails(new Details()
            .Add("Id", server.Id.ToString())
            .Add("Identifier", server.Identifier.ToString())
            .Add("Name", server.Name)
            .Add("Status", server.Status ?? "-")
            .Add("Owner", server.UserId.ToString())
            .Add("Node", server.NodeId.ToString())
            .Add("Allocation", server.AllocationId.ToString())
            .Add("Image", server.Container.Image));
        return ExitCodes.Success;
    }

    private static void Configure(ServerBuilder builder, Spec spec)
    {
        if (spec.Name is not null)
            builder.Named(spec.Name);
        if (spec.User is { } user)
            builder.OwnedBy(new UserId(user));
        if (spec.Image is not null)
            builder.WithImage(spec.Image);
        if (spec.Startup is not null)
            builder.WithStartup(spec.Startup);
        builder.WithVariables(spec.Env);
        // WithLimits needs both; a missing one is reported by the builder (and the other's "required" dropped, see RunAsync).
        if (spec.Memory is { } memory && spec.Disk is { } disk)
            builder.WithLimits(memory, disk, spec.Cpu ?? 0, spec.Swap ?? 0, spec.Io ?? 500, spec.Threads);
        builder.WithFeatureLimits(
            spec.DatabasesSet ? spec.Databases : 0,
            spec.BackupsSet ? spec.Backups : 0,
            spec.AllocationsSet ? spec.Allocations : 0);
        if (spec.Allocation is { } allocation)
            builder.OnAllocation(new AllocationId(allocation), [.. (spec.AdditionalAllocation ?? []).Select(a => new AllocationId(a))]);
        if (spec.DeployLocation is not null || spec.PortRange is not null)
            builder.DeployTo((spec.DeployLocation ?? []).Select(l => new LocationId(l)), spec.PortRange ?? [], spec.DedicatedIp ?? false);
        if (spec.ExternalId is not null)
            builder.WithExternalId(spec.ExternalId);
        if (spec.Description is not null)
            builder.WithDescription(spec.Description);
        if (spec.StartOnCompletion is { } start)
            builder.StartOnCompletion(start);
        if (spec.SkipScripts is { } skip)
            builder.SkipScripts(skip);
    }

    // Exit 5 with one line per problem: the builder's field, the flag that sets it, and the message.
    private static int ReportIssues(CliContext c, IReadOnlyList<ServerBuilderIssue> issues, bool fromPanel)
    {
        var color = Term.ColorErr;
        c.Err.WriteLine(fromPanel
            ? $"{Term.Red("error:", color)} the panel rejected the server request (422):"
            : $"{Term.Red("error:", color)} the server request has {issues.Count} problem{(issues.Count == 1 ? "" : "s")}; nothing was sent:");
        foreach (var issue in issues)
            c.Err.WriteLine($"  {Term.Clean(issue.Field)} ({FlagFor(issue)}): {Term.Clean(fromPanel ? issue.Message : CliMessage(issue))}");
        return ExitCodes.Validation;
    }

    private static string FlagFor(ServerBuilderIssue issue) => issue.IsVariable ? "--env" : issue.Field switch
    {
        ServerBuilderFields.Name => "--name",
        ServerBuilderFields.Owner => "--user",
        ServerBuilderFields.Egg => "--egg",
        ServerBuilderFields.DockerImage => "--image",
        ServerBuilderFields.Startup => "--startup",
        ServerBuilderFields.Memory => "--memory",
        ServerBuilderFields.Disk => "--disk",
        ServerBuilderFields.Cpu => "--cpu",
        ServerBuilderFields.Swap => "--swap",
        ServerBuilderFields.Io => "--io",
        ServerBuilderFields.Threads => "--threads",
        ServerBuilderFields.DatabaseLimit => "--databases",
        ServerBuilderFields.BackupLimit => "--backups",
        ServerBuilderFields.AllocationLimit => "--allocations",
        ServerBuilderFields.Allocation => "--allocation",
        ServerBuilderFields.AdditionalAllocations => "--additional-allocation",
        ServerBuilderFields.DeployLocations or ServerBuilderFields.Deploy => "--deploy-location",
        ServerBuilderFields.PortRanges => "--port-range",
        ServerBuilderFields.DedicatedIp => "--dedicated-ip",
        ServerBuilderFields.ExternalId => "--external-id",
        ServerBuilderFields.Description => "--description",
        ServerBuilderFields.StartOnCompletion => "--start-on-completion",
        ServerBuilderFields.SkipScripts => "--skip-scripts",
        _ => "--file",
    };

    // The builder's messages name SDK calls for missing pieces; say which flag to give instead.
    private static string CliMessage(ServerBuilderIssue issue)
    {
        if (issue.IsVariable)
        {
            return issue.Rule == "required"
                ? $"{issue.Field} is required and has no value: give --env {issue.Field}=VALUE."
                : issue.Message.Replace("set it with WithVariable", $"give --env {issue.Field}=VALUE", StringComparison.Ordinal);
        }
        return (issue.Field, issue.Rule) switch
        {
            (ServerBuilderFields.Allocation, "required") => "an allocation is required: give --allocation <id>, or --deploy-location <id> and --port-range <range>.",
            (ServerBuilderFields.Allocation, null) => "give either --allocation or --deploy-location/--port-range, not both.",
            (_, "required") => $"is required: give {FlagFor(issue)}.",
            _ => issue.Message,
        };
    }

    private static (NestId, EggId) ParseEgg(string text)
    {
        var parts = text.Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var nest) && nest > 0
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var egg) && egg > 0)
            return (new NestId(nest), new EggId(egg));
        throw new UsageException($"--egg must be <nest>/<egg> with two positive numbers, e.g. 1/1, not '{Term.Clean(text)}'.");
    }

    private static void ApplyFlags(CliContext c, Options o, Spec spec)
    {
        spec.Name = c.Get(o.Name) ?? spec.Name;
        spec.User = c.Get(o.User) ?? spec.User;
        spec.Egg = c.Get(o.Egg) ?? spec.Egg;
        spec.Image = c.Get(o.Image) ?? spec.Image;
        spec.Startup = c.Get(o.Startup) ?? spec.Startup;
        foreach (var pair in c.Get(o.Env) ?? [])
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
                throw new UsageException($"--env wants KEY=VALUE, not '{Term.Clean(pair)}'.");
            spec.Env[pair[..eq]] = pair[(eq + 1)..];
        }
        spec.Memory = c.Get(o.Memory) ?? spec.Memory;
        spec.Disk = c.Get(o.Disk) ?? spec.Disk;
        spec.Cpu = c.Get(o.Cpu) ?? spec.Cpu;
        spec.Swap = c.Get(o.Swap) ?? spec.Swap;
        spec.Io = c.Get(o.Io) ?? spec.Io;
        spec.Threads = c.Get(o.Threads) ?? spec.Threads;
        if (c.Get(o.Databases) is { } databases)
            (spec.Databases, spec.DatabasesSet) = (databases, true);
        if (c.Get(o.Backups) is { } backups)
            (spec.Backups, spec.BackupsSet) = (backups, true);
        if (c.Get(o.Allocations) is { } allocations)
            (spec.Allocations, spec.AllocationsSet) = (allocations, true);
        spec.Allocation = c.Get(o.Allocation) ?? spec.Allocation;
        if (c.Get(o.AdditionalAllocation) is { Length: > 0 } additional)
            spec.AdditionalAllocation = [.. additional];
        if (c.Get(o.DeployLocation) is { Length: > 0 } locations)
            spec.DeployLocation = [.. locations];
        if (c.Get(o.PortRange) is { Length: > 0 } ranges)
            spec.PortRange = [.. ranges];
        if (c.Get(o.DedicatedIp))
            spec.DedicatedIp = true;
        spec.ExternalId = c.Get(o.ExternalId) ?? spec.ExternalId;
        spec.Description = c.Get(o.Description) ?? spec.Description;
        // Switches can only turn these on; a file's false stays unless the switch is given.
        if (c.Get(o.StartOnCompletion))
            spec.StartOnCompletion = true;
        if (c.Get(o.SkipScripts))
            spec.SkipScripts = true;
    }

    // The file is read with JsonDocument (no reflection); keys are the flag names, with '-' or '_'.
    private static Spec ReadFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot read --file {Term.Clean(path)}: {Term.Clean(ex.Message)}");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new UsageException($"--file {Term.Clean(path)} is not valid JSON: {Term.Clean(ex.Message)}");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw new UsageException($"--file {Term.Clean(path)} must hold a JSON object.");
            var spec = new Spec();
            foreach (var property in document.RootElement.EnumerateObject())
                ReadField(spec, property.Name.Replace('_', '-').ToLowerInvariant(), property.Value, path);
            return spec;
        }
    }

    private static void ReadField(Spec spec, string key, JsonElement value, string path)
    {
        UsageException Bad(string what) => new($"--file {Term.Clean(path)}: \"{Term.Clean(key)}\" must be {what}.");
        string? Str() => value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Null => null,
            _ => throw Bad("a string"),
        };
        int Int() => value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n) ? n : throw Bad("a whole number");
        int? NullableInt() => value.ValueKind == JsonValueKind.Null ? null : Int();
        bool Bool() => value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Bad("true or false"),
        };
        List<T> List<T>(Func<JsonElement, T> item, string what)
        {
            if (value.ValueKind != JsonValueKind.Array)
                throw Bad($"an array of {what}");
            return [.. value.EnumerateArray().Select(item)];
        }

        switch (key)
        {
            case "name": spec.Name = Str(); break;
            case "user": spec.User = Int(); break;
            case "egg": spec.Egg = Str(); break;
            case "image" or "docker-image": spec.Image = Str(); break;
            case "startup": spec.Startup = Str(); break;
            case "env" or "environment":
                if (value.ValueKind != JsonValueKind.Object)
                    throw Bad("an object of KEY: value");
                foreach (var variable in value.EnumerateObject())
                {
                    spec.Env[variable.Name] = variable.Value.ValueKind switch
                    {
                        JsonValueKind.String => variable.Value.GetString(),
                        JsonValueKind.Null => null,
                        JsonValueKind.Number => variable.Value.GetRawText(),
                        JsonValueKind.True => "1",
                        JsonValueKind.False => "0",
                        _ => throw Bad("an object of KEY: string, number, boolean or null"),
                    };
                }
                break;
            case "memory": spec.Memory = Int(); break;
            case "disk": spec.Disk = Int(); break;
            case "cpu": spec.Cpu = Int(); break;
            case "swap": spec.Swap = Int(); break;
            case "io": spec.Io = Int(); break;
            case "threads": spec.Threads = Str(); break;
            case "databases": (spec.Databases, spec.DatabasesSet) = (NullableInt(), true); break;
            case "backups": (spec.Backups, spec.BackupsSet) = (NullableInt(), true); break;
            case "allocations": (spec.Allocations, spec.AllocationsSet) = (NullableInt(), true); break;
            case "allocation": spec.Allocation = Int(); break;
            case "additional-allocation" or "additional-allocations":
                spec.AdditionalAllocation = List(e => e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out var n) ? n : throw Bad("an array of allocation ids"), "allocation ids");
                break;
            case "deploy-location" or "deploy-locations":
                spec.DeployLocation = List(e => e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out var n) ? n : throw Bad("an array of location ids"), "location ids");
                break;
            case "port-range" or "port-ranges":
                spec.PortRange = List(e => e.ValueKind == JsonValueKind.String ? e.GetString()! : e.ValueKind == JsonValueKind.Number ? e.GetRawText() : throw Bad("an array of port ranges"), "port ranges");
                break;
            case "dedicated-ip": spec.DedicatedIp = Bool(); break;
            case "external-id": spec.ExternalId = Str(); break;
            case "description": spec.Description = Str(); break;
            case "start-on-completion": spec.StartOnCompletion = Bool(); break;
            case "skip-scripts": spec.SkipScripts = Bool(); break;
            default:
                throw new UsageException($"--file {Term.Clean(path)}: unknown field \"{Term.Clean(key)}\" (use the flag names, e.g. \"memory\", \"port-range\", \"env\").");
        }
    }
}
