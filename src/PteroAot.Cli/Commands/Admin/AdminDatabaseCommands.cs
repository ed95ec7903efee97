using System.CommandLine;

namespace PteroAot.Cli.Commands.Admin;

/// <summary><c>ptero admin databases ...</c></summary>
internal static class AdminDatabaseCommands
{
    public static Command Build()
    {
        var group = new Command("databases", "Databases of a server (Application API).");
        return group;
    }
}
