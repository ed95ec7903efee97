using System.CommandLine;

namespace PteroAot.Cli.Commands.Admin;

/// <summary><c>ptero admin allocations ...</c></summary>
internal static class AdminAllocationCommands
{
    public static Command Build()
    {
        var group = new Command("allocations", "Allocations of a node (Application API).");
        return group;
    }
}
