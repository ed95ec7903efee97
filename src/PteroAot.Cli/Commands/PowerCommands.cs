using System.CommandLine;
using System.CommandLine.Parsing;
using PteroAot.Cli.Infrastructure;
using PteroAot.Servers;

namespace PteroAot.Cli.Commands;

/// <summary><c>ptero power start|stop|restart|kill &lt;server&gt;...</c> and <c>ptero command &lt;server&gt;... -- "text"</c>, with bulk options.</summary>
internal static class PowerCommands
{
    public static Command BuildPower()
    {
        var group = new Command("power", "Send a power signal to one or many servers.");
        group.Add(Signal("start", "Start the servers.", PowerSignal.Start));
        group.Add(Signal("stop", "Stop the servers (graceful).", PowerSignal.Stop));
        group.Add(Signal("restart", "Restart the servers.", PowerSignal.Restart));
        group.Add(Signal("kill", "Kill the servers' processes at once.", PowerSignal.Kill));
        return group;
    }

    private static Command Signal(string name, string description, PowerSignal signal)
    {
        var servers = new Argument<string[]>("server") { Description = "Server identifiers or UUIDs.", Arity = ArgumentArity.ZeroOrMore };
        var bulk = new Bulk();
        var command = new Command(name, description) { servers };
        bulk.AddTo(command);
        command.Handle(async c =>
        {
            var targets = await bulk.TargetsAsync(c, c.Get(servers) ?? []);
            return await bulk.RunAsync(c, targets, name, (id, ct) => c.Client.Servers.SendPowerSignalAsync(id, signal, ct));
        });
        return command;
    }

    public static Command BuildCommand()
    {
        var servers = new Argument<string[]>("server") { Description = "Server identifiers or UUIDs, then -- and the console command.", Arity = ArgumentArity.ZeroOrMore };
        var text = new Option<string?>("--command") { Description = "The console command (instead of -- TEXT).", HelpName = "text" };
        var bulk = new Bulk();
        var command = new Command("command", "Send a console command to one or many servers: ptero command SERVER... -- \"say hello\".") { servers, text };
        bulk.AddTo(command);
        command.Handle(async c =>
        {
            // Tokens after "--" are the console command; the rest are servers.
            var tokens = c.ParseResult.Tokens;
            int dashes = -1;
            for (int i = 0; i < tokens.Count; i++)
            {
                if (tokens[i].Type == TokenType.DoubleDash)
                {
                    dashes = i;
                    break;
                }
            }
            var afterDashes = dashes < 0 ? [] : tokens.Skip(dashes + 1).Select(t => t.Value).ToList();
            var all = c.Get(servers) ?? [];
            var ids = all.Take(Math.Max(0, all.Length - afterDashes.Count)).ToList();
            var line = c.Get(text);
            if (line is not null && afterDashes.Count > 0)
                throw new UsageException("give the console command either with --command or after --, not both.");
            line ??= afterDashes.Count > 0 ? string.Join(' ', afterDashes) : null;
            if (string.IsNullOrWhiteSpace(line))
                throw new UsageException("no console command: ptero command SERVER -- \"say hello\" (or --command TEXT).");
            var targets = await bulk.TargetsAsync(c, ids);
            return await bulk.RunAsync(c, targets, $"command '{Terminal.Term.Clean(line)}'", (id, ct) => c.Client.Servers.SendCommandAsync(id, line, ct));
        });
        return command;
    }
}
