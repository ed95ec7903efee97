using System.Text.Json;
using System.Text.Json.Serialization;

namespace PteroAot.Schedules;

/// <summary>A schedule of a server (object <c>server_schedule</c>); the panel always includes its tasks.</summary>
public sealed record Schedule
{
    /// <summary>The schedule's id.</summary>
    public ScheduleId Id { get; set; }

    /// <summary>The schedule's name.</summary>
    public string Name { get; set; } = "";

    /// <summary>When it runs, as the five cron fields (in the panel's timezone).</summary>
    public ScheduleCron Cron { get; set; } = new();

    /// <summary>Whether it runs on its own at <see cref="NextRunAt"/>.</summary>
    public bool IsActive { get; set; }

    /// <summary>Whether a run is in progress.</summary>
    public bool IsProcessing { get; set; }

    /// <summary>Whether its runs are skipped while the server is offline.</summary>
    public bool OnlyWhenOnline { get; set; }

    /// <summary>When it last ran; null if never.</summary>
    public DateTimeOffset? LastRunAt { get; set; }

    /// <summary>When it runs next; null if the panel has not computed it.</summary>
    public DateTimeOffset? NextRunAt { get; set; }

    /// <summary>When it was created.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When it was last changed.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The included relationships as the panel sends them (<c>tasks</c>, always).</summary>
    public ScheduleRelationships? Relationships { get; set; }

    /// <summary>The schedule's tasks in the panel's order (empty when none were sent).</summary>
    [JsonIgnore]
    public IReadOnlyList<ScheduleTask> Tasks => Relationships?.Tasks?.Items.ToArray() ?? [];
}

/// <summary>The <c>relationships</c> of a <see cref="Schedule"/>.</summary>
[JsonConverter(typeof(ScheduleRelationshipsConverter))]
public sealed record ScheduleRelationships
{
    /// <summary>The schedule's tasks.</summary>
    public RelatedList<ScheduleTask>? Tasks { get; set; }
}

/// <summary>
/// Reads and writes <see cref="ScheduleRelationships"/>; hand-written so that the JSON source generator emits no metadata for the
/// related wrappers (see RelatedJson), public so that other assemblies' contexts can use it too.
/// </summary>
public sealed class ScheduleRelationshipsConverter : JsonConverter<ScheduleRelationships>
{
    /// <inheritdoc/>
    public override ScheduleRelationships Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = new ScheduleRelationships();
        RelatedJson.StartObject(ref reader);
        while (RelatedJson.NextRelation(ref reader, out var name))
        {
            switch (name)
            {
                case "tasks":
                    value.Tasks = RelatedJson.ReadList<ScheduleTask>(ref reader, name, options);
                    break;
                default:
                    RelatedJson.Skip(ref reader);
                    break;
            }
        }
        return value;
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, ScheduleRelationships value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        RelatedJson.Write(writer, "tasks", value.Tasks, options);
        writer.WriteEndObject();
    }
}

/// <summary>A task of a schedule (object <c>schedule_task</c>).</summary>
public sealed record ScheduleTask
{
    /// <summary>The task's id.</summary>
    public TaskId Id { get; set; }

    /// <summary>Its position in the schedule, from 1; the panel keeps positions contiguous.</summary>
    public int SequenceId { get; set; }

    /// <summary>What it does.</summary>
    public ScheduleTaskAction Action { get; set; }

    /// <summary>The console command, the power signal, or for a backup the newline-separated ignore list (<c>""</c> when none).</summary>
    public string Payload { get; set; } = "";

    /// <summary>Seconds to wait after the previous task (0-900).</summary>
    public int TimeOffset { get; set; }

    /// <summary>Whether it is queued to run.</summary>
    public bool IsQueued { get; set; }

    /// <summary>Whether the schedule goes on with the next task when this one fails.</summary>
    public bool ContinueOnFailure { get; set; }

    /// <summary>When it was created.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When it was last changed.</summary>
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>What a schedule task does (<c>action</c> on the wire: <c>command</c>, <c>power</c> or <c>backup</c>).</summary>
[JsonConverter(typeof(PteroAot.Json.ScheduleTaskActionConverter))]
public enum ScheduleTaskAction
{
    /// <summary><c>command</c>: sends the payload to the console.</summary>
    Command,

    /// <summary><c>power</c>: sends the payload as a power signal (<c>start</c>, <c>stop</c>, <c>restart</c>, <c>kill</c>).</summary>
    Power,

    /// <summary><c>backup</c>: makes a backup; the payload is an optional ignore list.</summary>
    Backup,
}

/// <summary>
/// The five cron fields of a schedule, as strings (<c>*</c>, <c>*/5</c>, <c>1-5</c>, <c>0,30</c>, ...), evaluated in
/// the panel's timezone. <see cref="Parse(string)"/> reads the usual <c>"minute hour day-of-month month day-of-week"</c> line.
/// </summary>
public sealed record ScheduleCron
{
    /// <summary>Minute field (0-59). Default <c>*</c>.</summary>
    public string Minute { get; set; } = "*";

    /// <summary>Hour field (0-23). Default <c>*</c>.</summary>
    public string Hour { get; set; } = "*";

    /// <summary>Day-of-month field (1-31). Default <c>*</c>.</summary>
    public string DayOfMonth { get; set; } = "*";

    /// <summary>Month field (1-12). Default <c>*</c>.</summary>
    public string Month { get; set; } = "*";

    /// <summary>Day-of-week field (0-6, Sunday = 0). Default <c>*</c>.</summary>
    public string DayOfWeek { get; set; } = "*";

    /// <summary>Reads a five-field cron line: <c>"minute hour day-of-month month day-of-week"</c>, e.g. <c>"0 4 * * *"</c>.</summary>
    /// <param name="expression">The cron line; fields are separated by spaces or tabs.</param>
    /// <returns>The fields (not checked further: the panel does that).</returns>
    /// <exception cref="FormatException">The line does not have exactly five fields.</exception>
    public static ScheduleCron Parse(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var parts = expression.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 5)
            throw new FormatException($"'{expression}' is not a five-field cron expression (minute hour day-of-month month day-of-week).");
        return new ScheduleCron { Minute = parts[0], Hour = parts[1], DayOfMonth = parts[2], Month = parts[3], DayOfWeek = parts[4] };
    }

    /// <summary>The five fields as one cron line, e.g. <c>0 4 * * *</c>.</summary>
    public override string ToString() => $"{Minute} {Hour} {DayOfMonth} {Month} {DayOfWeek}";
}

/// <summary>
/// Body of <c>POST .../schedules</c> and <c>POST .../schedules/{schedule}</c>. Every field is sent: the panel treats an
/// update as a full replacement (an omitted flag would become false).
/// </summary>
public sealed class ScheduleRequest
{
    /// <summary>The schedule's name (at most 191 characters).</summary>
    public required string Name { get; init; }

    /// <summary>Minute field.</summary>
    public required string Minute { get; init; }

    /// <summary>Hour field.</summary>
    public required string Hour { get; init; }

    /// <summary>Day-of-month field.</summary>
    public required string DayOfMonth { get; init; }

    /// <summary>Month field (the panel does not validate it but fails without it; it is always sent).</summary>
    public required string Month { get; init; }

    /// <summary>Day-of-week field.</summary>
    public required string DayOfWeek { get; init; }

    /// <summary>Whether the schedule runs on its own. Default <see langword="true"/>.</summary>
    public bool IsActive { get; init; } = true;

    /// <summary>Whether runs are skipped while the server is offline. Default <see langword="false"/>.</summary>
    public bool OnlyWhenOnline { get; init; }

    /// <summary>Builds a request from a <see cref="ScheduleCron"/>.</summary>
    /// <param name="name">The schedule's name.</param>
    /// <param name="cron">The five cron fields.</param>
    /// <param name="isActive">Whether the schedule runs on its own.</param>
    /// <param name="onlyWhenOnline">Whether runs are skipped while the server is offline.</param>
    /// <returns>The request.</returns>
    public static ScheduleRequest From(string name, ScheduleCron cron, bool isActive = true, bool onlyWhenOnline = false)
    {
        ArgumentNullException.ThrowIfNull(cron);
        return new ScheduleRequest
        {
            Name = name, Minute = cron.Minute, Hour = cron.Hour, DayOfMonth = cron.DayOfMonth, Month = cron.Month,
            DayOfWeek = cron.DayOfWeek, IsActive = isActive, OnlyWhenOnline = onlyWhenOnline,
        };
    }
}

/// <summary>Body of <c>POST .../schedules/{schedule}/tasks</c> and <c>POST .../tasks/{task}</c> (a full replacement on update).</summary>
public sealed class ScheduleTaskRequest
{
    /// <summary>What the task does.</summary>
    public required ScheduleTaskAction Action { get; init; }

    /// <summary>The console command or power signal (required for those); for a backup an optional newline-separated ignore list.</summary>
    public string? Payload { get; init; }

    /// <summary>Seconds to wait after the previous task, 0-900.</summary>
    public int TimeOffset { get; init; }

    /// <summary>Where to put the task (from 1; the others are shifted); null keeps it at the end (create) or where it is (update).</summary>
    public int? SequenceId { get; init; }

    /// <summary>Whether the schedule goes on when this task fails. Default <see langword="false"/>.</summary>
    public bool ContinueOnFailure { get; init; }
}
