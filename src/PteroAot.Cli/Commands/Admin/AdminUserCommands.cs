using System.CommandLine;

namespace PteroAot.Cli.Commands.Admin;

/// <summary><c>ptero admin users ...</c></summary>
internal static class AdminUserCommands
{
    public static Command Build()
    {
        var group = new Command("users", "Panel users (Application API).");
        return group;
    }
}
