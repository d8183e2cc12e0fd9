using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace XsRaid.Hosts;

/// <summary>
/// Matches the host field of a known_hosts line as OpenSSH does: either one hashed name
/// ("|1|base64 salt|base64 HMAC-SHA1(salt, name)") or comma-separated patterns with '*' and '?' wildcards, where a
/// matching "!pattern" vetoes the whole line. Names are compared case-insensitively.
/// </summary>
[SuppressMessage("Security", "CA5350", Justification = "known_hosts hashing is HMAC-SHA1 by format (OpenSSH hostfile.c); it is not used for security here beyond what OpenSSH does.")]
internal static class HostPatternMatch
{
    private const string HashMagic = "|1|";

    /// <summary><paramref name="name"/> is "host" for port 22 and "[host]:port" otherwise (<see cref="KnownHosts.NameFor"/>).</summary>
    public static bool Matches(string hostField, string name)
    {
        name = name.ToLowerInvariant();
        if (hostField.StartsWith(HashMagic, StringComparison.Ordinal))
        {
            return MatchesHashed(hostField, name);
        }

        var positive = false;
        foreach (var pattern in hostField.Split(','))
        {
            var negated = pattern.StartsWith('!');
            var glob = (negated ? pattern[1..] : pattern).ToLowerInvariant();
            if (glob.Length == 0 || !Glob(glob, name))
            {
                continue;
            }

            if (negated)
            {
                return false;
            }

            positive = true;
        }

        return positive;
    }

    /// <summary>A hashed host field for <paramref name="name"/> with a fresh random salt, as ssh-keygen -H writes it.</summary>
    public static string Hash(string name)
    {
        var salt = RandomNumberGenerator.GetBytes(HMACSHA1.HashSizeInBytes);
        var hash = HMACSHA1.HashData(salt, Encoding.UTF8.GetBytes(name.ToLowerInvariant()));
        return $"{HashMagic}{Convert.ToBase64String(salt)}|{Convert.ToBase64String(hash)}";
    }

    private static bool MatchesHashed(string hostField, string name)
    {
        var parts = hostField[HashMagic.Length..].Split('|');
        if (parts.Length != 2)
        {
            return false;
        }

        try
        {
            var salt = Convert.FromBase64String(parts[0]);
            var expected = Convert.FromBase64String(parts[1]);
            var actual = HMACSHA1.HashData(salt, Encoding.UTF8.GetBytes(name));
            return CryptographicOperations.FixedTimeEquals(actual, expected);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    // Iterative glob with backtracking to the last '*': linear in practice, never exponential.
    private static bool Glob(string pattern, string text)
    {
        int p = 0, t = 0, star = -1, resume = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || pattern[p] == text[t]))
            {
                p++;
                t++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                resume = t;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++resume;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }
}
