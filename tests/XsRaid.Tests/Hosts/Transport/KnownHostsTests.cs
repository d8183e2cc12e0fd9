using XsRaid.Hosts;
using XsRaid.Tests.Support;

namespace XsRaid.Tests.Hosts.Transport;

public sealed class KnownHostsTests
{
    private static readonly string[] Names =
    [
        "xen1", "XEN1", "10.0.0.5", "[127.0.0.1]:2222", "[127.0.0.3]:2222", "127.0.0.1", "bad.example.org",
        "good.example.org", "xen2", "nothere", "[xen1]:2222",
    ];

    [Theory]
    [InlineData("ed25519")]
    [InlineData("rsa")]
    [InlineData("ecdsa")]
    public void FingerprintIsWhatSshKeygenPrints(string type)
    {
        using var dir = new TempDir();
        var key = OpenSshKeys.Parse(OpenSshKeys.Generate(dir, "k", type));
        var printed = Tool.Run("ssh-keygen", "-lf", dir.File("k.pub")).Stdout.Split(' ');
        key.Fingerprint.ShouldBe(printed[1]);
        key.KeyType.ShouldBe(OpenSshKeys.PublicKeyText(dir.File("k.pub")).Split(' ')[0]);
    }

    [Fact]
    public void HostFieldsMatchTheSameNamesAsSshKeygenFind()
    {
        using var dir = new TempDir();
        var path = WritePatternFile(dir);
        var knownHosts = KnownHosts.Load(path);
        foreach (var name in Names)
        {
            var ours = knownHosts.Entries.Where(e => e.MatchesName(name)).Select(e => e.LineNumber).ToList();
            ours.ShouldBe(OpenSshKeys.LinesFoundFor(name, path), $"lines for {name}");
        }
    }

    [Fact]
    public void HashedHostFieldsMatchTheSameNamesAsSshKeygenFind()
    {
        using var dir = new TempDir();
        var path = WritePatternFile(dir);
        Tool.Run("ssh-keygen", "-H", "-f", path);
        File.ReadAllLines(path).Where(l => l.StartsWith('|')).ShouldNotBeEmpty();
        var knownHosts = KnownHosts.Load(path);

        // ssh lowercases the host name before every lookup; ssh-keygen -F hashes the name as typed, so ask it in lowercase.
        foreach (var name in Names.Select(n => n.ToLowerInvariant()).Distinct())
        {
            var ours = knownHosts.Entries.Where(e => e.MatchesName(name)).Select(e => e.LineNumber).ToList();
            ours.ShouldBe(OpenSshKeys.LinesFoundFor(name, path), $"lines for {name}");
        }
    }

    [Fact]
    public void ReadsTheKeyLinesSshKeygenListsAndSkipsBrokenOnes()
    {
        using var dir = new TempDir();
        var a = OpenSshKeys.Generate(dir, "a");
        var rsa = OpenSshKeys.Generate(dir, "r", "rsa");
        var path = dir.File("known_hosts");
        File.WriteAllLines(path,
        [
            "# comment", $"xen1,10.0.0.5 {a}", "not a key line", "xen3 ssh-ed25519 AAAA!!!", $"@unknown-marker xen1 {a}",
            $"xen2 ssh-rsa {a.Split(' ')[1]}", $"[xen4]:2222 {rsa}", $"@revoked * {a}",
        ]);

        var entries = KnownHosts.Load(path).Entries;

        // `ssh-keygen -l -f` lists the usable unmarked key lines: "bits fingerprint hostfield (TYPE)".
        var listed = Tool.Run("ssh-keygen", "-l", "-f", path).Stdout
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(' '))
            .Select(f => (f[1], f[2]))
            .ToList();
        entries.Where(e => e.Marker == KnownHostsMarker.None).Select(e => (e.Key.Fingerprint, e.HostField)).ToList().ShouldBe(listed);
        entries.Single(e => e.Marker == KnownHostsMarker.Revoked).LineNumber.ShouldBe(8);
    }

    [Theory]
    [InlineData(false, 22)]
    [InlineData(true, 22)]
    [InlineData(false, 2222)]
    [InlineData(true, 2222)]
    public void AddedLinesAreFoundBySshKeygen(bool hashed, int port)
    {
        using var dir = new TempDir();
        var path = Path.Combine(dir.Path, "new-dir", "known_hosts");
        var existing = OpenSshKeys.Generate(dir, "existing");
        var added = OpenSshKeys.Parse(OpenSshKeys.Generate(dir, "added"));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, $"# first\nother {existing}"); // no newline at the end: Add must not glue onto it

        var entry = KnownHosts.Load(path).Add("Xen1.Example.org", port, added, hashed);

        var name = port == 22 ? "xen1.example.org" : $"[xen1.example.org]:{port}";
        entry.IsHashed.ShouldBe(hashed);
        OpenSshKeys.LinesFoundFor(name, path).ShouldBe([entry.LineNumber]);
        entry.LineNumber.ShouldBe(3);
        OpenSshKeys.Find(name, path).ShouldContain(added.ToOpenSshString());
        OpenSshKeys.LinesFoundFor("other", path).ShouldBe([2]);
        KnownHosts.Load(path).Lookup("xen1.example.org", port, added).Status.ShouldBe(HostKeyStatus.Known);
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void AddCreatesAMissingDirectoryAndFilePrivately()
    {
        using var dir = new TempDir();
        var path = Path.Combine(dir.Path, "ssh", "known_hosts");
        var key = OpenSshKeys.Parse(OpenSshKeys.Generate(dir, "k"));

        KnownHosts.Load(path).Add("10.0.0.5", 22, key, hashed: false).LineNumber.ShouldBe(1);

        OpenSshKeys.LinesFoundFor("10.0.0.5", path).ShouldBe([1]);
        (File.GetUnixFileMode(path) & (UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)).ShouldBe(UnixFileMode.None);
    }

    private static string WritePatternFile(TempDir dir)
    {
        string Key(string name) => OpenSshKeys.Generate(dir, name);
        var path = dir.File("known_hosts");
        File.WriteAllLines(path,
        [
            "# comment",
            $"Xen1,10.0.0.5 {Key("a")}",
            $"[127.0.0.1]:2222 {Key("b")}",
            $"*.example.org,!bad.example.org {Key("c")}",
            $"[127.0.0.?]:2222 {Key("d")}",
            $"@revoked xen2 {Key("e")}",
            $"@cert-authority *.example.org {Key("f")}",
            "",
            $"XEN2 {Key("g")}",
            $"127.0.0.1 {Key("h")}",
        ]);
        return path;
    }
}
