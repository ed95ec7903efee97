using System.Text.Json;

namespace PteroAot.Testing.Http;

/// <summary>
/// The request's input fields, with Laravel's <c>TrimStrings</c> (except password fields) and
/// <c>ConvertEmptyStringsToNull</c> applied on read. JSON objects and form bodies are supported.
/// </summary>
internal sealed class RequestInput
{
    private static readonly HashSet<string> NotTrimmed = new(StringComparer.Ordinal) { "password", "password_confirmation", "current_password" };
    private static readonly char[] PhpTrim = [' ', '\t', '\n', '\r', '\0', '\v'];

    private readonly JsonElement? _json;
    private readonly Dictionary<string, string> _form;

    private RequestInput(JsonElement? json, Dictionary<string, string> form)
    {
        _json = json;
        _form = form;
    }

    public static RequestInput Empty { get; } = new(null, []);

    public static RequestInput FromJson(JsonElement root) =>
        new(root.ValueKind == JsonValueKind.Object ? root : null, []);

    public static RequestInput FromForm(Dictionary<string, string> form) => new(null, form);

    public static string? Clean(string field, string? value)
    {
        if (value is null)
        {
            return null;
        }

        var v = NotTrimmed.Contains(field) ? value : value.Trim(PhpTrim);
        return v.Length == 0 ? null : v;
    }

    private bool TryGet(string field, out JsonElement value)
    {
        value = default;
        return _json is { } json && json.TryGetProperty(field, out value);
    }

    /// <summary>Laravel's "required" failure: absent, null, empty string (after trim) or empty array.</summary>
    public bool IsMissing(string field)
    {
        if (_form.TryGetValue(field, out var formValue))
        {
            return Clean(field, formValue) is null;
        }

        if (!TryGet(field, out var value))
        {
            return true;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Null or JsonValueKind.Undefined => true,
            JsonValueKind.String => Clean(field, value.GetString()) is null,
            JsonValueKind.Array => value.GetArrayLength() == 0,
            _ => false,
        };
    }

    /// <summary>Whether the field is present and not null (after the empty-string conversion).</summary>
    public bool IsPresentNotNull(string field)
    {
        if (_form.TryGetValue(field, out var formValue))
        {
            return Clean(field, formValue) is not null;
        }

        return TryGet(field, out var value) && value.ValueKind switch
        {
            JsonValueKind.Null => false,
            JsonValueKind.String => Clean(field, value.GetString()) is not null,
            _ => true,
        };
    }

    /// <summary>The cleaned string value, or null when absent, null, empty or not a string.</summary>
    public string? GetString(string field)
    {
        if (_form.TryGetValue(field, out var formValue))
        {
            return Clean(field, formValue);
        }

        return TryGet(field, out var value) && value.ValueKind == JsonValueKind.String
            ? Clean(field, value.GetString())
            : null;
    }

    /// <summary>The raw JSON element (for arrays and type checks).</summary>
    public JsonElement? GetElement(string field) => TryGet(field, out var value) ? value : null;
}
