using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using PteroAot.Testing.Http;

namespace PteroAot.Testing.Routes;

/// <summary><c>/servers/{server}/startup</c>.</summary>
internal static class StartupRoutes
{
    private const string Base = "/api/client/servers/{server}/startup";

    public static void Map(Router router)
    {
        router.Map("GET", Base, ApiArea.Client, Get);
        router.Map("PUT", Base + "/variable", ApiArea.Client, UpdateVariable);
    }

    private static Task Get(ApiRequest r)
    {
        var server = ServerAccess.Resolve(r, "startup.read");
        return r.Json(200, w =>
        {
            lock (r.State.Gate)
            {
                w.WriteStartObject();
                w.WriteString("object", "list");
                w.WriteStartArray("data");
                foreach (var v in server.Variables.Where(v => v.UserViewable))
                {
                    ServerTransformers.Variable(w, v);
                }

                w.WriteEndArray();
                w.WriteStartObject("meta");
                w.WriteString("startup_command", ServerTransformers.Invocation(server, hideAllValues: false));
                w.WriteStartObject("docker_images");
                foreach (var (display, image) in server.DockerImages)
                {
                    w.WriteString(display, image);
                }

                w.WriteEndObject();
                w.WriteString("raw_startup_command", server.StartupCommand);
                w.WriteEndObject();
                w.WriteEndObject();
            }
        });
    }

    private static Task UpdateVariable(ApiRequest r)
    {
        var server = ServerAccess.Resolve(r, "startup.update");

        // UpdateStartupVariableRequest: key required|string, value present.
        var v = new Validation();
        var key = v.RequiredString(r.Input, "key");
        var rawValue = r.Input.GetElement("value");
        if (rawValue is null)
        {
            v.Add("value", "present", "The value field must be present.");
        }

        v.ThrowIfFailed();
        FakeVariable? variable;
        lock (r.State.Gate)
        {
            variable = server.Variables.FirstOrDefault(x => x.EnvVariable == key);
        }

        if (variable is null || !variable.UserViewable)
        {
            throw PanelException.BadRequest("The environment variable you are trying to edit does not exist.");
        }

        if (!variable.UserEditable)
        {
            throw PanelException.BadRequest("The environment variable you are trying to edit is read-only.");
        }

        // Re-validated with the variable's own rules; the field is "value".
        var value = rawValue is { ValueKind: JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False } element
            ? element.GetRawText()
            : r.Input.GetString("value");
        var isString = rawValue is { ValueKind: JsonValueKind.String or JsonValueKind.Null } || value is null;
        VariableRules.Validate(variable.Rules, value, isString, v);
        v.ThrowIfFailed();

        string? original;
        string startup;
        string raw;
        lock (r.State.Gate)
        {
            original = variable.ServerValue;
            variable.ServerValue = value ?? "";
            startup = ServerTransformers.Invocation(server, hideAllValues: false);
            raw = server.StartupCommand;
        }

        if (!string.Equals(original, value, StringComparison.Ordinal))
        {
            ServerRoutes.Log(r, server, "server:startup.edit",
                new() { ["variable"] = variable.EnvVariable, ["old"] = original ?? "", ["new"] = value ?? "" });
        }

        return r.Json(200, w =>
        {
            w.WriteStartObject();
            w.WriteString("object", "egg_variable");
            w.WriteStartObject("attributes");
            ServerTransformers.VariableAttributes(w, variable, value);
            w.WriteEndObject();
            w.WriteStartObject("meta");
            w.WriteString("startup_command", startup);
            w.WriteString("raw_startup_command", raw);
            w.WriteEndObject();
            w.WriteEndObject();
        });
    }
}

/// <summary>A subset of Laravel's rules as egg variables use them (field <c>value</c>, the panel's English messages).</summary>
internal static class VariableRules
{
    public static void Validate(string rules, string? value, bool isString, Validation v)
    {
        var list = rules.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var names = list.Select(x => x.Split(':', 2)[0]).ToHashSet(StringComparer.Ordinal);
        if (value is null)
        {
            if (names.Contains("required"))
            {
                v.Required("value");
            }
            else if (!names.Contains("nullable") && names.Contains("string"))
            {
                v.MustBeString("value");
            }

            return;
        }

        var numeric = names.Contains("numeric") || names.Contains("integer");
        foreach (var rule in list)
        {
            var parts = rule.Split(':', 2);
            var arg = parts.Length > 1 ? parts[1] : "";
            switch (parts[0])
            {
                case "string" when !isString:
                    v.MustBeString("value");
                    break;
                case "max" when int.TryParse(arg, NumberStyles.Integer, CultureInfo.InvariantCulture, out var max):
                    if (numeric ? double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n > max : value.Length > max)
                    {
                        v.Add("value", "max", numeric
                            ? $"The value may not be greater than {max}."
                            : $"The value may not be greater than {max} characters.");
                    }

                    break;
                case "min" when int.TryParse(arg, NumberStyles.Integer, CultureInfo.InvariantCulture, out var min):
                    if (numeric ? double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var m) && m < min : value.Length < min)
                    {
                        v.Add("value", "min", numeric ? $"The value must be at least {min}." : $"The value must be at least {min} characters.");
                    }

                    break;
                case "numeric" when !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _):
                    v.Add("value", "numeric", "The value must be a number.");
                    break;
                case "integer" when !long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _):
                    v.Add("value", "integer", "The value must be an integer.");
                    break;
                case "in" when !arg.Split(',').Contains(value, StringComparer.Ordinal):
                    v.Add("value", "in", "The selected value is invalid.");
                    break;
                case "regex" when arg.Length > 2 && !PhpRegex(arg).IsMatch(value):
                    v.Add("value", "regex", "The value format is invalid.");
                    break;
            }
        }
    }

    // "/pattern/flags" as PHP writes it.
    private static Regex PhpRegex(string pattern)
    {
        var end = pattern.LastIndexOf(pattern[0]);
        var body = end > 0 ? pattern[1..end] : pattern;
        var options = end > 0 && pattern[(end + 1)..].Contains('i') ? RegexOptions.IgnoreCase : RegexOptions.None;
        return new Regex(body, options | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }
}
