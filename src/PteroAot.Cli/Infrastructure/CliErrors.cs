namespace PteroAot.Cli.Infrastructure;

/// <summary>A problem with how ptero was called; exits with <see cref="ExitCodes.Usage"/>.</summary>
internal sealed class UsageException(string message) : Exception(message);

/// <summary>A failure with a chosen exit code and a message that is safe to print.</summary>
internal sealed class CliException(string message, int exitCode) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
