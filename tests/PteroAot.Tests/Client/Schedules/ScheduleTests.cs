using System.Net;
using System.Text.Json;
using PteroAot.Schedules;
using PteroAot.Tests.Support;

namespace PteroAot.Tests.Client.Schedules;

public class ScheduleTests
{
    [Test]
    public async Task Create_get_list_update_and_delete_a_schedule()
    {
        await using var t = await TestPanel.StartAsync();
        var server = t.Server("Survival").Id();

        var created = await t.Client.Schedules.CreateAsync(server, "Nightly restart", ScheduleCron.Parse("0 4 * * *"), onlyWhenOnline: true);

        await Assert.That(created.Name).IsEqualTo("Nightly restart");
        await Assert.That(created.Cron.ToString()).IsEqualTo("0 4 * * *");
        await Assert.That(created.IsActive).IsTrue();
        await Assert.That(created.OnlyWhenOnline).IsTrue();
        await Assert.That(created.LastRunAt).IsNull();
        await Assert.That(created.NextRunAt).IsNotNull();
        await Assert.That(created.NextRunAt!.Value.Hour).IsEqualTo(4);
        await Assert.That(created.NextRunAt!.Value.Minute).IsEqualTo(0);
        await Assert.That(created.NextRunAt!.Value > DateTimeOffset.UtcNow).IsTrue();
        await Assert.That(created.Tasks).IsEmpty();
        await Assert.That(created.Relationships?.Tasks?.Object).IsEqualTo("list");

        var fetched = await t.Client.Schedules.GetAsync(server, created.Id);
        await Assert.That(fetched.Name).IsEqualTo(created.Name);
        await Assert.That(fetched.Cron).IsEqualTo(created.Cron);
        await Assert.That(fetched.NextRunAt).IsEqualTo(created.NextRunAt);
        await Assert.That(fetched.CreatedAt).IsEqualTo(created.CreatedAt);
        var listed = await t.Client.Schedules.ListAsync(server);
        await Assert.That(listed.Items.Select(s => s.Id)).Contains(created.Id);
        await Assert.That(listed.Pagination).IsNull();

        var updated = await t.Client.Schedules.UpdateAsync(server, created.Id, "Every 15 minutes", ScheduleCron.Parse("*/15 * * * 1-5"), isActive: false);
        await Assert.That(updated.Name).IsEqualTo("Every 15 minutes");
        await Assert.That(updated.Cron.Minute).IsEqualTo("*/15");
        await Assert.That(updated.Cron.DayOfWeek).IsEqualTo("1-5");
        await Assert.That(updated.IsActive).IsFalse();
        await Assert.That(updated.OnlyWhenOnline).IsFalse(); // full replacement
        await Assert.That(updated.NextRunAt!.Value.Minute % 15).IsEqualTo(0);

        var reactivated = await t.Client.Schedules.SetActiveAsync(server, created.Id, true);
        await Assert.That(reactivated.IsActive).IsTrue();
        await Assert.That(reactivated.Name).IsEqualTo("Every 15 minutes");

        await t.Client.Schedules.DeleteAsync(server, created.Id);
        await Assert.ThrowsAsync<PteroNotFoundException>(() => t.Client.Schedules.GetAsync(server, created.Id));
        await Assert.That((await t.Client.Schedules.ListAsync(server)).Items).IsEmpty();
    }

    [Test]
    public async Task Empty_fields_give_the_per_field_errors_of_the_422_fixture()
    {
        await using var t = await TestPanel.StartAsync();
        var server = t.Server("Survival").Id();
        var request = new ScheduleRequest { Name = "", Minute = "", Hour = " ", DayOfMonth = "", Month = "*", DayOfWeek = "" };

        var ex = await Assert.ThrowsAsync<PteroValidationException>(() => t.Client.Schedules.CreateAsync(server, request));

        using var fixture = JsonDocument.Parse(File.ReadAllBytes(RepoPaths.Spec("fixtures", "errors", "422-validation.json")));
        var expected = fixture.RootElement.GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("detail").GetString(), e.GetProperty("meta").GetProperty("source_field").GetString(), e.GetProperty("meta").GetProperty("rule").GetString()))
            .ToList();
        await Assert.That(string.Join("|", ex!.Errors.Select(e => $"{e.Detail};{e.SourceField};{e.Rule}"))).IsEqualTo(string.Join("|", expected.Select(e => $"{e.Item1};{e.Item2};{e.Item3}")));
        await Assert.That(string.Join(",", ex.FieldErrors.Keys.Order(StringComparer.Ordinal))).IsEqualTo("day_of_month,day_of_week,hour,minute,name");
        await Assert.That(ex.FieldErrors["day_of_month"][0]).IsEqualTo("The day of month field is required.");
    }

    [Test]
    public async Task An_empty_json_body_is_answered_byte_for_byte_like_the_fixture()
    {
        await using var t = await TestPanel.StartAsync();
        var server = t.Server("Survival");

        using var response = await AreaSupport.SendRawAsync(t, HttpMethod.Post, $"api/client/servers/{server.Identifier}/schedules", "{}");

        await Assert.That(response.StatusCode).IsEqualTo(HttpStatusCode.UnprocessableEntity);
        using var actual = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        using var fixture = JsonDocument.Parse(File.ReadAllBytes(RepoPaths.Spec("fixtures", "errors", "422-validation.json")));
        await Assert.That(AreaSupport.Compact(actual.RootElement)).IsEqualTo(AreaSupport.Compact(fixture.RootElement));
    }

    [Test]
    public async Task Other_rule_failures_use_the_panel_messages()
    {
        await using var t = await TestPanel.StartAsync();
        var server = t.Server("Survival").Id();

        var tooLong = await Assert.ThrowsAsync<PteroValidationException>(() =>
            t.Client.Schedules.CreateAsync(server, new string('n', 192), ScheduleCron.Parse("* * * * *")));
        await Assert.That(tooLong!.FieldErrors["name"]).IsEquivalentTo(["The name may not be greater than 191 characters."]);

        var badCron = await Assert.ThrowsAsync<PteroApiException>(() => t.Client.Schedules.CreateAsync(server, "bad", ScheduleCron.Parse("61 * * * *")));
        await Assert.That(badCron!.StatusCode).IsEqualTo(HttpStatusCode.BadRequest);
        await Assert.That(badCron.Code).IsEqualTo("DisplayException");
        await Assert.That(badCron.Detail).IsEqualTo("The cron data provided does not evaluate to a valid expression.");
    }

    [Test]
    public async Task Another_servers_schedule_is_not_found()
    {
        await using var t = await TestPanel.StartAsync();
        var survival = t.Server("Survival").Id();
        var creative = t.Server("Creative").Id();
        var schedule = await t.Client.Schedules.CreateAsync(survival, "mine", ScheduleCron.Parse("0 * * * *"));

        var ex = await Assert.ThrowsAsync<PteroNotFoundException>(() => t.Client.Schedules.GetAsync(creative, schedule.Id));
        await Assert.That(ex!.Detail).IsEqualTo("The requested resource was not found for this server.");
        await Assert.ThrowsAsync<PteroNotFoundException>(() => t.Client.Schedules.DeleteAsync(creative, schedule.Id));
        await Assert.ThrowsAsync<PteroNotFoundException>(() => t.Client.Schedules.ExecuteAsync(creative, schedule.Id));
        var unknown = await Assert.ThrowsAsync<PteroNotFoundException>(() => t.Client.Schedules.GetAsync(survival, new ScheduleId(99999)));
        await Assert.That(unknown!.Detail).IsEqualTo("The requested resource could not be found on the server.");
        await Assert.That((await t.Client.Schedules.GetAsync(survival, schedule.Id)).Name).IsEqualTo("mine");
    }

    [Test]
    public async Task The_limited_subuser_on_shared_lobby_is_refused_with_403()
    {
        await using var t = await TestPanel.StartAsync();
        var lobby = t.Server("Shared Lobby");
        var existing = t.Panel.State.AddSchedule(lobby, "Admin's schedule");

        await Assert.ThrowsAsync<PteroPermissionException>(() => t.Client.Schedules.ListAsync(lobby.Id()));
        await Assert.ThrowsAsync<PteroPermissionException>(() => t.Client.Schedules.CreateAsync(lobby.Id(), "x", ScheduleCron.Parse("* * * * *")));
        await Assert.ThrowsAsync<PteroPermissionException>(() => t.Client.Schedules.GetAsync(lobby.Id(), new ScheduleId(existing.Id)));
        await Assert.ThrowsAsync<PteroPermissionException>(() => t.Client.Schedules.ExecuteAsync(lobby.Id(), new ScheduleId(existing.Id)));
        await Assert.ThrowsAsync<PteroPermissionException>(() => t.Client.Schedules.DeleteAsync(lobby.Id(), new ScheduleId(existing.Id)));
        await Assert.That(lobby.Schedules.Count).IsEqualTo(1);
    }

    [Test]
    public async Task Execute_answers_202_and_the_run_is_recorded()
    {
        await using var t = await TestPanel.StartAsync();
        var fake = t.Server("Creative");
        var server = fake.Id();
        var schedule = await t.Client.Schedules.CreateAsync(server, "Boot", ScheduleCron.Parse("0 6 * * *"), isActive: false);

        var empty = await Assert.ThrowsAsync<PteroApiException>(() => t.Client.Schedules.ExecuteAsync(server, schedule.Id));
        await Assert.That(empty!.StatusCode).IsEqualTo(HttpStatusCode.BadRequest);
        await Assert.That(empty.Detail).IsEqualTo("Cannot process schedule for task execution: no tasks are registered.");

        await t.Client.Schedules.CreateTaskAsync(server, schedule.Id, ScheduleTaskAction.Power, "start");
        await t.Client.Schedules.ExecuteAsync(server, schedule.Id);

        using var raw = await AreaSupport.SendRawAsync(t, HttpMethod.Post, $"api/client/servers/{fake.Identifier}/schedules/{schedule.Id}/execute");
        await Assert.That(raw.StatusCode).IsEqualTo(HttpStatusCode.Accepted);
        await Assert.That(await raw.Content.ReadAsStringAsync()).IsEqualTo("[]");
        var after = await t.Client.Schedules.GetAsync(server, schedule.Id);
        await Assert.That(after.LastRunAt).IsNotNull();
        await Assert.That(after.IsProcessing).IsFalse();
        await Assert.That(fake.PowerState).IsEqualTo("running");
    }

    [Test]
    public async Task The_reference_fixture_parses_with_typed_ids_actions_and_nullable_times()
    {
        using var client = AreaSupport.Canned(RepoPaths.Spec("fixtures", "client", "schedules-list.json"));

        var list = await client.Schedules.ListAsync(ServerIdentifier.Parse("1a7ce997"));

        await Assert.That(list.Items.Count).IsEqualTo(2);
        var nightly = list.Items[0];
        await Assert.That(nightly.Id).IsEqualTo(new ScheduleId(3));
        await Assert.That(nightly.Cron.ToString()).IsEqualTo("0 4 * * *");
        await Assert.That(string.Join(",", nightly.Tasks.Select(x => x.Action))).IsEqualTo("Command,Backup,Power");
        await Assert.That(nightly.Tasks[1].Id).IsEqualTo(new TaskId(9));
        await Assert.That(nightly.Tasks[1].Payload).IsEqualTo("");
        await Assert.That(nightly.Tasks[1].ContinueOnFailure).IsTrue();
        await Assert.That(list.Items[1].LastRunAt).IsNull();
        await Assert.That(list.Items[1].Tasks).IsEmpty();
    }
}
