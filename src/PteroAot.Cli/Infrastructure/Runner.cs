using System.CommandLine;
using System.Net;
using PteroAot.Backups;
using PteroAot.Cli.Terminal;

namespace PteroAot.Cli.Infrastructure;

/// <summary>Runs a command body and turns every exception into a message on stderr and an exit code.</summary>
internal static class Runner
{
    /// <summary>Sets <paramref name="command"/>'s action to <paramref name="body"/>, wrapped in the error handling.</summary>
    public static void Handle(this Command command, Func<CliContext, Task<int>> body)
        => command.SetAction((parseResult, cancellationToken) => RunAsync(parseResult, cancellationToken, body));

    public static async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken, Func<CliContext, Task<int>> body)
    {
        try
        {
            using var context = new CliContext(parseResult, cancellationToken);
            return await body(context).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            return Report(ex, cancellationToken, parseResult.CommandResult.Command);
        }
    }

    /// <summary>Prints the error (never a stack trace, never a secret) and returns its exit code.</summary>
    public static int Report(Exception ex, CancellationToken cancellationToken, Command? command = null)
    {
        var err = Console.Error;
        bool color = Term.ColorErr;
        void Line(string text) => err.WriteLine(Secrets.Redact(text));
        string Prefix() => Term.Red("error:", color);

        switch (ex)
        {
            case OperationCanceledException when cancellationToken.IsCancellationRequested:
                Line("interrupted.");
                return ExitCodes.Interrupted;

            case OperationCanceledException:
                Line($"{Prefix()} the operation was cancelled.");
                return ExitCodes.Interrupted;

            case UsageException usage:
                Line($"{Prefix()} {usage.Message}");
                if (command is not null)
                    Line($"Run '{CommandPath(command)} --help' for usage.");
                return ExitCodes.Usage;

            case CliException cli:
                Line($"{Prefix()} {cli.Message}");
                return cli.ExitCode;

            case PteroValidationException validation:
                Line($"{Prefix()} the panel rejected the input ({(int)validation.StatusCode}):");
                foreach (var (field, messages) in validation.FieldErrors)
                {
                    foreach (var message in messages)
                        Line(field.Length == 0 ? $"  {Term.Clean(message)}" : $"  {Term.Clean(field)}: {Term.Clean(message)}");
                }
                return ExitCodes.Validation;

            case PteroRateLimitException rate:
                var wait = rate.RetryAfter is { } after ? $"retry after {Math.Max(1, (int)Math.Ceiling(after.TotalSeconds))} s" : "retry later";
                Line($"{Prefix()} rate limited by the panel (429 {Term.Clean(rate.Detail ?? "Too Many Attempts.")}); {wait}.");
                return ExitCodes.RateLimited;

            case PteroApiException api:
                Line($"{Prefix()} {ApiMessage(api)}");
                return ExitCodeFor(api.StatusCode);

            case PteroResponseException response:
                Line($"{Prefix()} unexpected answer from the panel: {Term.Clean(response.Message)}");
                return ExitCodes.Unavailable;

            // Backup failures, timeouts and checksum mismatches, and transport errors: their messages say it all.
            case PteroBackupException or PteroTransportException:
                Line($"{Prefix()} {Term.Clean(ex.Message)}");
                return ExitCodes.Unavailable;

            case HttpRequestException http:
                Line($"{Prefix()} could not reach the panel: {Term.Clean(http.Message)}");
                return ExitCodes.Unavailable;

            default:
                Line($"{Prefix()} unexpected {ex.GetType().Name}: {Term.Clean(ex.Message)}");
                return ExitCodes.Unexpected;
        }
    }

    internal static string ApiMessage(PteroApiException api)
    {
        var status = (int)api.StatusCode;
        var detail = api.Errors.Count > 0 ? string.Join("; ", api.Errors.Select(e => Term.Clean(e.Detail))) : null;
        var what = status switch
        {
            401 => "the panel did not accept the API key (401)",
            403 => "permission denied (403)",
            404 => "not found (404)",
            >= 500 => $"the panel failed ({status})",
            _ => $"the panel refused the request ({status})",
        };
        var text = detail is null ? $"{what} on {api.Method} {api.Path}." : $"{what}: {detail}";
        if (status == 401)
            text += " Check PTERO_TOKEN, --token or the profile's key ('ptero config show').";
        if (status == 403 && api.Errors.Count > 0 && api.Errors[0].Detail.Contains("application", StringComparison.OrdinalIgnoreCase))
            text += " Account commands need a client key (ptlc_).";
        return text;
    }

    /// <summary>A one-line message and exit code for a failure inside a bulk run (nothing printed).</summary>
    public static (string Message, int ExitCode) Describe(Exception ex) => ex switch
    {
        UsageException usage => (usage.Message, ExitCodes.Usage),
        CliException cli => (cli.Message, cli.ExitCode),
        PteroValidationException v => ($"the panel rejected the input ({(int)v.StatusCode}): " + string.Join("; ", v.FieldErrors.SelectMany(f => f.Value.Select(m => f.Key.Length == 0 ? m : $"{f.Key}: {m}"))), ExitCodes.Validation),
        PteroRateLimitException => ("rate limited by the panel (429)", ExitCodes.RateLimited),
        PteroApiException api => (ApiMessage(api), ExitCodeFor(api.StatusCode)),
        PteroResponseException or PteroTransportException or PteroBackupException or HttpRequestException => (ex.Message, ExitCodes.Unavailable),
        OperationCanceledException => ("cancelled", ExitCodes.Interrupted),
        _ => ($"unexpected {ex.GetType().Name}: {ex.Message}", ExitCodes.Unexpected),
    };

    public static int ExitCodeFor(HttpStatusCode statusCode) => (int)statusCode switch
    {
        401 or 403 => ExitCodes.Auth,
        404 => ExitCodes.NotFound,
        429 => ExitCodes.RateLimited,
        >= 500 => ExitCodes.Unavailable,
        >= 400 => ExitCodes.Validation,
        _ => ExitCodes.Unavailable,
    };

    private static string CommandPath(Command command)
    {
        var names = new List<string>();
        for (Symbol? s = command; s is not null; s = s.Parents.OfType<Command>().FirstOrDefault())
            names.Add(s is RootCommand ? "ptero" : s.Name);
        names.Reverse();
        return string.Join(' ', names);
    }
}
