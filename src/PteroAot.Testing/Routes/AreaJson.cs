using System.Globalization;
using System.Text.Json;
using PteroAot.Testing.Http;

namespace PteroAot.Testing.Routes;

/// <summary>Helpers shared by the schedule and network routes.</summary>
internal static class AreaJson
{
    /// <summary>Renders the body under the state lock (a consistent snapshot), then writes it.</summary>
    public static Task Locked(ApiRequest r, int status, Action<Utf8JsonWriter> body)
    {
        byte[] bytes;
        lock (r.State.Gate)
        {
            bytes = JsonOut.Build(body);
        }

        return r.Json(status, w => w.WriteRawValue(bytes, skipInputValidation: true));
    }

    /// <summary>A route id segment as the panel's integer route binding reads it; null when it is not an integer.</summary>
    public static int? RouteInt(ApiRequest r, string name) =>
        r.RouteValues.TryGetValue(name, out var text) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>The FormRequest permission check, after the route's models were bound (403).</summary>
    public static void Authorize(ApiRequest r, FakeServer server, string permission)
    {
        if (!r.State.HasPermission(r.User, server, permission))
        {
            throw new PanelException(403, "AccessDeniedHttpException", "This action is unauthorized.");
        }
    }

    /// <summary>PHP's <c>(bool)</c> cast of an input value (absent and null are false).</summary>
    public static bool Truthy(RequestInput input, string field)
    {
        if (input.GetElement(field) is not { } e)
        {
            return input.GetString(field) is { } s && s != "0";
        }

        return e.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.Number => e.TryGetDouble(out var d) && d != 0,
            JsonValueKind.String => input.GetString(field) is { } s && s != "0",
            JsonValueKind.Array => e.GetArrayLength() > 0,
            JsonValueKind.Object => e.EnumerateObject().Any(),
            _ => false,
        };
    }

    /// <summary>Laravel's <c>boolean</c> rule: true, false, 1, 0, "1", "0"; null when the value is not one of them.</summary>
    public static bool? StrictBoolean(RequestInput input, string field)
    {
        if (input.GetElement(field) is { } e)
        {
            return e.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                JsonValueKind.Number when e.GetRawText() is "1" => true,
                JsonValueKind.Number when e.GetRawText() is "0" => false,
                JsonValueKind.String => input.GetString(field) switch { "1" => true, "0" => false, _ => null },
                _ => null,
            };
        }

        return input.GetString(field) switch { "1" => true, "0" => false, _ => null };
    }

    /// <summary>Laravel's <c>numeric</c> rule (PHP <c>is_numeric</c>); null when the value is not a number.</summary>
    public static double? Numeric(RequestInput input, string field)
    {
        if (input.GetElement(field) is { ValueKind: JsonValueKind.Number } e)
        {
            return e.GetDouble();
        }

        return input.GetString(field) is { } s && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d)
            ? d
            : null;
    }

    /// <summary>Whether the key is in the input at all (even with a null value): Laravel's <c>present</c>/<c>sometimes</c>.</summary>
    public static bool Has(RequestInput input, string field) => input.GetElement(field) is not null || input.IsPresentNotNull(field);
}
