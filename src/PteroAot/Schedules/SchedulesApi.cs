using PteroAot.Endpoints;

namespace PteroAot.Schedules;

/// <summary>
/// A server's schedules and their tasks (<c>/api/client/servers/{server}/schedules</c>). Schedules and tasks are
/// addressed by <see cref="ScheduleId"/> and <see cref="TaskId"/>; a schedule or task of another server is a 404.
/// Needs the subuser permissions <c>schedule.read</c>, <c>schedule.create</c>, <c>schedule.update</c> (also for
/// running a schedule and for every task change) and <c>schedule.delete</c>.
/// </summary>
[PteroApi(typeof(SchedulesJsonContext))]
public sealed partial class SchedulesApi
{
    private const string Base = "/api/client/servers/{server}/schedules";

    /// <summary>Lists the server's schedules with their tasks (the panel returns them all, unpaginated).</summary>
    /// <param name="server">The server's identifier or UUID.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="PteroPermissionException">403 without <c>schedule.read</c>.</exception>
    [Get(Base)]
    public partial Task<ResourceList<Schedule>> ListAsync(ServerIdentifier server, CancellationToken cancellationToken = default);

    /// <summary>Creates a schedule (the panel answers 200 with it). Prefer <see cref="CreateAsync(ServerIdentifier, string, ScheduleCron, bool, bool, CancellationToken)"/>.</summary>
    /// <param name="server">The server's identifier or UUID.</param>
    /// <param name="request">The schedule; all five cron fields are needed.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="PteroValidationException">422 for a missing name or cron field.</exception>
    /// <exception cref="PteroApiException">400 when the cron fields do not make a valid expression.</exception>
    [Post(Base)]
    public partial Task<Schedule> CreateAsync(ServerIdentifier server, [Body] ScheduleRequest request, CancellationToken cancellationToken = default);

    /// <summary>Gets one schedule with its tasks.</summary>
    /// <param name="server">The server's identifier or UUID.</param>
    /// <param name="schedule">The schedule's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="PteroNotFoundException">404 when the server has no such schedule.</exception>
    [Get(Base + "/{schedule}")]
    public partial Task<Schedule> GetAsync(ServerIdentifier server, ScheduleId schedule, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces a schedule's name, cron fields and flags (a full replacement: the panel's <c>POST</c>, not a patch).
    /// Changing <see cref="ScheduleRequest.IsActive"/> also clears <see cref="Schedule.IsProcessing"/>.
    /// </summary>
    /// <param name="server">The server's identifier or UUID.</param>
    /// <param name="schedule">The schedule's id.</param>
    /// <param name="request">The new values.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [Post(Base + "/{schedule}")]
    public partial Task<Schedule> UpdateAsync(ServerIdentifier server, ScheduleId schedule, [Body] ScheduleRequest request, CancellationToken cancellationToken = default);

    /// <summary>Runs a schedule now, whether or not it is active (the panel answers 202).</summary>
    /// <param name="server">The server's identifier or UUID.</param>
    /// <param name="schedule">The schedule's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="PteroApiException">400 when the schedule has no tasks.</exception>
    [Post(Base + "/{schedule}/execute")]
    public partial Task ExecuteAsync(ServerIdentifier server, ScheduleId schedule, CancellationToken cancellationToken = default);

    /// <summary>Deletes a schedule and its tasks.</summary>
    /// <param name="server">The server's identifier or UUID.</param>
    /// <param name="schedule">The schedule's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [Delete(Base + "/{schedule}")]
    public partial Task DeleteAsync(ServerIdentifier server, ScheduleId schedule, CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds a task to a schedule (at the end, or at <see cref="ScheduleTaskRequest.SequenceId"/>, shifting the others).
    /// Prefer <see cref="CreateTaskAsync(ServerIdentifier, ScheduleId, ScheduleTaskAction, string?, int, bool, CancellationToken)"/>.
    /// </summary>
    /// <param name="server">The server's identifier or UUID.</param>
    /// <param name="schedule">The schedule's id.</param>
    /// <param name="request">The task.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="PteroApiException">400 <c>ServiceLimitExceededException</c> when the schedule already has the most tasks allowed (10 by default).</exception>
    /// <exception cref="PteroPermissionException">403 for a backup task on a server whose backup limit is 0.</exception>
    /// <exception cref="PteroValidationException">422 for an unknown action, a missing payload or an offset outside 0-900.</exception>
    [Post(Base + "/{schedule}/tasks")]
    public partial Task<ScheduleTask> CreateTaskAsync(ServerIdentifier server, ScheduleId schedule, [Body] ScheduleTaskRequest request, CancellationToken cancellationToken = default);

    /// <summary>Replaces a task's action, payload, offset and failure handling (and moves it when a sequence id is given).</summary>
    /// <param name="server">The server's identifier or UUID.</param>
    /// <param name="schedule">The schedule's id.</param>
    /// <param name="task">The task's id.</param>
    /// <param name="request">The new values.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [Post(Base + "/{schedule}/tasks/{task}")]
    public partial Task<ScheduleTask> UpdateTaskAsync(ServerIdentifier server, ScheduleId schedule, TaskId task, [Body] ScheduleTaskRequest request, CancellationToken cancellationToken = default);

    /// <summary>Deletes a task; the later tasks move up one place.</summary>
    /// <param name="server">The server's identifier or UUID.</param>
    /// <param name="schedule">The schedule's id.</param>
    /// <param name="task">The task's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [Delete(Base + "/{schedule}/tasks/{task}")]
    public partial Task DeleteTaskAsync(ServerIdentifier server, ScheduleId schedule, TaskId task, CancellationToken cancellationToken = default);
}
