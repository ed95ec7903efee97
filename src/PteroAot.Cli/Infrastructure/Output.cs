using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using PteroAot.Cli.Terminal;

namespace PteroAot.Cli.Infrastructure;

/// <summary>JSON text of SDK models through their source-generated metadata (indented or one line).</summary>
internal static class Output
{
    private static readonly JsonWriterOptions s_indented = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonWriterOptions s_compact = new() { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Indented<T>(T value, JsonTypeInfo<T> typeInfo) => Write(value, typeInfo, s_indented);

    public static string Compact<T>(T value, JsonTypeInfo<T> typeInfo) => Write(value, typeInfo, s_compact);

    private static string Write<T>(T value, JsonTypeInfo<T> typeInfo, JsonWriterOptions options)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, options))
            JsonSerializer.Serialize(writer, value, typeInfo);
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Writes a JSON array of <paramref name="items"/> (indented) as one document.</summary>
    public static string IndentedArray<T>(IEnumerable<T> items, JsonTypeInfo<T> typeInfo)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, s_indented))
        {
            writer.WriteStartArray();
            foreach (var item in items)
                JsonSerializer.Serialize(writer, item, typeInfo);
            writer.WriteEndArray();
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}

/// <summary>
/// A list printed as it arrives: <c>jsonl</c> writes each item at once; <c>json</c> writes one array at the end;
/// <c>table</c> collects rows and prints them aligned at the end.
/// </summary>
internal sealed class ListOutput<T>(CliContext context, JsonTypeInfo<T> typeInfo, string[] headers)
{
    private readonly List<T> _items = [];
    private readonly Table _table = new(headers);

    public int Count { get; private set; }

    public void Add(T item, params string?[] cells)
    {
        Count++;
        if (context.Jsonl)
        {
            context.Out.WriteLine(Output.Compact(item, typeInfo));
            context.Out.Flush();
        }
        else if (context.Json)
        {
            _items.Add(item);
        }
        else
        {
            _table.Add(cells);
        }
    }

    /// <summary>Prints the array or table; <paramref name="empty"/> goes to stderr for an empty table.</summary>
    public int Finish(string empty)
    {
        if (context.Jsonl)
            return ExitCodes.Success;
        if (context.Json)
        {
            context.Out.WriteLine(Output.IndentedArray(_items, typeInfo));
            return ExitCodes.Success;
        }
        if (_table.Count == 0)
            context.Note(empty);
        else
            context.WriteTable(_table);
        return ExitCodes.Success;
    }
}
