using System.Text.Json;
using PteroAot.Schedules;
using PteroAot.Servers;

namespace PteroAot.Tests.Serialization;

/// <summary>
/// The hand-written enum converters keep JsonStringEnumConverter's contract: wire names out, wire names in
/// (case-insensitive), an integer accepted, anything else a <see cref="JsonException"/> that names the choices.
/// </summary>
public class WireEnumJsonTests
{
    [Test]
    [Arguments(PowerSignal.Start, "start")]
    [Arguments(PowerSignal.Stop, "stop")]
    [Arguments(PowerSignal.Restart, "restart")]
    [Arguments(PowerSignal.Kill, "kill")]
    public async Task Power_signals_are_written_and_read_by_their_wire_names(PowerSignal signal, string wire)
    {
        var json = JsonSerializer.Serialize(new PowerRequest { Signal = signal }, ServersJsonContext.Default.PowerRequest);
        await Assert.That(json).IsEqualTo($$"""{"signal":"{{wire}}"}""");
        // Request types are generated for serialization only; the converter itself reads too.
        await Assert.That(ReadSignal($"\"{wire.ToUpperInvariant()}\"")).IsEqualTo(signal);
    }

    [Test]
    [Arguments("command", ScheduleTaskAction.Command)]
    [Arguments("power", ScheduleTaskAction.Power)]
    [Arguments("backup", ScheduleTaskAction.Backup)]
    public async Task Task_actions_round_trip(string wire, ScheduleTaskAction action)
    {
        var task = JsonSerializer.Deserialize($$"""{"id":3,"sequence_id":1,"action":"{{wire}}","payload":"x"}""", SchedulesJsonContext.Default.ScheduleTask)!;
        await Assert.That(task.Action).IsEqualTo(action);
        await Assert.That(JsonSerializer.Serialize(task, SchedulesJsonContext.Default.ScheduleTask)).Contains($"\"action\":\"{wire}\"");
    }

    [Test]
    public async Task An_integer_is_read_as_the_member_and_an_undefined_value_is_written_as_its_number()
    {
        var task = JsonSerializer.Deserialize("""{"id":3,"action":1}""", SchedulesJsonContext.Default.ScheduleTask)!;
        await Assert.That(task.Action).IsEqualTo(ScheduleTaskAction.Power);
        task.Action = (ScheduleTaskAction)9;
        await Assert.That(JsonSerializer.Serialize(task, SchedulesJsonContext.Default.ScheduleTask)).Contains("\"action\":9");
    }

    [Test]
    [Arguments("\"explode\"", "\"explode\" is not a PowerSignal; expected one of start, stop, restart, kill.")]
    [Arguments("true", "Expected a PowerSignal string (start, stop, restart, kill), got True.")]
    public async Task Anything_else_is_a_JsonException_naming_the_choices(string json, string message)
    {
        var ex = Assert.Throws<JsonException>(() => ReadSignal(json));
        await Assert.That(ex!.Message).Contains(message);
    }

    private static PowerSignal ReadSignal(string json)
    {
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(json));
        reader.Read();
        return new PteroAot.Json.PowerSignalConverter().Read(ref reader, typeof(PowerSignal), JsonSerializerOptions.Default);
    }
}
