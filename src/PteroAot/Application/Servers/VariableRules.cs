using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace PteroAot.Application;

/// <summary>
/// Evaluates the Laravel rule strings of egg variables (<c>required|string|max:20</c>) the way the panel does, so a
/// server request can be checked before it is sent. Rules the SDK does not know are left to the panel (its 422 is
/// mapped back by <see cref="ServerBuilder.Explain"/>).
/// </summary>
/// <remarks>
/// Laravel semantics kept here: the panel trims strings and turns <c>""</c> into null; a failed <c>required</c> stops
/// the other rules; a null value passes everything when <c>nullable</c> is present; <c>min</c>/<c>max</c>/<c>between</c>
/// compare the number when the rules contain <c>integer</c> or <c>numeric</c> and the value is numeric, else the length.
/// The regexes come from the egg at run time, so they are interpreted (no source generation, AOT-safe).
/// </remarks>
internal static class VariableRules
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);

    /// <summary>One failed rule: its snake-case name and a message that starts with the variable's label.</summary>
    internal readonly record struct Failure(string Rule, string Message);

    /// <summary>The value as the panel will see it: trimmed, and null when empty.</summary>
    public static string? Normalize(string? value)
    {
        if (value is null)
            return null;
        var trimmed = value.Trim(' ', '\t', '\n', '\r', '\0', '\v');
        return trimmed.Length == 0 ? null : trimmed;
    }

    /// <summary>Splits a rule string on <c>|</c>, keeping a <c>regex:</c> pattern that itself contains <c>|</c> whole.</summary>
    public static List<(string Name, string Argument)> Parse(string? rules)
    {
        var result = new List<(string, string)>();
        if (string.IsNullOrWhiteSpace(rules))
            return result;
        var parts = rules.Split('|');
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i].Trim();
            if (part.Length == 0)
                continue;
            var colon = part.IndexOf(':', StringComparison.Ordinal);
            var name = (colon < 0 ? part : part[..colon]).Trim().ToLowerInvariant();
            var argument = colon < 0 ? "" : part[(colon + 1)..];
            if (name is "regex" or "not_regex")
            {
                // "/a|b/" was cut at the bar: glue pieces back until the closing delimiter is found.
                while (!IsClosedPattern(argument) && i + 1 < parts.Length)
                    argument += "|" + parts[++i];
            }
            result.Add((name, argument));
        }
        return result;
    }

    private static bool IsClosedPattern(string pattern)
    {
        if (pattern.Length < 2)
            return true;
        var delimiter = pattern[0];
        var end = pattern.LastIndexOf(ClosingDelimiter(delimiter));
        return end > 0;
    }

    private static char ClosingDelimiter(char open) => open switch
    {
        '(' => ')',
        '{' => '}',
        '[' => ']',
        '<' => '>',
        _ => open,
    };

    /// <summary>Checks <paramref name="value"/> (null = not given) against <paramref name="rules"/>.</summary>
    /// <param name="rules">The variable's rule string.</param>
    /// <param name="value">The value that will be sent (not yet normalized).</param>
    /// <param name="label">How messages name the variable, e.g. <c>SERVER_JARFILE (Server Jar File)</c>.</param>
    public static List<Failure> Check(string? rules, string? value, string label)
    {
        var failures = new List<Failure>();
        var list = Parse(rules);
        var names = list.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        var normalized = Normalize(value);

        if (normalized is null)
        {
            if (names.Contains("required"))
            {
                failures.Add(new("required", $"{label} is required and has no value (the egg gives no default, or an empty value was set)."));
                return failures;
            }
            if (names.Contains("nullable"))
                return failures;

            // Without "nullable" Laravel still runs the type rules against null, and they fail.
            foreach (var (name, _) in list)
            {
                var type = name switch
                {
                    "string" => "a string",
                    "integer" => "an integer",
                    "numeric" => "a number",
                    "boolean" => "true or false",
                    "array" => "an array",
                    _ => null,
                };
                if (type is not null)
                    failures.Add(new(name, $"{label} must be {type}; an empty value is sent as null and the rules do not allow null (no 'nullable'), so give a value."));
            }
            return failures;
        }

        var numericRules = names.Contains("integer") || names.Contains("numeric");
        var isNumeric = IsNumeric(normalized);
        double Size() => numericRules && isNumeric
            ? double.Parse(normalized, NumberStyles.Float, CultureInfo.InvariantCulture)
            : normalized.EnumerateRunes().Count();
        string Unit() => numericRules && isNumeric ? "" : " characters";

        foreach (var (name, argument) in list)
        {
            switch (name)
            {
                case "integer" when !IsInteger(normalized):
                    failures.Add(new(name, $"{label} must be a whole number."));
                    break;
                case "numeric" when !isNumeric:
                    failures.Add(new(name, $"{label} must be a number."));
                    break;
                case "boolean" when normalized is not ("0" or "1"):
                    // Values travel as strings, and Laravel's boolean rule accepts only "0" and "1" among strings.
                    failures.Add(new(name, $"{label} must be true or false: send 1 or 0."));
                    break;
                case "min" when TryNumber(argument, out var min) && Size() < min:
                    failures.Add(new(name, $"{label} must be at least {Format(min)}{Unit()}."));
                    break;
                case "max" when TryNumber(argument, out var max) && Size() > max:
                    failures.Add(new(name, $"{label} must be at most {Format(max)}{Unit()}."));
                    break;
                case "between" when TryRange(argument, out var low, out var high) && (Size() < low || Size() > high):
                    failures.Add(new(name, $"{label} must be between {Format(low)} and {Format(high)}{Unit()}."));
                    break;
                case "size" when TryNumber(argument, out var size) && Size() != size:
                    failures.Add(new(name, $"{label} must be exactly {Format(size)}{Unit()}."));
                    break;
                case "in" when !SplitList(argument).Contains(normalized, StringComparer.Ordinal):
                    failures.Add(new(name, $"{label} must be one of: {string.Join(", ", SplitList(argument))}."));
                    break;
                case "not_in" when SplitList(argument).Contains(normalized, StringComparer.Ordinal):
                    failures.Add(new(name, $"{label} must not be one of: {string.Join(", ", SplitList(argument))}."));
                    break;
                case "regex" when TryRegex(argument, out var regex) && !SafeMatch(regex, normalized):
                    failures.Add(new(name, $"{label} does not match the egg's pattern {argument}."));
                    break;
                case "not_regex" when TryRegex(argument, out var regex) && SafeMatch(regex, normalized):
                    failures.Add(new(name, $"{label} must not match the pattern {argument}."));
                    break;
                case "alpha" when !Regex.IsMatch(normalized, @"^[\p{L}\p{M}]+$", RegexOptions.None, RegexTimeout):
                    failures.Add(new(name, $"{label} may only contain letters."));
                    break;
                case "alpha_num" when !Regex.IsMatch(normalized, @"^[\p{L}\p{M}\p{N}]+$", RegexOptions.None, RegexTimeout):
                    failures.Add(new(name, $"{label} may only contain letters and numbers."));
                    break;
                case "alpha_dash" when !Regex.IsMatch(normalized, @"^[\p{L}\p{M}\p{N}_-]+$", RegexOptions.None, RegexTimeout):
                    failures.Add(new(name, $"{label} may only contain letters, numbers, dashes and underscores."));
                    break;
            }
        }
        return failures;
    }

    /// <summary>PHP's <c>is_numeric</c> for a trimmed string.</summary>
    internal static bool IsNumeric(string value)
        => Regex.IsMatch(value, @"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$", RegexOptions.CultureInvariant, RegexTimeout);

    /// <summary>PHP's <c>FILTER_VALIDATE_INT</c>: optional sign, no leading zeros.</summary>
    internal static bool IsInteger(string value)
        => Regex.IsMatch(value, @"^[+-]?(0|[1-9][0-9]*)$", RegexOptions.CultureInvariant, RegexTimeout);

    private static bool TryNumber(string text, out double value)
        => double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    private static bool TryRange(string text, out double low, out double high)
    {
        var parts = text.Split(',');
        low = high = 0;
        return parts.Length == 2 && TryNumber(parts[0], out low) && TryNumber(parts[1], out high);
    }

    private static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    // Laravel reads "in:" arguments with str_getcsv: commas separate, double quotes may wrap an item.
    private static List<string> SplitList(string text)
    {
        var items = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (ch == '"' && (current.Length == 0 || quoted))
            {
                if (quoted && i + 1 < text.Length && text[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else
                {
                    quoted = !quoted;
                }
            }
            else if (ch == ',' && !quoted)
            {
                items.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(ch);
            }
        }
        items.Add(current.ToString());
        return items;
    }

    /// <summary>A PHP pattern (<c>/body/flags</c>) as an interpreted .NET regex; false when it cannot be read.</summary>
    internal static bool TryRegex(string pattern, out Regex regex)
    {
        regex = null!;
        if (pattern.Length < 2)
            return false;
        var end = pattern.LastIndexOf(ClosingDelimiter(pattern[0]));
        if (end <= 0)
            return false;
        var body = pattern[1..end];
        var options = RegexOptions.CultureInvariant;
        foreach (var flag in pattern[(end + 1)..])
        {
            options |= flag switch
            {
                'i' => RegexOptions.IgnoreCase,
                'm' => RegexOptions.Multiline,
                's' => RegexOptions.Singleline,
                'x' => RegexOptions.IgnorePatternWhitespace,
                _ => RegexOptions.None,
            };
        }
        // PHP's "$" also matches before a final newline, like .NET's; values are trimmed anyway.
        try
        {
            regex = new Regex(body, options, RegexTimeout);
            return true;
        }
        catch (ArgumentException)
        {
            // A PCRE construct .NET does not know: leave the check to the panel.
            return false;
        }
    }

    private static bool SafeMatch(Regex regex, string value)
    {
        try
        {
            return regex.IsMatch(value);
        }
        catch (RegexMatchTimeoutException)
        {
            return true; // undecidable here: let the panel judge
        }
    }
}
