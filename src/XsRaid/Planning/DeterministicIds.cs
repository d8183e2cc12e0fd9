using System.Security.Cryptography;
using System.Text;

namespace XsRaid.Planning;

/// <summary>
/// UUIDs and labels derived from the host's own identity, so the same host gives the same plan (golden files,
/// and a resumed conversion finds the filesystem it created before).
/// </summary>
public static class DeterministicIds
{
    public static Guid Uuid(string seed, string purpose)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(seed + "\n" + purpose));
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>Lower-case letters (like XenServer's root-xxxxxxxx labels).</summary>
    public static string Letters(string seed, string purpose, int count)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(seed + "\n" + purpose));
        return new string([.. hash.Take(count).Select(b => (char)('a' + (b % 26)))]);
    }
}
