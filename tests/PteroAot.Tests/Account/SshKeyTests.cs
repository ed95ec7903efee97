using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using PteroAot.Tests.Support;

namespace PteroAot.Tests.Account;

public class SshKeyTests
{
    [Test]
    public async Task Add_list_and_remove_an_ed25519_key()
    {
        await using var t = await TestPanel.StartAsync();
        var blob = Blob("ssh-ed25519", RandomNumberGenerator.GetBytes(32));
        var line = "ssh-ed25519 " + Convert.ToBase64String(blob) + " me@laptop";

        var added = await t.Client.Account.CreateSshKeyAsync("laptop", line);

        var expectedFingerprint = "SHA256:" + Convert.ToBase64String(SHA256.HashData(blob)).TrimEnd('=');
        await Assert.That(added.Name).IsEqualTo("laptop");
        await Assert.That(added.Fingerprint).IsEqualTo(expectedFingerprint);
        await Assert.That(added.PublicKey).StartsWith("-----BEGIN PUBLIC KEY-----");
        var listed = await t.Client.Account.ListSshKeysAsync();
        await Assert.That(listed.Items.Select(k => k.Fingerprint)).Contains(expectedFingerprint);

        await t.Client.Account.DeleteSshKeyAsync(expectedFingerprint);

        var after = await t.Client.Account.ListSshKeysAsync();
        await Assert.That(after.Items.Select(k => k.Fingerprint)).DoesNotContain(expectedFingerprint);
    }

    [Test]
    public async Task Removing_an_unknown_fingerprint_succeeds_like_the_panel()
    {
        await using var t = await TestPanel.StartAsync();
        var before = (await t.Client.Account.ListSshKeysAsync()).Items.Count;

        await t.Client.Account.DeleteSshKeyAsync("SHA256:nothing-matches-this");

        await Assert.That((await t.Client.Account.ListSshKeysAsync()).Items.Count).IsEqualTo(before);
    }

    [Test]
    public async Task Short_rsa_dsa_duplicate_and_garbage_keys_are_validation_errors_on_public_key()
    {
        await using var t = await TestPanel.StartAsync();
        using var rsa = RSA.Create(1024);
        var p = rsa.ExportParameters(false);
        var shortRsa = "ssh-rsa " + Convert.ToBase64String(Blob("ssh-rsa", Mpint(p.Exponent!), Mpint(p.Modulus!)));
        var dsa = "ssh-dss " + Convert.ToBase64String(Blob("ssh-dss", [1], [2], [3], [4]));
        var ed = "ssh-ed25519 " + Convert.ToBase64String(Blob("ssh-ed25519", RandomNumberGenerator.GetBytes(32)));
        await t.Client.Account.CreateSshKeyAsync("first", ed);

        foreach (var bad in new[] { shortRsa, dsa, ed, "not a key" })
        {
            var ex = await Assert.ThrowsAsync<PteroValidationException>(() => t.Client.Account.CreateSshKeyAsync("bad", bad));
            await Assert.That(ex!.FieldErrors.ContainsKey("public_key")).IsTrue();
        }
    }

    [Test]
    public async Task A_2048_bit_rsa_key_is_accepted()
    {
        await using var t = await TestPanel.StartAsync();
        using var rsa = RSA.Create(2048);
        var p = rsa.ExportParameters(false);
        var line = "ssh-rsa " + Convert.ToBase64String(Blob("ssh-rsa", Mpint(p.Exponent!), Mpint(p.Modulus!))) + " ci";

        var added = await t.Client.Account.CreateSshKeyAsync("rsa", line);

        await Assert.That(added.Fingerprint).StartsWith("SHA256:");
    }

    // RFC 4253 wire format: each field is a uint32 length and its bytes.
    private static byte[] Blob(string type, params byte[][] fields)
    {
        var parts = new List<byte[]> { Encoding.ASCII.GetBytes(type) };
        parts.AddRange(fields);
        var result = new List<byte>();
        foreach (var part in parts)
        {
            var length = new byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(length, (uint)part.Length);
            result.AddRange(length);
            result.AddRange(part);
        }
        return [.. result];
    }

    private static byte[] Mpint(byte[] unsignedBigEndian)
        => (unsignedBigEndian[0] & 0x80) != 0 ? [0, .. unsignedBigEndian] : unsignedBigEndian;
}
