using System.Buffers.Binary;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using PteroAot.Testing.Tests.Support;

namespace PteroAot.Testing.Tests;

public class SshKeyTests
{
    private static byte[] Blob(params byte[][] fields)
    {
        var list = new List<byte>();
        foreach (var f in fields)
        {
            var len = new byte[4];
            BinaryPrimitives.WriteInt32BigEndian(len, f.Length);
            list.AddRange(len);
            list.AddRange(f);
        }

        return [.. list];
    }

    private static byte[] Mpint(byte[] unsigned) => unsigned[0] >= 0x80 ? [0, .. unsigned] : unsigned;

    private static string RsaLine(int bits)
    {
        using var rsa = RSA.Create(bits);
        var p = rsa.ExportParameters(false);
        return "ssh-rsa " + Convert.ToBase64String(Blob("ssh-rsa"u8.ToArray(), Mpint(p.Exponent!), Mpint(p.Modulus!))) + " me@host";
    }

    private static string EcdsaLine()
    {
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var p = ec.ExportParameters(false);
        return "ecdsa-sha2-nistp256 " + Convert.ToBase64String(Blob("ecdsa-sha2-nistp256"u8.ToArray(), "nistp256"u8.ToArray(), [4, .. p.Q.X!, .. p.Q.Y!]));
    }

    private static (string Line, byte[] Blob) Ed25519Line()
    {
        var blob = Blob("ssh-ed25519"u8.ToArray(), RandomNumberGenerator.GetBytes(32));
        return ("ssh-ed25519 " + Convert.ToBase64String(blob) + " test@example", blob);
    }

    private static string Json(string name, string key) =>
        "{\"name\":\"" + name + "\",\"public_key\":\"" + key + "\"}";

    [Test]
    public async Task ListMatchesFixtureShape()
    {
        await using var t = await TestPanel.StartAsync();
        var body = await TestPanel.JsonAsync(await t.GetAsync("/api/client/account/ssh-keys"));
        await Assert.That(Fixtures.ShapeDiff(Fixtures.Load("client/ssh-keys-list.json"), body)).IsEqualTo("");
        await Assert.That(body.GetProperty("data").GetArrayLength()).IsEqualTo(1);
    }

    [Test]
    public async Task CreateEd25519StoresFingerprintAndPem()
    {
        await using var t = await TestPanel.StartAsync();
        var (line, blob) = Ed25519Line();
        using var response = await t.PostAsync("/api/client/account/ssh-keys", Json(" work ", line));
        await Assert.That(response.StatusCode).IsEqualTo(HttpStatusCode.OK);
        var body = await TestPanel.JsonAsync(response);
        var a = body.GetProperty("attributes");
        await Assert.That(body.GetProperty("object").GetString()).IsEqualTo("ssh_key");
        await Assert.That(a.GetProperty("name").GetString()).IsEqualTo("work");
        var expectedFingerprint = "SHA256:" + Convert.ToBase64String(SHA256.HashData(blob)).TrimEnd('=');
        await Assert.That(a.GetProperty("fingerprint").GetString()).IsEqualTo(expectedFingerprint);
        var pem = a.GetProperty("public_key").GetString()!;
        await Assert.That(pem).StartsWith("-----BEGIN PUBLIC KEY-----\n");
        await Assert.That(pem).EndsWith("-----END PUBLIC KEY-----");
        var der = Convert.FromBase64String(string.Concat(pem.Split('\n').Where(l => !l.StartsWith("-----"))));
        await Assert.That(der.AsSpan(der.Length - 32).SequenceEqual(blob.AsSpan(blob.Length - 32))).IsTrue();

        using var duplicate = await t.PostAsync("/api/client/account/ssh-keys", Json("again", line));
        var details = await Expect.ValidationAsync(duplicate, ("public_key", ""));
        await Assert.That(details[0]).IsEqualTo("The public key provided already exists on your account.");
        await Assert.That(t.Panel.DemoUser.Activity.Last().Event).IsEqualTo("user:ssh-key.create");
    }

    [Test]
    public async Task CreateRsaAndEcdsaProducesImportablePem()
    {
        await using var t = await TestPanel.StartAsync();
        foreach (var line in new[] { RsaLine(2048), EcdsaLine() })
        {
            using var response = await t.PostAsync("/api/client/account/ssh-keys", Json("k", line));
            await Assert.That(response.StatusCode).IsEqualTo(HttpStatusCode.OK);
            var pem = (await TestPanel.JsonAsync(response)).GetProperty("attributes").GetProperty("public_key").GetString()!;
            if (line.StartsWith("ssh-rsa"))
            {
                using var rsa = RSA.Create();
                rsa.ImportFromPem(pem);
                await Assert.That(rsa.KeySize).IsEqualTo(2048);
            }
            else
            {
                using var ec = ECDsa.Create();
                ec.ImportFromPem(pem);
                await Assert.That(ec.KeySize).IsEqualTo(256);
            }
        }

        await Assert.That(t.Panel.DemoUser.SshKeys.Count).IsEqualTo(3);
    }

    [Test]
    public async Task CreateRejectsBadKeys()
    {
        await using var t = await TestPanel.StartAsync();
        using (var missing = await t.PostAsync("/api/client/account/ssh-keys", "{}"))
        {
            await Expect.ValidationAsync(missing, ("name", "required"), ("public_key", "required"));
        }

        using (var garbage = await t.PostAsync("/api/client/account/ssh-keys", Json("x", "not a key")))
        {
            var d = await Expect.ValidationAsync(garbage, ("public_key", ""));
            await Assert.That(d[0]).IsEqualTo("The public key provided is not valid.");
        }

        using (var shortRsa = await t.PostAsync("/api/client/account/ssh-keys", Json("x", RsaLine(1024))))
        {
            var d = await Expect.ValidationAsync(shortRsa, ("public_key", ""));
            await Assert.That(d[0]).IsEqualTo("RSA keys must be at least 2048 bytes in length.");
        }

        var dss = "ssh-dss " + Convert.ToBase64String(Blob("ssh-dss"u8.ToArray(), [1], [2], [3], [4]));
        using (var dsa = await t.PostAsync("/api/client/account/ssh-keys", Json("x", dss)))
        {
            var d = await Expect.ValidationAsync(dsa, ("public_key", ""));
            await Assert.That(d[0]).IsEqualTo("DSA keys are not supported.");
        }

        await Assert.That(t.Panel.DemoUser.SshKeys.Count).IsEqualTo(1);
    }

    [Test]
    public async Task RemoveByFingerprintAlways204()
    {
        await using var t = await TestPanel.StartAsync();
        var fingerprint = t.Panel.DemoUser.SshKeys[0].Fingerprint;
        using (var missing = await t.PostAsync("/api/client/account/ssh-keys/remove", "{}"))
        {
            await Expect.ValidationAsync(missing, ("fingerprint", "required"));
        }

        using (var nothing = await t.PostAsync("/api/client/account/ssh-keys/remove", """{"fingerprint":"SHA256:nothing"}"""))
        {
            await Assert.That(nothing.StatusCode).IsEqualTo(HttpStatusCode.NoContent);
        }

        await Assert.That(t.Panel.DemoUser.SshKeys.Count).IsEqualTo(1);
        using (var ok = await t.PostAsync("/api/client/account/ssh-keys/remove", $$"""{"fingerprint":"{{fingerprint}}"}"""))
        {
            await Assert.That(ok.StatusCode).IsEqualTo(HttpStatusCode.NoContent);
        }

        await Assert.That(t.Panel.DemoUser.SshKeys.Count).IsEqualTo(0);
        var entry = t.Panel.DemoUser.Activity.Last();
        await Assert.That(entry.Event).IsEqualTo("user:ssh-key.delete");
        await Assert.That(entry.Properties["fingerprint"]).IsEqualTo(fingerprint);
    }
}
