using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace PteroAot.Testing.Http;

/// <summary>
/// A small Laravel validator over a JSON body: implicit rules, nullable, sometimes, bail, sizes, messages. Egg
/// variable rules (client startup, application startup and server creation) go through <see cref="CheckVariable"/>, so
/// the three routes answer alike.
/// </summary>
internal sealed class LaravelRules(Validation v, JsonElement root)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Validates one egg variable value with the variable's own rules string (<c>VariableValidatorService</c>, and the
    /// client's <c>value</c> field); a missing value counts as null.
    /// </summary>
    public static void CheckVariable(Validation v, string field, string attribute, string rules, JsonElement? value) =>
        new LaravelRules(v, default).CheckValue(field, attribute, value, present: true, rules);

    public void Check(string field, string rules, Func<JsonElement?, bool>? exists = null, Func<JsonElement?, bool>? unique = null)
    {
        var value = Find(root, field, out var present);
        CheckValue(field, Validation.Attribute(field), value, present, rules, exists, unique);
    }

    /// <summary>Applies <paramref name="rules"/> to every item of the array at <paramref name="field"/> (<c>field.*</c>).</summary>
    public void EachItem(string field, string rules, Func<JsonElement?, bool>? exists = null)
    {
        if (Find(root, field) is not { ValueKind: JsonValueKind.Array } array)
        {
            return;
        }

        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            var name = $"{field}.{i++}";
            CheckValue(name, Validation.Attribute(name), item, present: true, rules, exists);
        }
    }

    public void CheckValue(string field, string attribute, JsonElement? value, bool present, string rules,
        Func<JsonElement?, bool>? exists = null, Func<JsonElement?, bool>? unique = null)
    {
        var list = rules.Split('|', StringSplitOptions.RemoveEmptyEntries)
            .Select(x => x.Split(':', 2))
            .Select(x => (Name: x[0], Arg: x.Length > 1 ? x[1] : ""))
            .ToList();
        var names = list.Select(x => x.Name).ToHashSet(StringComparer.Ordinal);
        if (names.Contains("sometimes") && !present)
        {
            return;
        }

        var isNull = IsNull(value);
        var numericRules = names.Contains("numeric") || names.Contains("integer");
        var bail = names.Contains("bail");
        var failed = false;
        void Fail(string rule, string message)
        {
            v.Add(field, rule, message);
            failed = true;
        }

        foreach (var (name, arg) in list)
        {
            if (failed && bail)
            {
                return;
            }

            switch (name)
            {
                case "required":
                    if (!present || !Filled(value))
                    {
                        v.Add(field, "required", $"The {attribute} field is required.");
                        return; // a failed implicit rule stops the attribute
                    }

                    continue;
                case "present":
                    if (!present)
                    {
                        v.Add(field, "present", $"The {attribute} field must be present.");
                        return;
                    }

                    continue;
                case "required_with":
                    if (arg.Split(',').Any(other => Filled(Find(root, other))) && (!present || !Filled(value)))
                    {
                        v.Add(field, "required_with", $"The {attribute} field is required when {arg.Replace(",", " / ", StringComparison.Ordinal)} is present.");
                        return;
                    }

                    continue;
                case "nullable" or "sometimes" or "bail":
                    continue;
            }

            // Non-implicit rules: skipped for an absent field, and for null when nullable.
            if (!present || (isNull && names.Contains("nullable")))
            {
                return;
            }

            var text = Text(value);
            switch (name)
            {
                case "string" when value is not { ValueKind: JsonValueKind.String } || isNull:
                    Fail(name, $"The {attribute} must be a string.");
                    break;
                case "array" when value is not { ValueKind: JsonValueKind.Object or JsonValueKind.Array }:
                    Fail(name, $"The {attribute} must be an array.");
                    break;
                case "integer" when !IsInteger(value):
                    Fail(name, $"The {attribute} must be an integer.");
                    break;
                case "numeric" when !IsNumber(value):
                    Fail(name, $"The {attribute} must be a number.");
                    break;
                case "boolean" when !IsBoolean(value):
                    Fail(name, $"The {attribute} field must be true or false.");
                    break;
                case "min" when Size(value, numericRules) < Number(arg):
                    Fail(name, numericRules && IsNumber(value)
                        ? $"The {attribute} must be at least {arg}."
                        : $"The {attribute} must be at least {arg} characters.");
                    break;
                case "max" when Size(value, numericRules) > Number(arg):
                    Fail(name, numericRules && IsNumber(value)
                        ? $"The {attribute} may not be greater than {arg}."
                        : $"The {attribute} may not be greater than {arg} characters.");
                    break;
                case "between" when arg.Split(',') is [var lo, var hi] && (Size(value, numericRules) < Number(lo) || Size(value, numericRules) > Number(hi)):
                    Fail(name, numericRules && IsNumber(value)
                        ? $"The {attribute} must be between {lo} and {hi}."
                        : $"The {attribute} must be between {lo} and {hi} characters.");
                    break;
                case "in" when text is null || !arg.Split(',').Contains(text, StringComparer.Ordinal):
                    Fail(name, $"The selected {attribute} is invalid.");
                    break;
                case "regex" when text is null || !PhpRegex(arg).IsMatch(text):
                    Fail(name, $"The {attribute} format is invalid.");
                    break;
                case "alpha_dash" when text is null || !Regex.IsMatch(text, @"^[\p{L}\p{M}\p{N}_-]+$", RegexOptions.None, Timeout):
                    Fail(name, $"The {attribute} may only contain letters, numbers, dashes and underscores.");
                    break;
                case "exists" when exists is not null && !exists(value):
                    Fail(name, $"The selected {attribute} is invalid.");
                    break;
                case "unique" when unique is not null && !unique(value):
                    Fail(name, $"The {attribute} has already been taken.");
                    break;
            }
        }
    }

    public static JsonElement? Find(JsonElement root, string path) => Find(root, path, out _);

    private static JsonElement? Find(JsonElement root, string path, out bool present)
    {
        var current = root;
        foreach (var part in path.Split('.'))
        {
            if (current.ValueKind == JsonValueKind.Object && current.TryGetProperty(part, out var next))
            {
                current = next;
            }
            else if (current.ValueKind == JsonValueKind.Array && int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                     && index < current.GetArrayLength())
            {
                current = current[index];
            }
            else
            {
                present = false;
                return null;
            }
        }

        present = true;
        return current;
    }

    /// <summary>Null after the panel's middleware: JSON null, or a string that is empty once trimmed.</summary>
    private static bool IsNull(JsonElement? e) => e switch
    {
        null => true,
        { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => true,
        { ValueKind: JsonValueKind.String } s => string.IsNullOrWhiteSpace(s.GetString()),
        _ => false,
    };

    /// <summary>What "required" wants: not null, not empty, not an empty array/object (PHP's empty array).</summary>
    public static bool Filled(JsonElement? e) => !IsNull(e) && e switch
    {
        { ValueKind: JsonValueKind.Array } a => a.GetArrayLength() > 0,
        { ValueKind: JsonValueKind.Object } o => o.EnumerateObject().Any(),
        _ => true,
    };

    /// <summary>The value as the panel stores it in a string column (trimmed; null when empty).</summary>
    public static string? Text(JsonElement? e) => e switch
    {
        { ValueKind: JsonValueKind.String } s => string.IsNullOrWhiteSpace(s.GetString()) ? null : s.GetString()!.Trim(' ', '\t', '\n', '\r', '\0', '\v'),
        { ValueKind: JsonValueKind.Number } n => n.GetRawText(),
        { ValueKind: JsonValueKind.True } => "1",
        { ValueKind: JsonValueKind.False } => "0",
        _ => null,
    };

    public static bool IsTrue(JsonElement e) => e.ValueKind == JsonValueKind.True || Text(e) == "1";

    public static bool IsNumeric(string? text) =>
        text is not null && Regex.IsMatch(text, @"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$", RegexOptions.None, Timeout);

    private static bool IsNumber(JsonElement? e) =>
        e is { ValueKind: JsonValueKind.Number } || (e is { ValueKind: JsonValueKind.String } && IsNumeric(Text(e)));

    private static bool IsInteger(JsonElement? e) => e switch
    {
        { ValueKind: JsonValueKind.Number } n => n.TryGetInt64(out _),
        { ValueKind: JsonValueKind.String } => Text(e) is { } t && Regex.IsMatch(t, "^[+-]?(0|[1-9][0-9]*)$", RegexOptions.None, Timeout),
        _ => false,
    };

    // Laravel accepts true, false, 0, 1, "0" and "1".
    private static bool IsBoolean(JsonElement? e) => e switch
    {
        { ValueKind: JsonValueKind.True or JsonValueKind.False } => true,
        { ValueKind: JsonValueKind.Number } n => n.GetRawText() is "0" or "1",
        { ValueKind: JsonValueKind.String } s => s.GetString() is "0" or "1",
        _ => false,
    };

    private static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    // Laravel's getSize: the number when a numeric rule is present and the value is numeric, an array's count,
    // else the string length.
    private static double Size(JsonElement? e, bool numericRules)
    {
        if (numericRules && IsNumber(e))
        {
            return e!.Value.ValueKind == JsonValueKind.Number ? e.Value.GetDouble() : Number(Text(e)!);
        }

        return e switch
        {
            { ValueKind: JsonValueKind.Array } a => a.GetArrayLength(),
            { ValueKind: JsonValueKind.Object } o => o.EnumerateObject().Count(),
            _ => (Text(e) ?? "").EnumerateRunes().Count(),
        };
    }

    // "/pattern/flags" as PHP writes it.
    private static Regex PhpRegex(string pattern)
    {
        var end = pattern.LastIndexOf(pattern[0]);
        var body = end > 0 ? pattern[1..end] : pattern;
        var options = end > 0 && pattern[(end + 1)..].Contains('i') ? RegexOptions.IgnoreCase : RegexOptions.None;
        return new Regex(body, options | RegexOptions.CultureInvariant, Timeout);
    }
}
