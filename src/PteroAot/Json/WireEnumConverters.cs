using System.Text.Json;
using System.Text.Json.Serialization;
using PteroAot.Schedules;
using PteroAot.Servers;

namespace PteroAot.Json;

// Hand-written converters for the SDK's wire-named enums. JsonStringEnumConverter<T> reads the names from
// [JsonStringEnumMemberName] through reflection metadata and compiles its own enum converter per type: about 20 KB of
// the native ptero binary per enum for two or four names. Like JsonStringEnumConverter, these read the wire names
// case-insensitively and accept an integer value. Public, like the ids' converters, so other assemblies' contexts
// (the benchmarks' floor) can generate metadata for the SDK's models.

/// <summary>Reads and writes <see cref="PowerSignal"/> as <c>start</c>, <c>stop</c>, <c>restart</c>, <c>kill</c>.</summary>
public sealed class PowerSignalConverter : JsonConverter<PowerSignal>
{
    private static readonly string[] s_names = ["start", "stop", "restart", "kill"];

    /// <inheritdoc/>
    public override PowerSignal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => (PowerSignal)WireEnum.Read(ref reader, s_names, nameof(PowerSignal));

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, PowerSignal value, JsonSerializerOptions options)
        => WireEnum.Write(writer, (int)value, s_names);
}

/// <summary>Reads and writes <see cref="ScheduleTaskAction"/> as <c>command</c>, <c>power</c>, <c>backup</c>.</summary>
public sealed class ScheduleTaskActionConverter : JsonConverter<ScheduleTaskAction>
{
    private static readonly string[] s_names = ["command", "power", "backup"];

    /// <inheritdoc/>
    public override ScheduleTaskAction Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => (ScheduleTaskAction)WireEnum.Read(ref reader, s_names, nameof(ScheduleTaskAction));

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, ScheduleTaskAction value, JsonSerializerOptions options)
        => WireEnum.Write(writer, (int)value, s_names);
}

/// <summary>An enum whose members are 0..n-1 in the order of their wire names.</summary>
internal static class WireEnum
{
    public static int Read(ref Utf8JsonReader reader, string[] names, string typeName)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var number))
            return number;
        if (reader.TokenType == JsonTokenType.String)
        {
            var text = reader.GetString();
            for (int i = 0; i < names.Length; i++)
            {
                if (string.Equals(text, names[i], StringComparison.OrdinalIgnoreCase))
                    return i;
            }
            throw new JsonException($"\"{text}\" is not a {typeName}; expected one of {string.Join(", ", names)}.");
        }
        throw new JsonException($"Expected a {typeName} string ({string.Join(", ", names)}), got {reader.TokenType}.");
    }

    public static void Write(Utf8JsonWriter writer, int value, string[] names)
    {
        // An undefined value is written as its number, as JsonStringEnumConverter does.
        if ((uint)value < (uint)names.Length)
            writer.WriteStringValue(names[value]);
        else
            writer.WriteNumberValue(value);
    }
}
