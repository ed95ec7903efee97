using System.CommandLine;
using System.CommandLine.Completions;
using PteroAot.Cli.Config;

namespace PteroAot.Cli.Infrastructure;

/// <summary>
/// Dynamic completion of <c>&lt;server&gt;</c>: the account's server identifiers (names as details), fetched with the
/// connection the command would use. Completion must never print an error or hang: any failure, a missing connection
/// or a panel slower than <see cref="Timeout"/> gives no items.
/// </summary>
internal static class ServerCompletion
{
    /// <summary>The whole budget for one completion request (connection, paging, everything).</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(1500);

    private const int MaxItems = 200;

    public static IEnumerable<CompletionItem> Complete(CompletionContext context)
    {
        try
        {
            using var cts = new CancellationTokenSource(Timeout);
            var task = Task.Run(() => FetchAsync(context.ParseResult, cts.Token), cts.Token);
            // Wait never throws for a faulted or cancelled task here: the bool says whether it finished in time.
            if (!((IAsyncResult)task).AsyncWaitHandle.WaitOne(Timeout) || !task.IsCompletedSuccessfully)
            {
                cts.Cancel();
                return [];
            }
            return task.Result;
        }
        catch (Exception)
        {
            return [];
        }
    }

    private static async Task<List<CompletionItem>> FetchAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var globals = Globals.From(parseResult);
        var configPath = ConfigStore.ResolvePath(globals.ConfigPath);
        var resolved = ConnectionResolver.Resolve(globals, ConfigStore.Load(configPath), configPath);
        if (resolved.Url is null || resolved.Token is null
            || !Uri.TryCreate(resolved.Url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            return [];
        var options = new PteroClientOptions
        {
            MaxRateLimitRetries = 0,
            Timeout = Timeout,
            UserAgent = "ptero-cli/1.0",
        };
        using var client = new PteroClient(resolved.Url, resolved.Token, options);
        var items = new List<CompletionItem>();
        await foreach (var s in client.Servers.EnumerateAsync(perPage: 100, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            items.Add(new CompletionItem(s.Identifier.Value, detail: s.Name));
            if (items.Count >= MaxItems)
                break;
        }
        return items;
    }
}
