using System.CommandLine;
using PteroAot.Cli.Infrastructure;
using PteroAot.Startup;

namespace PteroAot.Cli.Commands;

/// <summary><c>ptero startup list|set</c></summary>
internal static class StartupCommands
{
    public static Command Build()
    {
        var group = new Command("startup", "Startup command and variables of a server.");
        group.Add(List());
        group.Add(Set());
        return group;
    }

    private static Command List()
    {
        var server = Args.Server();
        var command = new Command("list", "Show the startup command and the variables.") { server };
        command.Aliases.Add("ls");
        command.Handle(async c =>
        {
            var result = await c.Client.Startup.GetAsync(c.Get(server), c.CancellationToken);
            if (!c.Json && result.Meta is { } meta)
                c.Out.WriteLine($"Startup: {Terminal.Term.Clean(meta.StartupCommand)}\n");
            var output = c.List(StartupJsonContext.Default.EggVariable, "KEY", "VALUE", "EDITABLE", "NAME");
            foreach (var v in result.Items)
                output.Add(v, v.EnvVariable, v.EffectiveValue ?? "", v.IsEditable ? "yes" : "no", v.Name);
            return output.Finish("No variables.");
        });
        return command;
    }

    private static Command Set()
    {
        var server = Args.Server();
        var key = new Argument<string>("key") { Description = "The variable's environment name, e.g. SERVER_JARFILE." };
        var value = new Argument<string>("value") { Description = "The new value." };
        var command = new Command("set", "Set a startup variable.") { server, key, value };
        command.Handle(async c =>
        {
            var updated = await c.Client.Startup.UpdateVariableAsync(c.Get(server), c.Get(key), c.Get(value), c.CancellationToken);
            if (c.Json)
                c.WriteJson(updated.Attributes, StartupJsonContext.Default.EggVariable);
            else
                c.Done($"{updated.Attributes.EnvVariable} = {updated.Attributes.EffectiveValue}");
            return ExitCodes.Success;
        });
        return command;
    }
}
