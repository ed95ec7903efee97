using System.Net;
using PteroAot.Schedules;
using PteroAot.Tests.Support;

namespace PteroAot.Tests.Client.Schedules;

public class ScheduleTaskTests
{
    [Test]
    public async Task Tasks_are_added_moved_updated_and_deleted_in_sequence()
    {
        await using var t = await TestPanel.StartAsync();
        var server = t.Server("Survival").Id();
        var schedule = await t.Client.Schedules.CreateAsync(server, "Restart", ScheduleCron.Parse("0 4 * * *"));

        var say = await t.Client.Schedules.CreateTaskAsync(server, schedule.Id, ScheduleTaskAction.Command, "say Restarting in 60 seconds");
        var backup = await t.Client.Schedules.CreateTaskAsync(server, schedule.Id, ScheduleTaskAction.Backup, null, timeOffset: 30, continueOnFailure: true);
        var restart = await t.Client.Schedules.CreateTaskAsync(server, schedule.Id, ScheduleTaskAction.Power, "restart", timeOffset: 30);

        await Assert.That(say.SequenceId).IsEqualTo(1);
        await Assert.That(backup.SequenceId).IsEqualTo(2);
        await Assert.That(backup.Payload).IsEqualTo("");
        await Assert.That(backup.ContinueOnFailure).IsTrue();
        await Assert.That(restart.SequenceId).IsEqualTo(3);
        await Assert.That(restart.Action).IsEqualTo(ScheduleTaskAction.Power);
        await Assert.That(restart.TimeOffset).IsEqualTo(30);

        // Inserted first: the others shift down.
        var first = await t.Client.Schedules.CreateTaskAsync(server, schedule.Id,
            new ScheduleTaskRequest { Action = ScheduleTaskAction.Command, Payload = "save-all", SequenceId = 1 });
        await Assert.That(first.SequenceId).IsEqualTo(1);
        await Assert.That(await Order(t, server, schedule.Id)).IsEqualTo(Ids(first.Id, say.Id, backup.Id, restart.Id));

        // Moved last, and replaced in full (continue_on_failure goes back to false).
        var moved = await t.Client.Schedules.UpdateTaskAsync(server, schedule.Id, backup.Id,
            new ScheduleTaskRequest { Action = ScheduleTaskAction.Command, Payload = "say done", TimeOffset = 5, SequenceId = 4 });
        await Assert.That(moved.SequenceId).IsEqualTo(4);
        await Assert.That(moved.Action).IsEqualTo(ScheduleTaskAction.Command);
        await Assert.That(moved.Payload).IsEqualTo("say done");
        await Assert.That(moved.ContinueOnFailure).IsFalse();
        await Assert.That(await Order(t, server, schedule.Id)).IsEqualTo(Ids(first.Id, say.Id, restart.Id, backup.Id));

        await t.Client.Schedules.DeleteTaskAsync(server, schedule.Id, say.Id);

        var after = await t.Client.Schedules.GetAsync(server, schedule.Id);
        await Assert.That(string.Join(",", after.Tasks.Select(x => x.Id))).IsEqualTo(Ids(first.Id, restart.Id, backup.Id));
        await Assert.That(string.Join(",", after.Tasks.Select(x => x.SequenceId))).IsEqualTo("1,2,3");
    }

    [Test]
    public async Task The_eleventh_task_is_over_the_limit()
    {
        await using var t = await TestPanel.StartAsync();
        var server = t.Server("Survival").Id();
        var schedule = await t.Client.Schedules.CreateAsync(server, "Busy", ScheduleCron.Parse("* * * * *"));
        for (var i = 0; i < 10; i++)
            await t.Client.Schedules.CreateTaskAsync(server, schedule.Id, ScheduleTaskAction.Command, $"say {i}");

        var ex = await Assert.ThrowsAsync<PteroApiException>(() =>
            t.Client.Schedules.CreateTaskAsync(server, schedule.Id, ScheduleTaskAction.Command, "say one too many"));

        await Assert.That(ex!.StatusCode).IsEqualTo(HttpStatusCode.BadRequest);
        await Assert.That(ex.Code).IsEqualTo("ServiceLimitExceededException");
        await Assert.That(ex.Detail).IsEqualTo(
            "Schedules may not have more than 10 tasks associated with them. Creating this task would put this schedule over the limit.");
        await Assert.That((await t.Client.Schedules.GetAsync(server, schedule.Id)).Tasks.Count).IsEqualTo(10);
    }

    [Test]
    public async Task A_backup_task_is_forbidden_when_the_backup_limit_is_zero()
    {
        await using var t = await TestPanel.StartAsync();
        var fake = t.Server("Survival");
        fake.BackupLimit = 0;
        var server = fake.Id();
        var schedule = await t.Client.Schedules.CreateAsync(server, "Backups", ScheduleCron.Parse("0 0 * * 0"));
        var command = await t.Client.Schedules.CreateTaskAsync(server, schedule.Id, ScheduleTaskAction.Command, "say hi");

        var create = await Assert.ThrowsAsync<PteroPermissionException>(() =>
            t.Client.Schedules.CreateTaskAsync(server, schedule.Id, ScheduleTaskAction.Backup, null));
        await Assert.That(create!.Detail).IsEqualTo("A backup task cannot be created when the server's backup limit is set to 0.");
        await Assert.ThrowsAsync<PteroPermissionException>(() =>
            t.Client.Schedules.UpdateTaskAsync(server, schedule.Id, command.Id, new ScheduleTaskRequest { Action = ScheduleTaskAction.Backup }));
    }

    [Test]
    public async Task Task_validation_reports_each_field()
    {
        await using var t = await TestPanel.StartAsync();
        var server = t.Server("Survival").Id();
        var schedule = await t.Client.Schedules.CreateAsync(server, "Checks", ScheduleCron.Parse("* * * * *"));

        var ex = await Assert.ThrowsAsync<PteroValidationException>(() => t.Client.Schedules.CreateTaskAsync(server, schedule.Id,
            new ScheduleTaskRequest { Action = ScheduleTaskAction.Command, TimeOffset = 901, SequenceId = 0 }));

        await Assert.That(ex!.FieldErrors["payload"]).IsEquivalentTo(["The payload field is required unless action is in backup."]);
        await Assert.That(ex.FieldErrors["time_offset"]).IsEquivalentTo(["The time offset may not be greater than 900."]);
        await Assert.That(ex.FieldErrors["sequence_id"]).IsEquivalentTo(["The sequence id must be at least 1."]);
        await Assert.That(ex.Errors.First(e => e.SourceField == "payload").Rule).IsEqualTo("required_unless");
    }

    [Test]
    public async Task Tasks_of_another_schedule_are_not_found_and_subusers_are_refused()
    {
        await using var t = await TestPanel.StartAsync();
        var server = t.Server("Survival").Id();
        var a = await t.Client.Schedules.CreateAsync(server, "A", ScheduleCron.Parse("* * * * *"));
        var b = await t.Client.Schedules.CreateAsync(server, "B", ScheduleCron.Parse("* * * * *"));
        var task = await t.Client.Schedules.CreateTaskAsync(server, a.Id, ScheduleTaskAction.Command, "say a");

        await Assert.ThrowsAsync<PteroNotFoundException>(() => t.Client.Schedules.DeleteTaskAsync(server, b.Id, task.Id));
        await Assert.ThrowsAsync<PteroNotFoundException>(() =>
            t.Client.Schedules.UpdateTaskAsync(server, b.Id, task.Id, new ScheduleTaskRequest { Action = ScheduleTaskAction.Command, Payload = "x" }));

        var lobby = t.Server("Shared Lobby");
        var theirs = t.Panel.State.AddSchedule(lobby, "Admin's");
        var scheduleId = new ScheduleId(theirs.Id);
        await Assert.ThrowsAsync<PteroPermissionException>(() =>
            t.Client.Schedules.CreateTaskAsync(lobby.Id(), scheduleId, ScheduleTaskAction.Command, "say hi"));
    }

    private static async Task<string> Order(TestPanel t, ServerIdentifier server, ScheduleId schedule)
        => string.Join(",", (await t.Client.Schedules.GetAsync(server, schedule)).Tasks.OrderBy(x => x.SequenceId).Select(x => x.Id));

    private static string Ids(params TaskId[] ids) => string.Join(",", ids);
}
