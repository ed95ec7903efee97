using System.CommandLine;

namespace PteroAot.Cli.Commands.Admin;

/// <summary><c>ptero admin servers ...</c></summary>
internal static class AdminServerCommands
{
    public static Command Build()
    {
        var group = new Command("servers", "Servers: list, show, create, update, suspend, reinstall, delete (Application API).");
        group.Add(AdminServerCreateCommand.Build());
        return group;
    }
}
