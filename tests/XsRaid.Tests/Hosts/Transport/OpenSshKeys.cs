using System.Text.RegularExpressions;
using XsRaid.Hosts;
using XsRaid.Tests.Support;

namespace XsRaid.Tests.Hosts.Transport;

/// <summary>Keys made by ssh-keygen and what ssh-keygen itself says about them and about known_hosts files.</summary>
internal static partial class OpenSshKeys
{
    /// <summary>Generates a key pair in <paramref name="dir"/>; returns the public key "type base64".</summary>
    public static string Generate(TempDir dir, string name, string type = "ed25519")
    {
        var path = dir.File(name);
        Tool.Run("ssh-keygen", "-q", "-t", type, "-N", "", "-C", name, "-f", path);
        return PublicKeyText(path + ".pub");
    }

    public static string PublicKeyText(string pubFile)
    {
        var fields = File.ReadAllText(pubFile).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return $"{fields[0]} {fields[1]}";
    }

    public static SshPublicKey Parse(string publicKeyText)
    {
        var fields = publicKeyText.Split(' ');
        return SshPublicKey.FromOpenSsh(fields[0], fields[1]) ?? throw new InvalidOperationException($"unreadable key {publicKeyText}");
    }

    /// <summary>The line numbers `ssh-keygen -F NAME -f FILE` reports (it matches names, including hashed ones).</summary>
    public static IReadOnlyList<int> LinesFoundFor(string name, string knownHostsFile)
    {
        var output = Tool.Run("ssh-keygen", ["-F", name, "-f", knownHostsFile], check: false).Stdout;
        return FoundLine().Matches(output).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
    }

    /// <summary>The whole output of `ssh-keygen -F NAME -f FILE`.</summary>
    public static string Find(string name, string knownHostsFile) =>
        Tool.Run("ssh-keygen", ["-F", name, "-f", knownHostsFile], check: false).Stdout;

    [GeneratedRegex(@"found: line (\d+)")]
    private static partial Regex FoundLine();
}
