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
        LaravelRules.CheckVariable(v, "value", "value", variable.Rules, rawValue);
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
