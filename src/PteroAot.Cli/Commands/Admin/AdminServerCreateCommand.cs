using System.CommandLine;

namespace PteroAot.Cli.Commands.Admin;

/// <summary><c>ptero admin servers create</c>: creates a server through the server builder (flags or a JSON file).</summary>
internal static class AdminServerCreateCommand
{
    public static Command Build()
    {
        var command = new Command("create", "Create a server (checked against the egg's variables and rules before sending).");
        return command;
    }
}
