using System.Text.Json;

namespace PteroAot.Testing.Routes;

/// <summary><c>Client\AllocationTransformer</c>, written with <see cref="Utf8JsonWriter"/>.</summary>
internal static class NetworkTransformers
{
    /// <summary>An <c>allocation</c>; <c>is_default</c> marks the server's primary allocation.</summary>
    public static void Allocation(Utf8JsonWriter w, FakeAllocation allocation)
    {
        w.WriteStartObject();
        w.WriteString("object", "allocation");
        w.WriteStartObject("attributes");
        w.WriteNumber("id", allocation.Id);
        w.WriteString("ip", allocation.Ip);
        if (allocation.Alias is { } alias)
        {
            w.WriteString("ip_alias", alias);
        }
        else
        {
            w.WriteNull("ip_alias");
        }

        w.WriteNumber("port", allocation.Port);
        if (allocation.Notes is { } notes)
        {
            w.WriteString("notes", notes);
        }
        else
        {
            w.WriteNull("notes");
        }

        w.WriteBoolean("is_default", allocation.IsDefault);
        w.WriteEndObject();
        w.WriteEndObject();
    }
}
