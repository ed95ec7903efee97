using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace PteroAot.Testing;

/// <summary>The result of parsing an OpenSSH public key line.</summary>
/// <param name="Type">The key type (<c>ssh-ed25519</c>, <c>ssh-rsa</c>, <c>ecdsa-sha2-nistp256</c>, ...).</param>
/// <param name="Bits">Key size in bits (RSA modulus length; curve size for ECDSA; 256 for Ed25519).</param>
/// <param name="Fingerprint"><c>SHA256:</c> + unpadded base64 of the SHA-256 of the blob.</param>
/// <param name="Pem">The key as a PKCS#8 <c>SubjectPublicKeyInfo</c> PEM block.</param>
internal sealed record ParsedSshKey(string Type, int Bits, string Fingerprint, string Pem);

/// <summary>Why a public key was refused (the panel's messages).</summary>
internal sealed class SshKeyException(string message) : Exception(message);

/// <summary>Parses OpenSSH public key lines the way the panel (phpseclib) accepts them.</summary>
internal static class SshKeyParser
{
    public const string Invalid = "The public key provided is not valid.";
    public const string DsaRejected = "DSA keys are not supported.";
    public const string RsaTooShort = "RSA keys must be at least 2048 bytes in length.";

    /// <summary>Makes a fresh random Ed25519 public key line (the key bytes are random, which is enough for a fake).</summary>
    public static string NewEd25519Line(string comment)
    {
        var blob = new List<byte>();
        WriteString(blob, "ssh-ed25519"u8);
        WriteString(blob, RandomNumberGenerator.GetBytes(32));
        return "ssh-ed25519 " + Convert.ToBase64String([.. blob]) + " " + comment;
    }

    public static ParsedSshKey Parse(string line)
    {
        var parts = line.Trim().Split((char[]?)null, 3, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2)
        {
            throw new SshKeyException(Invalid);
        }

        byte[] blob;
        try
        {
            blob = Convert.FromBase64String(parts[1]);
        }
        catch (FormatException)
        {
            throw new SshKeyException(Invalid);
        }

        var reader = new BlobReader(blob);
        var type = Encoding.ASCII.GetString(reader.ReadString());
        if (type != parts[0])
        {
            throw new SshKeyException(Invalid);
        }

        var fingerprint = "SHA256:" + Convert.ToBase64String(SHA256.HashData(blob)).TrimEnd('=');
        switch (type)
        {
            case "ssh-dss":
                throw new SshKeyException(DsaRejected);
            case "ssh-ed25519":
            {
                var key = reader.ReadString();
                reader.End();
                if (key.Length != 32)
                {
                    throw new SshKeyException(Invalid);
                }

                // SubjectPublicKeyInfo for Ed25519 (RFC 8410): SEQUENCE { SEQUENCE { OID 1.3.101.112 }, BIT STRING key }.
                byte[] spki = [0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00, .. key];
                return new ParsedSshKey(type, 256, fingerprint, ToPem(spki));
            }

            case "ssh-rsa":
            {
                var e = TrimMpint(reader.ReadString());
                var n = TrimMpint(reader.ReadString());
                reader.End();
                if (n.Length == 0 || e.Length == 0)
                {
                    throw new SshKeyException(Invalid);
                }

                var bits = (n.Length - 1) * 8 + (32 - System.Numerics.BitOperations.LeadingZeroCount((uint)n[0]));
                if (bits < 2048)
                {
                    throw new SshKeyException(RsaTooShort);
                }

                using var rsa = RSA.Create();
                try
                {
                    rsa.ImportParameters(new RSAParameters { Modulus = n, Exponent = e });
                }
                catch (CryptographicException)
                {
                    throw new SshKeyException(Invalid);
                }

                return new ParsedSshKey(type, bits, fingerprint, ToPem(rsa.ExportSubjectPublicKeyInfo()));
            }

            case "ecdsa-sha2-nistp256" or "ecdsa-sha2-nistp384" or "ecdsa-sha2-nistp521":
            {
                var curveName = Encoding.ASCII.GetString(reader.ReadString());
                var q = reader.ReadString();
                reader.End();
                (ECCurve curve, int size) = curveName switch
                {
                    "nistp256" => (ECCurve.NamedCurves.nistP256, 32),
                    "nistp384" => (ECCurve.NamedCurves.nistP384, 48),
                    "nistp521" => (ECCurve.NamedCurves.nistP521, 66),
                    _ => throw new SshKeyException(Invalid),
                };
                if ("ecdsa-sha2-" + curveName != type || q.Length != 1 + 2 * size || q[0] != 0x04)
                {
                    throw new SshKeyException(Invalid);
                }

                try
                {
                    using var ec = ECDsa.Create(new ECParameters
                    {
                        Curve = curve,
                        Q = new ECPoint { X = q[1..(1 + size)], Y = q[(1 + size)..] },
                    });
                    return new ParsedSshKey(type, size == 66 ? 521 : size * 8, fingerprint, ToPem(ec.ExportSubjectPublicKeyInfo()));
                }
                catch (CryptographicException)
                {
                    throw new SshKeyException(Invalid);
                }
            }

            default:
                throw new SshKeyException(Invalid);
        }
    }

    // phpseclib writes "\r\n" line breaks; the fixtures (and this fake) use "\n".
    private static string ToPem(byte[] spki) => new string(PemEncoding.Write("PUBLIC KEY", spki));

    private static byte[] TrimMpint(byte[] value)
    {
        var i = 0;
        while (i < value.Length - 1 && value[i] == 0)
        {
            i++;
        }

        return value[i..];
    }

    private static void WriteString(List<byte> blob, ReadOnlySpan<byte> value)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, value.Length);
        blob.AddRange(length);
        blob.AddRange(value);
    }

    private sealed class BlobReader(byte[] blob)
    {
        private int _offset;

        public byte[] ReadString()
        {
            if (blob.Length - _offset < 4)
            {
                throw new SshKeyException(Invalid);
            }

            var length = BinaryPrimitives.ReadUInt32BigEndian(blob.AsSpan(_offset));
            _offset += 4;
            if (length > (uint)(blob.Length - _offset))
            {
                throw new SshKeyException(Invalid);
            }

            var value = blob[_offset..(_offset + (int)length)];
            _offset += (int)length;
            return value;
        }

        public void End()
        {
            if (_offset != blob.Length)
            {
                throw new SshKeyException(Invalid);
            }
        }
    }
}
