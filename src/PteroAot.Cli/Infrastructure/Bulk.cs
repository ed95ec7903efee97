using System.CommandLine;
using PteroAot.Cli.Terminal;

namespace PteroAot.Cli.Infrastructure;

/// <summary>The result of one server in a bulk run (json/jsonl output).</summary>
internal sealed record BulkResult(string Server, string Action, bool Ok, bool DryRun, string? Error, int? ExitCode);

/// <summary>
/// Runs one action on many servers: targets from arguments, <c>--all</c>, or <c>--from-file PATH|-</c>; bounded
/// concurrency; <c>--dry-run</c> sends nothing; a summary line and exit 8 when some failed.
/// </summary>
internal sealed class Bulk
{
    public Option<bool> All { get; } = new("--all") { Description = "Every server of the account (owned and shared)." };

    public Option<string?> FromFile { get; } = new("--from-file") { Description = "Read server identifiers or UUIDs from a file, one per line ('-' for stdin; '#' starts a comment).", HelpName = "path" };

    public Option<int> MaxConcurrency { get; } = new("--max-concurrency")
    {
        Description = "At most N requests at a time (default 4); the client waits out 429 Retry-After.",
        HelpName = "n",
        DefaultValueFactory = _ => 4,
        Validators = { r => { if (r.GetValueOrDefault<int>() is < 1 or > 64) r.AddError("--max-concurrency must be between 1 and 64."); } },
    };

    public Option<bool> DryRun { get; } = new("--dry-run") { Description = "Print what would be sent and send nothing." };

    public Option<bool> ContinueOnError { get; } = new("--continue-on-error") { Description = "Keep going when a server fails (the default)." };

    public Option<bool> FailFast { get; } = new("--fail-fast") { Description = "Stop starting new servers after the first failure." };

    public void AddTo(Command command)
    {
        command.Add(All);
        command.Add(FromFile);
        command.Add(MaxConcurrency);
        command.Add(DryRun);
        command.Add(ContinueOnError);
        command.Add(FailFast);
        command.Validators.Add(r =>
        {
            if (r.GetResult(ContinueOnError) is { Implicit: false } && r.GetResult(FailFast) is { Implicit: false })
                r.AddError("give at most one of --continue-on-error and --fail-fast.");
            if (r.GetResult(All) is { Implicit: false } && r.GetResult(FromFile) is { Implicit: false })
                r.AddError("give at most one of --all and --from-file.");
        });
    }

    /// <summary>Collects the targets: explicit ids, plus the file's or every server with <c>--all</c>. Names are known only with <c>--all</c>.</summary>
    public async Task<List<(ServerIdentifier Id, string? Name)>> TargetsAsync(CliContext c, IEnumerable<string> explicitIds)
    {
        var targets = new List<(ServerIdentifier, string?)>();
        foreach (var text in explicitIds)
            targets.Add((Args.ParseServer(text), null));
        if (c.Get(FromFile) is { } path)
        {
            string content;
            try
            {
                content = path == "-" ? await Console.In.ReadToEndAsync(c.CancellationToken) : await File.ReadAllTextAsync(path, c.CancellationToken);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new UsageException($"cannot read {path}: {ex.Message}");
            }
            foreach (var raw in content.Split('\n'))
            {
                var line = raw.Split('#', 2)[0].Trim();
                if (line.Length > 0)
                    targets.Add((Args.ParseServer(line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)[0]), null));
            }
        }
        if (c.Get(All))
        {
            await foreach (var s in c.Client.Servers.EnumerateAsync(cancellationToken: c.CancellationToken))
                targets.Add((s.Identifier, s.Name));
        }
        // The same server twice would get the action twice.
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        targets.RemoveAll(t => !seen.Add(t.Item1.Value));
        if (targets.Count == 0)
            throw new UsageException(c.Get(All) || c.Get(FromFile) is not null ? "no servers to act on." : "name at least one server, or use --all or --from-file PATH|-.");
        return targets;
    }

    /// <summary>Runs <paramref name="action"/> on every target and prints one line per server and the summary.</summary>
    public async Task<int> RunAsync(CliContext c, IReadOnlyList<(ServerIdentifier Id, string? Name)> targets, string description,
        Func<ServerIdentifier, CancellationToken, Task> action)
    {
        string Label((ServerIdentifier Id, string? Name) t) => t.Name is null ? t.Id.Value : $"{t.Id.Value} ({Term.Clean(t.Name)})";

        if (c.Get(DryRun))
        {
            foreach (var t in targets)
            {
                if (c.Json)
                    c.Out.WriteLine(Output.Compact(new BulkResult(t.Id.Value, description, true, true, null, null), CliContext.CliJson.BulkResult));
                else
                    c.Out.WriteLine($"would send {description} to {Label(t)}");
            }
            c.Note($"dry run: {targets.Count} server(s), nothing sent.");
            return ExitCodes.Success;
        }

        // A single server behaves like a plain command: its own error and exit code.
        if (targets.Count == 1)
        {
            await action(targets[0].Id, c.CancellationToken);
            if (c.Json)
                c.Out.WriteLine(Output.Compact(new BulkResult(targets[0].Id.Value, description, true, false, null, null), CliContext.CliJson.BulkResult));
            else
                c.Done($"{description}: {Label(targets[0])} ok");
            return ExitCodes.Success;
        }

        bool failFast = c.Get(FailFast);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(c.CancellationToken);
        using var gate = new SemaphoreSlim(c.Get(MaxConcurrency));
        var outLock = new object();
        int succeeded = 0, failed = 0, skipped = 0;

        async Task RunOne((ServerIdentifier Id, string? Name) t)
        {
            try
            {
                await gate.WaitAsync(stop.Token);
            }
            catch (OperationCanceledException)
            {
                Interlocked.Increment(ref skipped);
                return;
            }
            try
            {
                if (stop.IsCancellationRequested)
                {
                    Interlocked.Increment(ref skipped);
                    return;
                }
                await action(t.Id, c.CancellationToken);
                Interlocked.Increment(ref succeeded);
                lock (outLock)
                {
                    if (c.Json)
                        c.Out.WriteLine(Output.Compact(new BulkResult(t.Id.Value, description, true, false, null, null), CliContext.CliJson.BulkResult));
                    else if (!c.Globals.Quiet)
                        c.Out.WriteLine($"ok    {Label(t)}");
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !c.CancellationToken.IsCancellationRequested)
            {
                Interlocked.Increment(ref failed);
                var (message, code) = Runner.Describe(ex);
                message = Secrets.Redact(Term.Clean(message));
                lock (outLock)
                {
                    if (c.Json)
                        c.Out.WriteLine(Output.Compact(new BulkResult(t.Id.Value, description, false, false, message, code), CliContext.CliJson.BulkResult));
                    else
                        c.Out.WriteLine($"FAIL  {Label(t)}: {message}");
                }
                if (failFast)
                    await stop.CancelAsync();
            }
            finally
            {
                gate.Release();
            }
        }

        await Task.WhenAll(targets.Select(RunOne));
        c.CancellationToken.ThrowIfCancellationRequested();

        var summary = $"{succeeded} succeeded, {failed} failed" + (skipped > 0 ? $", {skipped} skipped (--fail-fast)" : "");
        if (c.Json)
            c.Err.WriteLine(summary);
        else
            c.Out.WriteLine(summary);
        return failed + skipped > 0 ? ExitCodes.PartialFailure : ExitCodes.Success;
    }
}
