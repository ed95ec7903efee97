using System.CommandLine;

namespace PteroAot.Cli.Commands.Admin;

/// <summary><c>ptero admin nodes ...</c></summary>
internal static class AdminNodeCommands
{
    public static Command Build()
    {
        var group = new Command("nodes", "Nodes and their configuration (Application API).");
        return group;
    }
}
