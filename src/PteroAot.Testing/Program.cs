using System.Globalization;
using System.Runtime.InteropServices;

namespace PteroAot.Testing;

/// <summary>
/// Process mode: <c>PteroAot.Testing [--port N] [--exit-after SECONDS] [--panel-version 1.11.7|1.11.8] [--until-stdin-closes]
/// [--run "COMMAND ARGS"]...</c>.
/// Prints <c>PTERO_URL=</c>, <c>PTERO_TOKEN=</c> and <c>PTERO_ADMIN_TOKEN=</c> lines, then serves until
/// SIGINT/SIGTERM, stdin EOF (with <c>--until-stdin-closes</c>) or the exit-after delay (default 600 s).
/// With <c>--run</c>, it instead runs each command in turn with <c>PTERO_URL</c>/<c>PTERO_TOKEN</c> set to this
/// panel, and exits with the first non-zero exit code (the demo uses this).
/// </summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        var port = 0;
        var exitAfter = 600.0;
        var version = PanelVersion.V1_11_8;
        var untilStdinCloses = false;
        var servers = 0;
        var runs = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            try
            {
                switch (args[i])
                {
                    case "--port":
                        port = int.Parse(Value(), NumberStyles.None, CultureInfo.InvariantCulture);
                        break;
                    case "--servers":
                        servers = int.Parse(Value(), NumberStyles.None, CultureInfo.InvariantCulture);
                        break;
                    case "--exit-after":
                        exitAfter = double.Parse(Value(), NumberStyles.Float, CultureInfo.InvariantCulture);
                        break;
                    case "--panel-version":
                        version = Value() switch
                        {
                            "1.11.7" => PanelVersion.V1_11_7,
                            "1.11.8" => PanelVersion.V1_11_8,
                            var other => throw new ArgumentException($"Unknown panel version '{other}' (1.11.7 or 1.11.8)."),
                        };
                        break;
                    case "--run":
                        runs.Add(Value());
                        break;
                    case "--until-stdin-closes":
                        untilStdinCloses = true;
                        break;
                    case "--help" or "-h":
                        Console.WriteLine("usage: PteroAot.Testing [--port N] [--servers N] [--exit-after SECONDS] [--panel-version 1.11.7|1.11.8] [--until-stdin-closes] [--run \"COMMAND ARGS\"]...");
                        return 0;
                    default:
                        throw new ArgumentException($"Unknown option '{args[i]}'.");
                }
            }
            catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
            {
                await Console.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
                return 2;
            }
        }

        using var stop = new CancellationTokenSource();
        await using var panel = await FakePanel.StartAsync(new FakePanelOptions { Port = port, Version = version }).ConfigureAwait(false);
        for (var i = 1; i <= servers; i++)
            panel.State.CreateServer(panel.DemoUser, $"Extra server {i}");
        Console.Out.Write(
            $"PTERO_URL={panel.BaseUrl}\nPTERO_TOKEN={panel.ClientKey}\nPTERO_ADMIN_TOKEN={panel.ApplicationKey}\n");
        Console.Out.Flush();
        if (runs.Count > 0)
            return await DemoRunner.RunAllAsync(panel, runs, TimeSpan.FromSeconds(exitAfter)).ConfigureAwait(false);

        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.Cancel(); });
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
        if (untilStdinCloses)
        {
            _ = Task.Run(async () =>
            {
                var stdin = Console.OpenStandardInput();
                var buffer = new byte[256];
                while (await stdin.ReadAsync(buffer).ConfigureAwait(false) > 0)
                {
                }

                await stop.CancelAsync().ConfigureAwait(false);
            });
        }

        try
        {
            await Task.Delay(TimeSpan.FromSeconds(exitAfter), stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        return 0;
    }
}
