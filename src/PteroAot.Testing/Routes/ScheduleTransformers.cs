using System.Text.Json;
using PteroAot.Testing.Http;

namespace PteroAot.Testing.Routes;

/// <summary><c>Client\ScheduleTransformer</c> and <c>Client\TaskTransformer</c>, written with <see cref="Utf8JsonWriter"/>.</summary>
internal static class ScheduleTransformers
{
    /// <summary>A <c>server_schedule</c> with its <c>tasks</c> (always included), ordered by sequence.</summary>
    public static void Schedule(Utf8JsonWriter w, FakeSchedule schedule)
    {
        w.WriteStartObject();
        w.WriteString("object", "server_schedule");
        w.WriteStartObject("attributes");
        w.WriteNumber("id", schedule.Id);
        w.WriteString("name", schedule.Name);
        w.WriteStartObject("cron");
        w.WriteString("day_of_week", schedule.DayOfWeek);
        w.WriteString("day_of_month", schedule.DayOfMonth);
        w.WriteString("month", schedule.Month);
        w.WriteString("hour", schedule.Hour);
        w.WriteString("minute", schedule.Minute);
        w.WriteEndObject();
        w.WriteBoolean("is_active", schedule.IsActive);
        w.WriteBoolean("is_processing", schedule.IsProcessing);
        w.WriteBoolean("only_when_online", schedule.OnlyWhenOnline);
        w.WriteTimestamp("last_run_at", schedule.LastRunAt);
        w.WriteTimestamp("next_run_at", schedule.NextRunAt);
        w.WriteTimestamp("created_at", schedule.CreatedAt);
        w.WriteTimestamp("updated_at", schedule.UpdatedAt);
        w.WriteStartObject("relationships");
        w.WritePropertyName("tasks");
        ClientTransformers.List(w, schedule.Tasks.OrderBy(t => t.SequenceId), Task);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>A <c>schedule_task</c>.</summary>
    public static void Task(Utf8JsonWriter w, FakeScheduleTask task)
    {
        w.WriteStartObject();
        w.WriteString("object", "schedule_task");
        w.WriteStartObject("attributes");
        w.WriteNumber("id", task.Id);
        w.WriteNumber("sequence_id", task.SequenceId);
        w.WriteString("action", task.Action);
        w.WriteString("payload", task.Payload);
        w.WriteNumber("time_offset", task.TimeOffset);
        w.WriteBoolean("is_queued", task.IsQueued);
        w.WriteBoolean("continue_on_failure", task.ContinueOnFailure);
        w.WriteTimestamp("created_at", task.CreatedAt);
        w.WriteTimestamp("updated_at", task.UpdatedAt);
        w.WriteEndObject();
        w.WriteEndObject();
    }
}
