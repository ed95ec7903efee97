using System.CommandLine;
using System.Globalization;
using PteroAot.Application;
using PteroAot.Cli.Infrastructure;
using PteroAot.Cli.Terminal;

namespace PteroAot.Cli.Commands.Admin;

/// <summary><c>ptero admin nests list|show</c></summary>
internal static class AdminNestCommands
{
    public static Command Build()
    {
        var group = new Command("nests", "Nests (Application API).");
        group.Add(List());
        group.Add(Show());
        return group;
    }

    private static Command List()
    {
        var limit = Args.Limit();
        var command = new Command("list", "List nests with their eggs, paging through all of them.") { limit };
        command.Aliases.Add("ls");
        command.Handle(async c =>
        {
            var max = c.Get(limit);
            var output = c.List(ApplicationJsonContext.Default.Nest, "ID", "NAME", "AUTHOR", "EGGS");
            await foreach (var n in c.Client.Application.Nests.EnumerateAsync(NestInclude.Eggs, max is { } m ? Math.Clamp(m, 1, 100) : 100, c.CancellationToken))
            {
                if (output.Count >= max)
                    break;
                output.Add(n, n.Id.ToString(), n.Name, n.Author, n.Eggs is { } eggs ? string.Join(", ", eggs.Select(e => $"{e.Name} ({e.Id})")) : "-");
            }
            return output.Finish("No nests.");
        });
        return command;
    }

    private static Command Show()
    {
        var nest = Args.Number("nest", "The nest's numeric id (see 'ptero admin nests list').");
        var command = new Command("show", "Show one nest and its eggs.") { nest };
        command.Handle(async c =>
        {
            var n = await c.Client.Application.Nests.GetAsync(new NestId(c.Get(nest)), NestInclude.Eggs, c.CancellationToken);
            if (c.Json)
            {
                c.WriteJson(n, ApplicationJsonContext.Default.Nest);
                return ExitCodes.Success;
            }
            c.WriteDetails(new Details()
                .Add("Id", n.Id.ToString())
                .Add("UUID", n.Uuid.ToString("D"))
                .Add("Name", n.Name)
                .Add("Author", n.Author)
                .Add("Description", n.Description ?? "-")
                .Add("Created", n.CreatedAt.ToString("u", CultureInfo.InvariantCulture)));
            var eggs = n.Eggs ?? [];
            if (eggs.Count == 0)
            {
                c.Note("No eggs.");
                return ExitCodes.Success;
            }
            c.Out.WriteLine();
            var table = new Table(["EGG", "NAME", "DOCKER IMAGE"]);
            foreach (var e in eggs)
                table.Add(e.Id.ToString(), e.Name, e.DockerImage);
            c.WriteTable(table);
            return ExitCodes.Success;
        });
        return command;
    }
}
