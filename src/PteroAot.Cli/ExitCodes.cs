namespace PteroAot.Cli;

/// <summary>
/// The process exit codes of <c>ptero</c> (also printed at the end of <c>ptero --help</c>).
/// </summary>
/// <remarks>
/// <list type="table">
/// <item><term>0</term><description>success</description></item>
/// <item><term>1</term><description>unexpected error (a bug, or a local I/O failure)</description></item>
/// <item><term>2</term><description>usage error: bad arguments or options, a missing URL/key, a missing stdin flag</description></item>
/// <item><term>3</term><description>authentication or permission: the panel answered 401 or 403</description></item>
/// <item><term>4</term><description>not found: the panel answered 404</description></item>
/// <item><term>5</term><description>rejected input: 422 validation errors, or a 400/409 business error such as a wrong password</description></item>
/// <item><term>6</term><description>rate limited: the panel answered 429</description></item>
/// <item><term>7</term><description>panel unreachable or unexpected answer: transport errors, 5xx, HTML/empty/truncated bodies</description></item>
/// <item><term>8</term><description>partial failure of a bulk run: some servers failed (see the summary line)</description></item>
/// <item><term>9</term><description>timed out: <c>ptero exec</c> saw no line matching <c>--until</c> (nor a quiet period) before <c>--timeout</c></description></item>
/// <item><term>130</term><description>interrupted with Ctrl-C</description></item>
/// </list>
/// </remarks>
public static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Success = 0;

    /// <summary>Something unexpected failed (a bug or a local I/O problem).</summary>
    public const int Unexpected = 1;

    /// <summary>Bad command line, missing connection settings, or missing input (e.g. no <c>--password-stdin</c> on a non-terminal).</summary>
    public const int Usage = 2;

    /// <summary>401 or 403: the key is wrong, revoked, of the wrong type, or lacks permission.</summary>
    public const int Auth = 3;

    /// <summary>404: no such resource.</summary>
    public const int NotFound = 4;

    /// <summary>422 validation errors, or a 400/409 the panel raised for the input (wrong password, already enabled...).</summary>
    public const int Validation = 5;

    /// <summary>429: the panel's rate limit was hit.</summary>
    public const int RateLimited = 6;

    /// <summary>The panel could not be reached, or answered with 5xx or something that is not its JSON API.</summary>
    public const int Unavailable = 7;

    /// <summary>A bulk run (several servers) where some failed; the summary line says how many.</summary>
    public const int PartialFailure = 8;

    /// <summary><c>ptero exec</c>: the timeout expired before <c>--until</c> matched or the output went quiet (the lines so far are printed).</summary>
    public const int TimedOut = 9;

    /// <summary>Interrupted (SIGINT / Ctrl-C).</summary>
    public const int Interrupted = 130;

    /// <summary>The text appended to the root help.</summary>
    public const string HelpText =
        """
        Exit codes:
          0    success
          1    unexpected error
          2    usage error (bad arguments, missing URL/key, missing --password-stdin/--code on a non-terminal)
          3    authentication or permission refused (401/403)
          4    not found (404)
          5    input rejected (422 validation, 400/409 such as a wrong password)
          6    rate limited (429); the message says when to retry
          7    panel unreachable or unexpected answer (network error, 5xx, HTML or truncated body)
          8    partial failure of a bulk run (some servers failed; see the "N succeeded, M failed" line)
          9    timed out (ptero exec: --timeout expired before --until matched; the lines so far are printed)
          130  interrupted (Ctrl-C; console, logs --follow and stats --watch end with 0)
        """;
}
