using System.CommandLine;

namespace PteroAot.Cli.Commands.Admin;

/// <summary><c>ptero admin locations ...</c></summary>
internal static class AdminLocationCommands
{
    public static Command Build()
    {
        var group = new Command("locations", "Locations (Application API).");
        return group;
    }
}
