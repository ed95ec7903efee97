namespace PteroAot.Schedules;

// Hand-written conveniences over the generated endpoints.
public sealed partial class SchedulesApi
{
    /// <summary>Creates a schedule from a cron line or fields, e.g. <c>ScheduleCron.Parse("0 4 * * *")</c>.</summary>
    /// <param name="server">The server's identifier or UUID.</param>
    /// <param name="name">The schedule's name.</param>
    /// <param name="cron">When it runs.</param>
    /// <param name="isActive">Whether it runs on its own (default true).</param>
    /// <param name="onlyWhenOnline">Whether runs are skipped while the server is offline (default false).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new schedule, with its computed <see cref="Schedule.NextRunAt"/>.</returns>
    public Task<Schedule> CreateAsync(ServerIdentifier server, string name, ScheduleCron cron, bool isActive = true, bool onlyWhenOnline = false,
        CancellationToken cancellationToken = default)
        => CreateAsync(server, ScheduleRequest.From(name, cron, isActive, onlyWhenOnline), cancellationToken);

    /// <summary>Replaces a schedule's name, cron fields and flags.</summary>
    /// <param name="server">The server's identifier or UUID.</param>
    /// <param name="schedule">The schedule's id.</param>
    /// <param name="name">The new name.</param>
    /// <param name="cron">The new cron fields.</param>
    /// <param name="isActive">Whether it runs on its own.</param>
    /// <param name="onlyWhenOnline">Whether runs are skipped while the server is offline.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Schedule> UpdateAsync(ServerIdentifier server, ScheduleId schedule, string name, ScheduleCron cron, bool isActive = true,
        bool onlyWhenOnline = false, CancellationToken cancellationToken = default)
        => UpdateAsync(server, schedule, ScheduleRequest.From(name, cron, isActive, onlyWhenOnline), cancellationToken);

    /// <summary>
    /// Turns a schedule on or off, keeping everything else: reads it and sends it back in full (the panel has no
    /// partial update). Two requests.
    /// </summary>
    /// <param name="server">The server's identifier or UUID.</param>
    /// <param name="schedule">The schedule's id.</param>
    /// <param name="isActive">The new state.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    public async Task<Schedule> SetActiveAsync(ServerIdentifier server, ScheduleId schedule, bool isActive, CancellationToken cancellationToken = default)
    {
        var current = await GetAsync(server, schedule, cancellationToken).ConfigureAwait(false);
        return await UpdateAsync(server, schedule, ScheduleRequest.From(current.Name, current.Cron, isActive, current.OnlyWhenOnline), cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>Adds a task at the end of a schedule.</summary>
    /// <param name="server">The server's identifier or UUID.</param>
    /// <param name="schedule">The schedule's id.</param>
    /// <param name="action">What the task does.</param>
    /// <param name="payload">The command, the power signal (<c>start</c>, <c>stop</c>, <c>restart</c>, <c>kill</c>), or for a backup an optional ignore list.</param>
    /// <param name="timeOffset">Seconds to wait after the previous task (0-900).</param>
    /// <param name="continueOnFailure">Whether the schedule goes on when this task fails.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<ScheduleTask> CreateTaskAsync(ServerIdentifier server, ScheduleId schedule, ScheduleTaskAction action, string? payload,
        int timeOffset = 0, bool continueOnFailure = false, CancellationToken cancellationToken = default)
        => CreateTaskAsync(server, schedule,
            new ScheduleTaskRequest { Action = action, Payload = payload, TimeOffset = timeOffset, ContinueOnFailure = continueOnFailure },
            cancellationToken);
}
