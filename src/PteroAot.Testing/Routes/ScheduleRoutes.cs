using System.Globalization;
using System.Text.Json;
using PteroAot.Testing.Http;

namespace PteroAot.Testing.Routes;

/// <summary><c>/servers/{server}/schedules</c> and their tasks.</summary>
internal static class ScheduleRoutes
{
    private const string Base = "/api/client/servers/{server}/schedules";

    public static void Map(Router router)
    {
        router.Map("GET", Base, ApiArea.Client, List);
        router.Map("POST", Base, ApiArea.Client, Create);
        router.Map("GET", Base + "/{schedule}", ApiArea.Client, View);
        router.Map("POST", Base + "/{schedule}", ApiArea.Client, Update);
        router.Map("POST", Base + "/{schedule}/execute", ApiArea.Client, Execute);
        router.Map("DELETE", Base + "/{schedule}", ApiArea.Client, Delete);
        router.Map("POST", Base + "/{schedule}/tasks", ApiArea.Client, CreateTask);
        router.Map("POST", Base + "/{schedule}/tasks/{task}", ApiArea.Client, UpdateTask);
        router.Map("DELETE", Base + "/{schedule}/tasks/{task}", ApiArea.Client, DeleteTask);
    }

    private static Task List(ApiRequest r)
    {
        var server = ServerAccess.Resolve(r, "schedule.read");
        return AreaJson.Locked(r, 200, w => ClientTransformers.List(w, server.Schedules, ScheduleTransformers.Schedule));
    }

    private static Task Create(ApiRequest r)
    {
        var server = ServerAccess.Resolve(r, "schedule.create");
        var input = ValidateSchedule(r);
        FakeSchedule schedule;
        lock (r.State.Gate)
        {
            var now = r.Now;
            schedule = new FakeSchedule { Id = r.State.NextScheduleId(), Name = input.Name, CreatedAt = now, UpdatedAt = now };
            input.ApplyTo(schedule);
            server.Schedules.Add(schedule);
        }

        return AreaJson.Locked(r, 200, w => ScheduleTransformers.Schedule(w, schedule));
    }

    private static Task View(ApiRequest r)
    {
        var (server, schedule) = Bind(r);
        AreaJson.Authorize(r, server, "schedule.read");
        return AreaJson.Locked(r, 200, w => ScheduleTransformers.Schedule(w, schedule));
    }

    private static Task Update(ApiRequest r)
    {
        var (server, schedule) = Bind(r);
        AreaJson.Authorize(r, server, "schedule.update");
        var input = ValidateSchedule(r);
        lock (r.State.Gate)
        {
            if (schedule.IsActive != input.IsActive)
            {
                schedule.IsProcessing = false;
            }

            input.ApplyTo(schedule);
            schedule.UpdatedAt = r.Now;
        }

        return AreaJson.Locked(r, 200, w => ScheduleTransformers.Schedule(w, schedule));
    }

    // ProcessScheduleService with now = true: the fake runs every task at once and finishes the run before answering.
    private static Task Execute(ApiRequest r)
    {
        var (server, schedule) = Bind(r);
        AreaJson.Authorize(r, server, "schedule.update");
        lock (r.State.Gate)
        {
            if (schedule.Tasks.Count == 0)
            {
                throw new PanelException(400, "DisplayException", "Cannot process schedule for task execution: no tasks are registered.");
            }

            var now = r.Now;
            var skip = schedule.OnlyWhenOnline && server.PowerState is "offline" or "stopping";
            if (!skip)
            {
                foreach (var task in schedule.Tasks.Where(t => t.Action == "power").OrderBy(t => t.SequenceId))
                {
                    server.PowerState = task.Payload switch
                    {
                        "start" or "restart" => "running",
                        "stop" or "kill" => "offline",
                        _ => server.PowerState,
                    };
                }
            }

            foreach (var task in schedule.Tasks)
            {
                task.IsQueued = false;
            }

            schedule.IsProcessing = false;
            schedule.LastRunAt = now;
            schedule.NextRunAt = CronSchedule.Next(schedule.Minute, schedule.Hour, schedule.DayOfMonth, schedule.Month, schedule.DayOfWeek, now);
        }

        return r.Json(202, w =>
        {
            w.WriteStartArray();
            w.WriteEndArray();
        });
    }

    private static Task Delete(ApiRequest r)
    {
        var (server, schedule) = Bind(r);
        AreaJson.Authorize(r, server, "schedule.delete");
        lock (r.State.Gate)
        {
            server.Schedules.Remove(schedule);
        }

        return r.NoContent();
    }

    private static Task CreateTask(ApiRequest r)
    {
        var (server, schedule) = Bind(r);
        AreaJson.Authorize(r, server, "schedule.update");
        var input = ValidateTask(r);
        FakeScheduleTask task;
        lock (r.State.Gate)
        {
            var limit = r.State.ScheduleTaskLimit;
            if (schedule.Tasks.Count >= limit)
            {
                throw new PanelException(400, "ServiceLimitExceededException",
                    $"Schedules may not have more than {limit.ToString(CultureInfo.InvariantCulture)} tasks associated with them. Creating this task would put this schedule over the limit.");
            }

            RefuseBackupWithoutLimit(server, input.Action);
            var sequenceId = (schedule.Tasks.Count == 0 ? 0 : schedule.Tasks.Max(t => t.SequenceId)) + 1;
            var requested = Math.Max(1, input.SequenceId ?? sequenceId);
            if (requested < sequenceId)
            {
                foreach (var other in schedule.Tasks.Where(t => t.SequenceId >= requested))
                {
                    other.SequenceId++;
                }

                sequenceId = requested;
            }

            var now = r.Now;
            task = new FakeScheduleTask
            {
                Id = r.State.NextTaskId(), SequenceId = sequenceId, Action = input.Action, Payload = input.Payload ?? "",
                TimeOffset = input.TimeOffset, ContinueOnFailure = input.ContinueOnFailure, CreatedAt = now, UpdatedAt = now,
            };
            schedule.Tasks.Add(task);
        }

        return AreaJson.Locked(r, 200, w => ScheduleTransformers.Task(w, task));
    }

    private static Task UpdateTask(ApiRequest r)
    {
        var (server, schedule) = Bind(r);
        var task = BindTask(r, schedule);
        AreaJson.Authorize(r, server, "schedule.update");
        var input = ValidateTask(r);
        lock (r.State.Gate)
        {
            RefuseBackupWithoutLimit(server, input.Action);
            var sequenceId = Math.Max(1, input.SequenceId ?? task.SequenceId);
            if (sequenceId < task.SequenceId)
            {
                foreach (var other in schedule.Tasks.Where(t => t.SequenceId >= sequenceId && t.SequenceId < task.SequenceId))
                {
                    other.SequenceId++;
                }
            }
            else if (sequenceId > task.SequenceId)
            {
                foreach (var other in schedule.Tasks.Where(t => t.SequenceId > task.SequenceId && t.SequenceId <= sequenceId))
                {
                    other.SequenceId--;
                }
            }

            task.SequenceId = sequenceId;
            task.Action = input.Action;
            task.Payload = input.Payload ?? "";
            task.TimeOffset = input.TimeOffset;
            task.ContinueOnFailure = input.ContinueOnFailure;
            task.UpdatedAt = r.Now;
        }

        return AreaJson.Locked(r, 200, w => ScheduleTransformers.Task(w, task));
    }

    // The controller checks ownership first, then the permission itself (with its own 403 message), and validates nothing.
    private static Task DeleteTask(ApiRequest r)
    {
        var (server, schedule) = Bind(r);
        var task = BindTask(r, schedule);
        if (!r.State.HasPermission(r.User, server, "schedule.update"))
        {
            throw new PanelException(403, "HttpForbiddenException", "You do not have permission to perform this action.");
        }

        lock (r.State.Gate)
        {
            foreach (var other in schedule.Tasks.Where(t => t.SequenceId > task.SequenceId))
            {
                other.SequenceId--;
            }

            schedule.Tasks.Remove(task);
        }

        return r.NoContent();
    }

    private static void RefuseBackupWithoutLimit(FakeServer server, string action)
    {
        if (action == "backup" && server.BackupLimit == 0)
        {
            throw new PanelException(403, "HttpForbiddenException", "A backup task cannot be created when the server's backup limit is set to 0.");
        }
    }

    // Route binding: an unknown id is the generic 404; another server's schedule is the sub-resource 404.
    private static (FakeServer Server, FakeSchedule Schedule) Bind(ApiRequest r)
    {
        var server = ServerAccess.Resolve(r);
        var id = AreaJson.RouteInt(r, "schedule") ?? throw PanelException.NotFound();
        lock (r.State.Gate)
        {
            if (server.Schedules.FirstOrDefault(s => s.Id == id) is { } own)
            {
                return (server, own);
            }

            throw r.State.Servers.Any(s => s.Schedules.Any(x => x.Id == id)) ? ServerAccess.SubResourceNotFound() : PanelException.NotFound();
        }
    }

    private static FakeScheduleTask BindTask(ApiRequest r, FakeSchedule schedule)
    {
        var id = AreaJson.RouteInt(r, "task") ?? throw PanelException.NotFound();
        lock (r.State.Gate)
        {
            if (schedule.Tasks.FirstOrDefault(t => t.Id == id) is { } own)
            {
                return own;
            }

            var exists = r.State.Servers.Any(s => s.Schedules.Any(x => x.Tasks.Any(t => t.Id == id)));
            throw exists ? ServerAccess.SubResourceNotFound() : PanelException.NotFound();
        }
    }

    // StoreScheduleRequest (UpdateScheduleRequest is the same): name, is_active, minute, hour, day_of_month, day_of_week;
    // month is not validated. Then the controller computes next_run_at (400 when the cron does not evaluate).
    private static ScheduleInput ValidateSchedule(ApiRequest r)
    {
        var v = new Validation();
        var name = v.RequiredString(r.Input, "name");
        if (name is { Length: > 191 })
        {
            v.Add("name", "max", "The name may not be greater than 191 characters.");
        }

        if (AreaJson.Has(r.Input, "is_active"))
        {
            if (r.Input.IsMissing("is_active"))
            {
                v.Add("is_active", "filled", "The is active field must have a value.");
            }
            else if (AreaJson.StrictBoolean(r.Input, "is_active") is null)
            {
                v.Add("is_active", "boolean", "The is active field must be true or false.");
            }
        }

        var minute = v.RequiredString(r.Input, "minute");
        var hour = v.RequiredString(r.Input, "hour");
        var dayOfMonth = v.RequiredString(r.Input, "day_of_month");
        var dayOfWeek = v.RequiredString(r.Input, "day_of_week");
        v.ThrowIfFailed();

        // The controller passes month to a string parameter: null there is a TypeError, outside its try/catch.
        var month = r.Input.GetString("month") ?? (r.Input.GetElement("month") is { ValueKind: JsonValueKind.Number } m ? m.GetRawText() : null)
            ?? throw new PanelException(500, "TypeError", "An unexpected error was encountered while processing this request, please try again.");
        var next = CronSchedule.Next(minute!, hour!, dayOfMonth!, month, dayOfWeek!, r.Now)
            ?? throw new PanelException(400, "DisplayException", "The cron data provided does not evaluate to a valid expression.");
        return new ScheduleInput(name!, minute!, hour!, dayOfMonth!, month, dayOfWeek!,
            AreaJson.Truthy(r.Input, "is_active"), AreaJson.Truthy(r.Input, "only_when_online"), next);
    }

    private sealed record ScheduleInput(string Name, string Minute, string Hour, string DayOfMonth, string Month, string DayOfWeek,
        bool IsActive, bool OnlyWhenOnline, DateTimeOffset NextRunAt)
    {
        public void ApplyTo(FakeSchedule s)
        {
            s.Name = Name;
            s.Minute = Minute;
            s.Hour = Hour;
            s.DayOfMonth = DayOfMonth;
            s.Month = Month;
            s.DayOfWeek = DayOfWeek;
            s.IsActive = IsActive;
            s.OnlyWhenOnline = OnlyWhenOnline;
            s.NextRunAt = NextRunAt;
        }
    }

    // StoreTaskRequest: action required|in:command,power,backup; payload required_unless:action,backup|string|nullable;
    // time_offset required|numeric|min:0|max:900; sequence_id sometimes|required|numeric|min:1;
    // continue_on_failure sometimes|required|boolean.
    private static TaskInput ValidateTask(ApiRequest r)
    {
        var v = new Validation();
        string? action = null;
        if (r.Input.IsMissing("action"))
        {
            v.Required("action");
        }
        else
        {
            action = r.Input.GetString("action");
            if (action is not ("command" or "power" or "backup"))
            {
                v.Add("action", "in", "The selected action is invalid.");
            }
        }

        var rawAction = r.Input.GetString("action");
        string? payload = null;
        if (r.Input.IsMissing("payload"))
        {
            if (rawAction != "backup")
            {
                v.Add("payload", "required_unless", "The payload field is required unless action is in backup.");
            }
        }
        else
        {
            payload = r.Input.GetString("payload");
            if (payload is null)
            {
                v.MustBeString("payload");
            }
        }

        var timeOffset = 0;
        if (r.Input.IsMissing("time_offset"))
        {
            v.Required("time_offset");
        }
        else if (AreaJson.Numeric(r.Input, "time_offset") is not { } offset)
        {
            v.Add("time_offset", "numeric", "The time offset must be a number.");
        }
        else if (offset < 0)
        {
            v.Add("time_offset", "min", "The time offset must be at least 0.");
        }
        else if (offset > 900)
        {
            v.Add("time_offset", "max", "The time offset may not be greater than 900.");
        }
        else
        {
            timeOffset = (int)offset;
        }

        int? sequenceId = null;
        if (AreaJson.Has(r.Input, "sequence_id"))
        {
            if (r.Input.IsMissing("sequence_id"))
            {
                v.Required("sequence_id");
            }
            else if (AreaJson.Numeric(r.Input, "sequence_id") is not { } sequence)
            {
                v.Add("sequence_id", "numeric", "The sequence id must be a number.");
            }
            else if (sequence < 1)
            {
                v.Add("sequence_id", "min", "The sequence id must be at least 1.");
            }
            else
            {
                sequenceId = (int)Math.Min(sequence, int.MaxValue);
            }
        }

        var continueOnFailure = false;
        if (AreaJson.Has(r.Input, "continue_on_failure"))
        {
            if (r.Input.IsMissing("continue_on_failure"))
            {
                v.Required("continue_on_failure");
            }
            else if (AreaJson.StrictBoolean(r.Input, "continue_on_failure") is not { } flag)
            {
                v.Add("continue_on_failure", "boolean", "The continue on failure field must be true or false.");
            }
            else
            {
                continueOnFailure = flag;
            }
        }

        v.ThrowIfFailed();
        return new TaskInput(action!, payload, timeOffset, sequenceId, continueOnFailure);
    }

    private sealed record TaskInput(string Action, string? Payload, int TimeOffset, int? SequenceId, bool ContinueOnFailure);
}
