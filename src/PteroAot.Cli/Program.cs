using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using PteroAot.Cli.Commands;
using PteroAot.Cli.Config;
using PteroAot.Cli.Infrastructure;

namespace PteroAot.Cli;

/// <summary>The <c>ptero</c> entry point: builds the command tree, maps parse errors to exit 2, runs the command.</summary>
public static class Program
{
    /// <summary>Runs ptero; the return value is the process exit code (see <see cref="ExitCodes"/>).</summary>
    public static async Task<int> Main(string[] args)
    {
        try
        {
            var root = BuildRoot();
            var parseResult = root.Parse(args);
            if (parseResult.Errors.Count > 0 && parseResult.Action is ParseErrorAction or null)
                return ReportParseErrors(parseResult);

            var configuration = new InvocationConfiguration
            {
                ProcessTerminationTimeout = TimeSpan.FromSeconds(2),
                EnableDefaultExceptionHandler = false,
            };
            return await parseResult.InvokeAsync(configuration).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // Last line of defence: no exception may reach the runtime (a Native AOT crash exits 134).
            return Runner.Report(ex, CancellationToken.None);
        }
    }

    internal static RootCommand BuildRoot()
    {
        var root = new RootCommand("ptero - command line for the Pterodactyl game-server panel API.");
        foreach (var option in GlobalOptions.All)
            root.Add(option);
        root.Add(AccountCommands.Build());
        root.Add(ConfigCommands.Build());
        root.Add(ServerCommands.Build());
        root.Add(PowerCommands.BuildPower());
        root.Add(PowerCommands.BuildCommand());
        root.Add(FileCommands.Build());
        root.Add(DatabaseCommands.Build());
        root.Add(ScheduleCommands.Build());
        root.Add(AllocationCommands.Build());
        root.Add(SubuserCommands.Build());
        root.Add(BackupCommands.Build());
        root.Add(StartupCommands.Build());
        root.Add(SettingsCommands.Build());
        root.Add(Commands.Admin.AdminCommands.Build());
        root.Add(CompletionCommands.Build());
        root.Add(ApiCommands.Build());
        foreach (var command in ConsoleCommands.Build())
            root.Add(command);

        // Append the connection rules and exit codes to the help of every command (full text on the root).
        foreach (var help in root.Options.OfType<HelpOption>())
        {
            if (help.Action is HelpAction original)
                help.Action = new HelpWithEpilog(original);
        }
        return root;
    }

    private static int ReportParseErrors(ParseResult parseResult)
    {
        var err = Console.Error;
        var color = Terminal.Term.ColorErr;
        foreach (var error in parseResult.Errors)
            err.WriteLine($"{Terminal.Term.Red("error:", color)} {Secrets.Redact(error.Message)}");
        var path = new List<string>();
        for (var result = parseResult.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
            path.Add(result.Command is RootCommand ? "ptero" : result.Command.Name);
        path.Reverse();
        err.WriteLine($"Run '{string.Join(' ', path)} --help' for usage.");
        return ExitCodes.Usage;
    }

    private sealed class HelpWithEpilog(HelpAction inner) : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            inner.Invoke(parseResult);
            var output = parseResult.InvocationConfiguration.Output;
            if (parseResult.CommandResult.Command is RootCommand)
            {
                output.WriteLine(ConnectionResolver.HelpText);
                output.WriteLine();
                output.WriteLine(ExitCodes.HelpText);
                output.WriteLine();
            }
            else
            {
                output.WriteLine("Connection: --url/--token, then --profile, then PTERO_URL/PTERO_TOKEN, then the default profile; exit codes: see 'ptero --help'.");
                output.WriteLine();
            }
            return ExitCodes.Success;
        }
    }
}
