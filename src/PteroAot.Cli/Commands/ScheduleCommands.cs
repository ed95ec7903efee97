using System.CommandLine;
using PteroAot.Cli.Infrastructure;
using PteroAot.Cli.Terminal;
using PteroAot.Schedules;

namespace PteroAot.Cli.Commands;

/// <summary><c>ptero schedules list|show|create|delete|run</c> and <c>ptero schedules tasks add|rm</c></summary>
internal static class ScheduleCommands
{
    public static Command Build()
    {
        var group = new Command("schedules", "Scheduled tasks of a server.");
        group.Add(List());
        group.Add(Show());
        group.Add(Create());
        group.Add(Delete());
        group.Add(Run());
        var tasks = new Command("tasks", "Tasks of a schedule.");
        tasks.Add(TaskAdd());
        tasks.Add(TaskRemove());
        group.Add(tasks);
        return group;
    }

    private static Argument<int> ScheduleArg() => Args.Number("schedule", "The schedule id (see 'ptero schedules list').");

    private static Command List()
    {
        var server = Args.Server();
        var command = new Command("list", "List the server's schedules.") { server };
        command.Aliases.Add("ls");
        command.Handle(async c =>
        {
            var list = await c.Client.Schedules.ListAsync(c.Get(server), c.CancellationToken);
            var output = c.List(SchedulesJsonContext.Default.Schedule, "ID", "NAME", "CRON", "ACTIVE", "TASKS", "NEXT RUN");
            foreach (var s in list.Items)
                output.Add(s, s.Id.ToString(), s.Name, s.Cron.ToString(), s.IsActive ? "yes" : "no", s.Tasks.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), Term.Date(s.NextRunAt));
            return output.Finish("No schedules.");
        });
        return command;
    }

    private static void Print(CliContext c, Schedule s)
    {
        if (c.Json)
        {
            c.WriteJson(s, SchedulesJsonContext.Default.Schedule);
            return;
        }
        c.WriteDetails(new Details()
            .Add("Id", s.Id.ToString())
            .Add("Name", s.Name)
            .Add("Cron", s.Cron.ToString())
            .Add("Active", s.IsActive ? "yes" : "no")
            .Add("Only when online", s.OnlyWhenOnline ? "yes" : "no")
            .Add("Last run", Term.Date(s.LastRunAt))
            .Add("Next run", Term.Date(s.NextRunAt)));
        if (s.Tasks.Count > 0)
        {
            c.Out.WriteLine();
            var table = new Table("TASK", "SEQ", "ACTION", "PAYLOAD", "OFFSET");
            foreach (var t in s.Tasks.OrderBy(t => t.SequenceId))
                table.Add(t.Id.ToString(), t.SequenceId.ToString(System.Globalization.CultureInfo.InvariantCulture), t.Action.ToString().ToLowerInvariant(), t.Payload, $"{t.TimeOffset}s");
            c.WriteTable(table);
        }
    }

    private static Command Show()
    {
        var server = Args.Server();
        var schedule = ScheduleArg();
        var command = new Command("show", "Show a schedule and its tasks.") { server, schedule };
        command.Handle(async c =>
        {
            Print(c, await c.Client.Schedules.GetAsync(c.Get(server), ScheduleId.From(c.Get(schedule)), c.CancellationToken));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Create()
    {
        var server = Args.Server();
        var name = new Argument<string>("name") { Description = "The schedule's name." };
        var cron = new Option<string>("--cron") { Description = "\"minute hour day-of-month month day-of-week\", e.g. \"0 4 * * *\".", HelpName = "expr", Required = true };
        var inactive = new Option<bool>("--inactive") { Description = "Create it disabled." };
        var onlyOnline = new Option<bool>("--only-when-online") { Description = "Run only while the server is online." };
        var command = new Command("create", "Create a schedule.") { server, name, cron, inactive, onlyOnline };
        command.Handle(async c =>
        {
            ScheduleCron parsed;
            try
            {
                parsed = ScheduleCron.Parse(c.Get(cron));
            }
            catch (FormatException ex)
            {
                throw new UsageException(ex.Message);
            }
            Print(c, await c.Client.Schedules.CreateAsync(c.Get(server), c.Get(name), parsed, !c.Get(inactive), c.Get(onlyOnline), c.CancellationToken));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Delete()
    {
        var server = Args.Server();
        var schedule = ScheduleArg();
        var command = new Command("delete", "Delete a schedule.") { server, schedule };
        command.Aliases.Add("rm");
        command.Handle(async c =>
        {
            await c.Client.Schedules.DeleteAsync(c.Get(server), ScheduleId.From(c.Get(schedule)), c.CancellationToken);
            c.Done($"Deleted schedule {c.Get(schedule)}.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Run()
    {
        var server = Args.Server();
        var schedule = ScheduleArg();
        var command = new Command("run", "Run a schedule now.") { server, schedule };
        command.Handle(async c =>
        {
            await c.Client.Schedules.ExecuteAsync(c.Get(server), ScheduleId.From(c.Get(schedule)), c.CancellationToken);
            c.Done($"Schedule {c.Get(schedule)} triggered.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command TaskAdd()
    {
        var server = Args.Server();
        var schedule = ScheduleArg();
        var action = new Argument<string>("action") { Description = "command, power or backup." };
        action.AcceptOnlyFromAmong("command", "power", "backup");
        var payload = new Argument<string?>("payload") { Description = "The console command, the power signal, or the backup's ignore list.", Arity = ArgumentArity.ZeroOrOne };
        var offset = new Option<int>("--offset") { Description = "Seconds after the previous task (default 0).", HelpName = "seconds" };
        var continueOnFailure = new Option<bool>("--continue-on-failure") { Description = "Run the next task even if this one fails." };
        var command = new Command("add", "Add a task to a schedule.") { server, schedule, action, payload, offset, continueOnFailure };
        command.Handle(async c =>
        {
            var kind = c.Get(action) switch { "power" => ScheduleTaskAction.Power, "backup" => ScheduleTaskAction.Backup, _ => ScheduleTaskAction.Command };
            if (kind != ScheduleTaskAction.Backup && string.IsNullOrWhiteSpace(c.Get(payload)))
                throw new UsageException($"a {c.Get(action)} task needs a payload.");
            var task = await c.Client.Schedules.CreateTaskAsync(c.Get(server), ScheduleId.From(c.Get(schedule)), kind, c.Get(payload), c.Get(offset), c.Get(continueOnFailure), c.CancellationToken);
            if (c.Json)
                c.WriteJson(task, SchedulesJsonContext.Default.ScheduleTask);
            else
                c.Done($"Added task {task.Id} ({c.Get(action)}) as step {task.SequenceId}.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command TaskRemove()
    {
        var server = Args.Server();
        var schedule = ScheduleArg();
        var task = Args.Number("task", "The task id (see 'ptero schedules show').");
        var command = new Command("rm", "Remove a task from a schedule.") { server, schedule, task };
        command.Aliases.Add("delete");
        command.Handle(async c =>
        {
            await c.Client.Schedules.DeleteTaskAsync(c.Get(server), ScheduleId.From(c.Get(schedule)), TaskId.From(c.Get(task)), c.CancellationToken);
            c.Done($"Removed task {c.Get(task)}.");
            return ExitCodes.Success;
        });
        return command;
    }
}
