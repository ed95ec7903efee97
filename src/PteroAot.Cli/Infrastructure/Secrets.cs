namespace PteroAot.Cli.Infrastructure;

/// <summary>Masks API keys and keeps a list of secrets that must never be printed.</summary>
internal static class Secrets
{
    private static readonly List<string> s_known = [];

    /// <summary>Shows the prefix and a few characters, never the secret part: <c>ptlc_Kq8Z…(48 chars)</c>.</summary>
    public static string Mask(string? key)
    {
        if (string.IsNullOrEmpty(key))
            return "(none)";
        int visible = key.StartsWith("ptlc_", StringComparison.Ordinal) || key.StartsWith("ptla_", StringComparison.Ordinal) ? 9 : 4;
        // Never show more than the identifier part (first 16 characters), and not even that for short keys.
        if (key.Length < visible + 12)
            visible = 0;
        return $"{key[..visible]}…({key.Length} chars)";
    }

    /// <summary>Remembers a secret (key or password) so that <see cref="Redact"/> can scrub it from messages.</summary>
    public static void Register(string? secret)
    {
        if (!string.IsNullOrEmpty(secret) && secret.Length >= 4)
        {
            lock (s_known)
                s_known.Add(secret);
        }
    }

    /// <summary>Replaces every registered secret in <paramref name="text"/> with <c>***</c>.</summary>
    public static string Redact(string text)
    {
        lock (s_known)
        {
            foreach (var secret in s_known)
                text = text.Replace(secret, "***", StringComparison.Ordinal);
        }
        return text;
    }
}
