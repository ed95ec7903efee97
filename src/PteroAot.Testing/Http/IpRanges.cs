using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace PteroAot.Testing.Http;

/// <summary>IP address / CIDR range parsing (strict, like the panel's <c>IPTools\Range::parse</c>).</summary>
internal static partial class IpRanges
{
    [GeneratedRegex(@"^\d{1,3}(\.\d{1,3}){3}$")]
    private static partial Regex DottedQuad();

    public static bool TryParse(string? text, out IPNetwork network)
    {
        network = default;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var parts = text.Split('/');
        if (parts.Length > 2 || !TryParseAddress(parts[0], out var address))
        {
            return false;
        }

        var max = address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        var prefix = max;
        if (parts.Length == 2 && (!int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out prefix) || prefix > max))
        {
            return false;
        }

        try
        {
            // Normalise the base address so "10.0.0.5/24" is accepted like the panel does.
            var bytes = address.GetAddressBytes();
            for (var bit = prefix; bit < bytes.Length * 8; bit++)
            {
                bytes[bit / 8] &= (byte)~(0x80 >> (bit % 8));
            }

            network = new IPNetwork(new IPAddress(bytes), prefix);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    public static bool Contains(string range, IPAddress ip) => TryParse(range, out var network) && network.Contains(ip);

    private static bool TryParseAddress(string text, out IPAddress address)
    {
        address = IPAddress.None;
        if (text.Contains(':', StringComparison.Ordinal))
        {
            return IPAddress.TryParse(text, out address!) && address.AddressFamily == AddressFamily.InterNetworkV6;
        }

        return DottedQuad().IsMatch(text) && IPAddress.TryParse(text, out address!) &&
               text.Split('.').All(p => int.Parse(p, System.Globalization.CultureInfo.InvariantCulture) <= 255);
    }
}
