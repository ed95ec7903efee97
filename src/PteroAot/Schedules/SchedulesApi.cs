using PteroAot.Endpoints;

namespace PteroAot.Schedules;

/// <summary>A server's schedules and their tasks (<see cref="ScheduleId"/>, <see cref="TaskId"/>).</summary>
[PteroApi(typeof(SchedulesJsonContext))]
public sealed partial class SchedulesApi
{
}
