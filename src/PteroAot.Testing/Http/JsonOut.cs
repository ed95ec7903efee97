using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace PteroAot.Testing.Http;

/// <summary>Writes JSON with <see cref="Utf8JsonWriter"/> (no reflection-based serialization).</summary>
internal static class JsonOut
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Build(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            body(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static async Task WriteAsync(HttpContext context, int status, Action<Utf8JsonWriter> body)
    {
        var bytes = Build(body);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
    }

    public static Task NoContentAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }

    /// <summary>The client API timestamp form, e.g. <c>2024-05-07T18:40:09+00:00</c> (panel timezone UTC).</summary>
    public static string Timestamp(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture);

    public static void WriteTimestamp(this Utf8JsonWriter writer, string name, DateTimeOffset? value)
    {
        if (value is { } v)
        {
            writer.WriteString(name, Timestamp(v));
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    public static void WriteErrors(Utf8JsonWriter writer, IEnumerable<PanelErrorEntry> entries)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("errors");
        foreach (var e in entries)
        {
            writer.WriteStartObject();
            writer.WriteString("code", e.Code);
            writer.WriteString("status", e.Status.ToString(CultureInfo.InvariantCulture));
            writer.WriteString("detail", e.Detail);
            if (e.SourceField is not null)
            {
                writer.WriteStartObject("meta");
                writer.WriteString("source_field", e.SourceField);
                writer.WriteString("rule", e.Rule ?? "");
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
