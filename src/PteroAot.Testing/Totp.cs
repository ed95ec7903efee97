using System.Security.Cryptography;
using System.Text;

namespace PteroAot.Testing;

/// <summary>
/// RFC 6238 time-based one-time passwords (HMAC-SHA1, 30 second step, 6 digits), the
/// variant Pterodactyl (Google2FA) uses, plus RFC 4648 base32 helpers.
/// </summary>
public static class Totp
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    /// <summary>The time step in seconds.</summary>
    public const int StepSeconds = 30;

    /// <summary>Computes the 6-digit code for <paramref name="base32Secret"/> at <paramref name="time"/>.</summary>
    /// <param name="base32Secret">The shared secret, base32 (case-insensitive, padding and spaces ignored).</param>
    /// <param name="time">The instant to compute the code for.</param>
    /// <returns>Six decimal digits, zero-padded.</returns>
    public static string Compute(string base32Secret, DateTimeOffset time) =>
        ComputeForCounter(Base32Decode(base32Secret), time.ToUnixTimeSeconds() / StepSeconds);

    /// <summary>
    /// Checks <paramref name="code"/> against the codes of the steps from
    /// <c>now - window</c> to <c>now + window</c>.
    /// </summary>
    /// <param name="base32Secret">The shared secret, base32.</param>
    /// <param name="code">The code the user typed.</param>
    /// <param name="now">The current time.</param>
    /// <param name="window">How many 30 second steps either side are accepted.</param>
    /// <returns><see langword="true"/> when the code matches one of those steps.</returns>
    public static bool Verify(string base32Secret, string code, DateTimeOffset now, int window = 1)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (code.Length != 6 || !code.All(char.IsAsciiDigit))
        {
            return false;
        }

        var key = Base32Decode(base32Secret);
        var counter = now.ToUnixTimeSeconds() / StepSeconds;
        var match = false;
        for (var i = -window; i <= window; i++)
        {
            // Compare every candidate in constant time; do not stop early.
            match |= CryptographicOperations.FixedTimeEquals(
                Encoding.ASCII.GetBytes(ComputeForCounter(key, counter + i)), Encoding.ASCII.GetBytes(code));
        }

        return match;
    }

    /// <summary>Encodes bytes as unpadded upper-case RFC 4648 base32.</summary>
    /// <param name="data">The bytes to encode.</param>
    /// <returns>The base32 text.</returns>
    public static string Base32Encode(ReadOnlySpan<byte> data)
    {
        var sb = new StringBuilder((data.Length * 8 + 4) / 5);
        int buffer = 0, bits = 0;
        foreach (var b in data)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                sb.Append(Alphabet[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }

        if (bits > 0)
        {
            sb.Append(Alphabet[(buffer << (5 - bits)) & 31]);
        }

        return sb.ToString();
    }

    /// <summary>Decodes RFC 4648 base32 (case-insensitive; '=' padding, spaces and dashes ignored).</summary>
    /// <param name="text">The base32 text.</param>
    /// <returns>The decoded bytes.</returns>
    /// <exception cref="FormatException">A character outside the base32 alphabet was found.</exception>
    public static byte[] Base32Decode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var output = new List<byte>(text.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var raw in text)
        {
            if (raw is '=' or ' ' or '-')
            {
                continue;
            }

            var value = Alphabet.IndexOf(char.ToUpperInvariant(raw));
            if (value < 0)
            {
                throw new FormatException($"'{raw}' is not a base32 character.");
            }

            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                output.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }

        return [.. output];
    }

    private static string ComputeForCounter(byte[] key, long counter)
    {
        Span<byte> message = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(message, counter);
        Span<byte> hash = stackalloc byte[20];
        HMACSHA1.HashData(key, message, hash);
        var offset = hash[19] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }
}
