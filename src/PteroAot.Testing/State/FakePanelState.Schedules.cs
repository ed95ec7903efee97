namespace PteroAot.Testing;

// Schedules: ids and the per-schedule task limit.
public sealed partial class FakePanelState
{
    private int _nextScheduleId = 1;
    private int _nextTaskId = 1;

    /// <summary>Most tasks a schedule may have (the panel's <c>per_schedule_task_limit</c>). Default 10.</summary>
    public int ScheduleTaskLimit { get; set; } = 10;

    /// <summary>Adds a schedule to a server (for seeding tests); its next run is computed from the cron fields.</summary>
    /// <param name="server">The server.</param>
    /// <param name="name">The name.</param>
    /// <param name="cron">The five cron fields, e.g. <c>0 4 * * *</c>.</param>
    /// <param name="isActive">Whether it runs on its own.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="FormatException">The cron line is not valid.</exception>
    public FakeSchedule AddSchedule(FakeServer server, string name, string cron = "0 4 * * *", bool isActive = true)
    {
        ArgumentNullException.ThrowIfNull(server);
        var f = cron.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (f.Length != 5)
        {
            throw new FormatException($"'{cron}' is not a five-field cron line.");
        }

        lock (_gate)
        {
            var now = Now;
            var next = Routes.CronSchedule.Next(f[0], f[1], f[2], f[3], f[4], now) ?? throw new FormatException($"'{cron}' is not a valid cron expression.");
            var schedule = new FakeSchedule
            {
                Id = NextScheduleId(), Name = name, Minute = f[0], Hour = f[1], DayOfMonth = f[2], Month = f[3], DayOfWeek = f[4],
                IsActive = isActive, NextRunAt = next, CreatedAt = now, UpdatedAt = now,
            };
            server.Schedules.Add(schedule);
            return schedule;
        }
    }

    internal int NextScheduleId()
    {
        lock (_gate)
        {
            return _nextScheduleId++;
        }
    }

    internal int NextTaskId()
    {
        lock (_gate)
        {
            return _nextTaskId++;
        }
    }
}
