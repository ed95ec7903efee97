using System.CommandLine;

namespace PteroAot.Cli.Commands.Admin;

/// <summary><c>ptero admin nests ...</c></summary>
internal static class AdminNestCommands
{
    public static Command Build()
    {
        var group = new Command("nests", "Nests (Application API).");
        return group;
    }
}
