namespace PteroAot.Testing;

// Schedules and their tasks.
public sealed partial class FakeServer
{
    /// <summary>The server's schedules, in creation order.</summary>
    public List<FakeSchedule> Schedules { get; } = [];
}

/// <summary>A schedule of a server.</summary>
public sealed class FakeSchedule
{
    /// <summary>The schedule id (unique in the panel).</summary>
    public required int Id { get; init; }

    /// <summary>The name.</summary>
    public required string Name { get; set; }

    /// <summary>Cron minute field.</summary>
    public string Minute { get; set; } = "*";

    /// <summary>Cron hour field.</summary>
    public string Hour { get; set; } = "*";

    /// <summary>Cron day-of-month field.</summary>
    public string DayOfMonth { get; set; } = "*";

    /// <summary>Cron month field.</summary>
    public string Month { get; set; } = "*";

    /// <summary>Cron day-of-week field.</summary>
    public string DayOfWeek { get; set; } = "*";

    /// <summary>Whether it runs on its own.</summary>
    public bool IsActive { get; set; }

    /// <summary>Whether a run is in progress.</summary>
    public bool IsProcessing { get; set; }

    /// <summary>Whether runs are skipped while the server is offline.</summary>
    public bool OnlyWhenOnline { get; set; }

    /// <summary>When it last ran, or null.</summary>
    public DateTimeOffset? LastRunAt { get; set; }

    /// <summary>When it runs next, or null.</summary>
    public DateTimeOffset? NextRunAt { get; set; }

    /// <summary>When it was created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it was last changed.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The tasks; <see cref="FakeScheduleTask.SequenceId"/> gives their order.</summary>
    public List<FakeScheduleTask> Tasks { get; } = [];
}

/// <summary>A task of a schedule.</summary>
public sealed class FakeScheduleTask
{
    /// <summary>The task id (unique in the panel).</summary>
    public required int Id { get; init; }

    /// <summary>Position in the schedule, from 1.</summary>
    public int SequenceId { get; set; }

    /// <summary><c>command</c>, <c>power</c> or <c>backup</c>.</summary>
    public required string Action { get; set; }

    /// <summary>Command, power signal or backup ignore list (<c>""</c> when none).</summary>
    public string Payload { get; set; } = "";

    /// <summary>Seconds after the previous task.</summary>
    public int TimeOffset { get; set; }

    /// <summary>Whether it is queued.</summary>
    public bool IsQueued { get; set; }

    /// <summary>Whether the schedule continues when it fails.</summary>
    public bool ContinueOnFailure { get; set; }

    /// <summary>When it was created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it was last changed.</summary>
    public DateTimeOffset UpdatedAt { get; set; }
}
