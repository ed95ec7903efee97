using System.CommandLine;

namespace PteroAot.Cli.Commands.Admin;

/// <summary><c>ptero admin ...</c>: the Application API, for a root admin's key (an application key <c>ptla_</c> or an admin's client key).</summary>
internal static class AdminCommands
{
    public static Command Build()
    {
        var group = new Command("admin", "Panel administration through the Application API (needs an application key or a root admin's key).");
        group.Add(AdminUserCommands.Build());
        group.Add(AdminLocationCommands.Build());
        group.Add(AdminNodeCommands.Build());
        group.Add(AdminAllocationCommands.Build());
        group.Add(AdminServerCommands.Build());
        group.Add(AdminDatabaseCommands.Build());
        group.Add(AdminNestCommands.Build());
        group.Add(AdminEggCommands.Build());
        return group;
    }
}
