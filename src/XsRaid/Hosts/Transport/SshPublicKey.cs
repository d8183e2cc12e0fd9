using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace XsRaid.Hosts;

/// <summary>
/// An SSH public key as its wire blob (RFC 4253 §6.6: a string naming the key type, then the key fields).
/// <see cref="Fingerprint"/> is what OpenSSH prints: "SHA256:" + unpadded base64 of SHA-256(blob).
/// </summary>
public sealed record SshPublicKey(string KeyType, byte[] Blob)
{
    public string Fingerprint => "SHA256:" + Convert.ToBase64String(SHA256.HashData(Blob)).TrimEnd('=');

    /// <summary>"ssh-ed25519 AAAA..." as in a known_hosts or .pub line.</summary>
    public string ToOpenSshString() => $"{KeyType} {Convert.ToBase64String(Blob)}";

    /// <summary>Two keys are equal when their blobs are byte for byte equal.</summary>
    public bool Equals(SshPublicKey? other) =>
        other is not null && KeyType == other.KeyType && Blob.AsSpan().SequenceEqual(other.Blob);

    public override int GetHashCode() => HashCode.Combine(KeyType, Fingerprint);

    /// <summary>The key type a wire blob names, or null when the blob does not start with a sane type string.</summary>
    public static SshPublicKey? FromBlob(byte[] blob)
    {
        if (blob.Length < 4)
        {
            return null;
        }

        var length = BinaryPrimitives.ReadUInt32BigEndian(blob);
        if (length is 0 or > 64 || length > blob.Length - 4)
        {
            return null;
        }

        var type = Encoding.ASCII.GetString(blob, 4, (int)length);
        return type.All(c => c is > ' ' and < (char)127) ? new SshPublicKey(type, blob) : null;
    }

    /// <summary>
    /// Reads "type base64" (the text after the host field of a known_hosts line, or a .pub line): null when the
    /// base64 is bad or the blob names a different type than the text.
    /// </summary>
    public static SshPublicKey? FromOpenSsh(string keyType, string base64)
    {
        var buffer = new byte[base64.Length];
        if (!Convert.TryFromBase64String(base64, buffer, out var written))
        {
            return null;
        }

        var key = FromBlob(buffer[..written]);
        return key is not null && key.KeyType == keyType ? key : null;
    }

    /// <summary>The key type a host key algorithm signs with ("rsa-sha2-512" → "ssh-rsa"; others are their own name).</summary>
    public static string KeyTypeOfAlgorithm(string hostKeyAlgorithm) => hostKeyAlgorithm switch
    {
        "rsa-sha2-256" or "rsa-sha2-512" => "ssh-rsa",
        _ => hostKeyAlgorithm,
    };
}
