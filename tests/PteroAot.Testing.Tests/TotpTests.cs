using System.Text;

namespace PteroAot.Testing.Tests;

public class TotpTests
{
    private static readonly string Secret = Totp.Base32Encode(Encoding.ASCII.GetBytes("12345678901234567890"));

    [Test]
    [Arguments(59L, "287082")]
    [Arguments(1111111109L, "081804")]
    [Arguments(1111111111L, "050471")]
    [Arguments(1234567890L, "005924")]
    [Arguments(2000000000L, "279037")]
    [Arguments(20000000000L, "353130")]
    public async Task Rfc6238Sha1Vectors(long unixSeconds, string expected)
    {
        var code = Totp.Compute(Secret, DateTimeOffset.FromUnixTimeSeconds(unixSeconds));
        await Assert.That(code).IsEqualTo(expected);
    }

    [Test]
    public async Task Base32RoundTripAndKnownValue()
    {
        await Assert.That(Secret).IsEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        await Assert.That(Encoding.ASCII.GetString(Totp.Base32Decode("gezdgnbvgy3tqojq====="))).IsEqualTo("1234567890");
        var bytes = new byte[] { 0, 1, 2, 250, 251, 255, 7 };
        await Assert.That(Totp.Base32Decode(Totp.Base32Encode(bytes)).SequenceEqual(bytes)).IsTrue();
    }

    [Test]
    public async Task VerifyAcceptsTheWindowAndRejectsOutsideIt()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
        var previous = Totp.Compute(Secret, now.AddSeconds(-30));
        var farAway = Totp.Compute(Secret, now.AddSeconds(-90));
        await Assert.That(Totp.Verify(Secret, Totp.Compute(Secret, now), now)).IsTrue();
        await Assert.That(Totp.Verify(Secret, previous, now)).IsTrue();
        await Assert.That(Totp.Verify(Secret, farAway, now, window: 1)).IsFalse();
        await Assert.That(Totp.Verify(Secret, "12345", now)).IsFalse();
        await Assert.That(Totp.Verify(Secret, "abcdef", now)).IsFalse();
    }
}
