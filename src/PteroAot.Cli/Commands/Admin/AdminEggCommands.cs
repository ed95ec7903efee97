using System.CommandLine;

namespace PteroAot.Cli.Commands.Admin;

/// <summary><c>ptero admin eggs ...</c></summary>
internal static class AdminEggCommands
{
    public static Command Build()
    {
        var group = new Command("eggs", "Eggs of a nest, with their variables (Application API).");
        return group;
    }
}
