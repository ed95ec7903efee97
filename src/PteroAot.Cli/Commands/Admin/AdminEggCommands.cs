using System.CommandLine;
using System.Globalization;
using PteroAot.Application;
using PteroAot.Cli.Infrastructure;
using PteroAot.Cli.Terminal;

namespace PteroAot.Cli.Commands.Admin;

/// <summary><c>ptero admin eggs list &lt;nest&gt;|show &lt;nest&gt; &lt;egg&gt;</c></summary>
internal static class AdminEggCommands
{
    public static Command Build()
    {
        var group = new Command("eggs", "Eggs of a nest, with their variables (Application API).");
        group.Add(List());
        group.Add(Show());
        return group;
    }

    private static Argument<int> NestArg() => Args.Number("nest", "The nest's numeric id (see 'ptero admin nests list').");

    private static Command List()
    {
        var nest = NestArg();
        var command = new Command("list", "List the eggs of a nest.") { nest };
        command.Aliases.Add("ls");
        command.Handle(async c =>
        {
            // Not paginated: one response holds every egg of the nest.
            var eggs = await c.Client.Application.Nests.ListEggsAsync(new NestId(c.Get(nest)), EggInclude.None, c.CancellationToken);
            var output = c.List(ApplicationJsonContext.Default.Egg, "ID", "NAME", "DOCKER IMAGE", "AUTHOR");
            foreach (var e in eggs.Items)
                output.Add(e, e.Id.ToString(), e.Name, e.DockerImage, e.Author);
            return output.Finish("No eggs in this nest.");
        });
        return command;
    }

    private static Command Show()
    {
        var nest = NestArg();
        var egg = Args.Number("egg", "The egg's numeric id (see 'ptero admin eggs list <nest>').");
        var command = new Command("show", "Show an egg: images, startup command and its variables with defaults and rules.") { nest, egg };
        command.Handle(async c =>
        {
            var e = await c.Client.Application.Nests.GetEggAsync(new NestId(c.Get(nest)), new EggId(c.Get(egg)), EggInclude.Variables, c.CancellationToken);
            if (c.Json)
            {
                c.WriteJson(e, ApplicationJsonContext.Default.Egg);
                return ExitCodes.Success;
            }
            c.WriteDetails(new Details()
                .Add("Id", e.Id.ToString())
                .Add("UUID", e.Uuid.ToString("D"))
                .Add("Name", e.Name)
                .Add("Nest", e.NestId.ToString())
                .Add("Author", e.Author)
                .Add("Description", e.Description ?? "-")
                .Add("Docker images", e.DockerImages.Count == 0 ? "-" : string.Join(", ", e.DockerImages.Select(p => $"{p.Key}: {p.Value}")))
                .Add("Startup", e.Startup)
                .Add("Created", e.CreatedAt.ToString("u", CultureInfo.InvariantCulture)));
            var variables = e.Variables ?? [];
            if (variables.Count == 0)
            {
                c.Note("No variables.");
                return ExitCodes.Success;
            }
            c.Out.WriteLine();
            var table = new Table(["VARIABLE", "NAME", "DEFAULT", "RULES", "USER EDITABLE"]);
            foreach (var v in variables)
                table.Add(v.EnvVariable, v.Name, string.IsNullOrEmpty(v.DefaultValue) ? "-" : v.DefaultValue, v.Rules, v.UserEditable ? "yes" : "no");
            c.WriteTable(table);
            return ExitCodes.Success;
        });
        return command;
    }
}
