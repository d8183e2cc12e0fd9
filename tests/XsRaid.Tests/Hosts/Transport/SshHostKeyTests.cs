using XsRaid.Hosts;
using XsRaid.Tests.Support;
using XsRaid.Tests.Support.Sshd;

namespace XsRaid.Tests.Hosts.Transport;

[Collection(UsesSshd.Name)]
public sealed class SshHostKeyTests(SshdFixture sshd)
{
    private readonly SshdServer _server = sshd.Server;

    [Fact]
    public async Task AnUnknownKeyIsRefusedShowingItsFingerprint()
    {
        var knownHosts = _server.WriteKnownHosts("empty_known_hosts");

        var ex = await Should.ThrowAsync<HostKeyUnknownException>(() => SshHost.ConnectAsync(_server.Options(knownHosts), CancellationToken.None));

        var fingerprint = _server.HostKeyFingerprint(); // ssh-keygen -lf ssh_host_ed25519_key.pub
        ex.Fingerprint.ShouldBe(fingerprint);
        ex.Message.ShouldContain(fingerprint);
        ex.Message.ShouldContain("--accept-new-host-key");
        ex.Message.ShouldContain("ssh-keyscan");
        ex.Message.ShouldContain(knownHosts);
        ex.Host.ShouldBe($"root@127.0.0.1:{_server.Port}");
        File.ReadAllText(knownHosts).ShouldBeEmpty();

        // The advice works: run the ssh-keyscan command the message suggests, then the same connect succeeds.
        Tool.Require("ssh-keyscan");
        var advice = ex.Message[(ex.Message.IndexOf("`ssh-keyscan", StringComparison.Ordinal) + 1)..];
        Tool.Run("bash", "-c", advice[..advice.IndexOf('`', StringComparison.Ordinal)]);
        using var host = await SshHost.ConnectAsync(_server.Options(knownHosts), CancellationToken.None);
        host.HostKeyFingerprint.ShouldBe(fingerprint);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AChangedKeyIsRefusedShowingBothFingerprintsEvenWhenNewKeysMayBeAccepted(bool acceptNew)
    {
        var other = _server.GenerateKey($"other_host_{acceptNew}", "ed25519");
        var knownHosts = _server.WriteKnownHosts("changed_known_hosts", "# the host as it was", $"[127.0.0.1]:{_server.Port} {OpenSshKeys.PublicKeyText(other + ".pub")}");
        var before = File.ReadAllText(knownHosts);

        var ex = await Should.ThrowAsync<HostKeyChangedException>(() =>
            SshHost.ConnectAsync(_server.Options(knownHosts, acceptNewHostKey: acceptNew), CancellationToken.None));

        var presented = _server.HostKeyFingerprint();
        var known = SshdServer.FingerprintOf(other + ".pub");
        ex.PresentedFingerprint.ShouldBe(presented);
        ex.KnownFingerprints.ShouldBe([known]);
        ex.KnownHostsFile.ShouldBe(knownHosts);
        ex.KnownHostsLine.ShouldBe(2);
        ex.Message.ShouldContain(presented);
        ex.Message.ShouldContain(known);
        ex.Message.ShouldContain($"{knownHosts} line 2");
        File.ReadAllText(knownHosts).ShouldBe(before);

        // The advice works: the suggested `ssh-keygen -R` removes the old key, after which a new one can be accepted.
        var advice = ex.Message[(ex.Message.IndexOf("`ssh-keygen -R", StringComparison.Ordinal) + 1)..];
        Tool.Run("bash", "-c", advice[..advice.IndexOf('`', StringComparison.Ordinal)]);
        OpenSshKeys.LinesFoundFor($"[127.0.0.1]:{_server.Port}", knownHosts).ShouldBeEmpty();
        using var host = await SshHost.ConnectAsync(_server.Options(knownHosts, acceptNewHostKey: true), CancellationToken.None);
        host.HostKeyFingerprint.ShouldBe(presented);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AcceptingANewKeyRecordsALineThatSshFindsAndTheNextConnectNeedsNoFlag(bool hashed)
    {
        var knownHosts = Path.Combine(_server.ScratchDirectory, $"fresh_{hashed}", "known_hosts");
        var options = _server.Options(knownHosts, acceptNewHostKey: true) with { HashKnownHosts = hashed };

        using (var first = await SshHost.ConnectAsync(options, CancellationToken.None))
        {
            first.RecordedHostKey.ShouldNotBeNull();
            first.RecordedHostKey.IsHashed.ShouldBe(hashed);
            first.HostKeyFingerprint.ShouldBe(_server.HostKeyFingerprint());
        }

        var name = $"[127.0.0.1]:{_server.Port}";
        OpenSshKeys.LinesFoundFor(name, knownHosts).ShouldBe([1]);
        OpenSshKeys.Find(name, knownHosts).ShouldContain(_server.HostPublicKey());
        File.ReadAllText(knownHosts).StartsWith("|1|", StringComparison.Ordinal).ShouldBe(hashed);
        OpenSshVerdict.OfOpenSsh(_server, knownHosts).ShouldBe(HostKeyStatus.Known);

        using var second = await SshHost.ConnectAsync(options with { AcceptNewHostKey = false }, CancellationToken.None);
        second.RecordedHostKey.ShouldBeNull();
        (await second.RunAsync(["true"])).ExitCode.ShouldBe(0);
        File.ReadAllLines(knownHosts).Length.ShouldBe(1);
    }

    [Fact]
    public async Task AnEntryHashedBySshKeygenIsHonoured()
    {
        var knownHosts = _server.WriteKnownHosts("hashed_known_hosts", _server.KnownHostsLine());
        Tool.Run("ssh-keygen", "-H", "-f", knownHosts);
        File.ReadAllText(knownHosts).ShouldStartWith("|1|");
        File.ReadAllText(knownHosts).ShouldNotContain("127.0.0.1");

        using var host = await SshHost.ConnectAsync(_server.Options(knownHosts), CancellationToken.None);

        (await host.RunAsync(["echo", "ok"])).StdoutText.ShouldBe("ok\n");
    }

    [Theory]
    [InlineData("exact", HostKeyStatus.Known)]
    [InlineData("comma-list", HostKeyStatus.Known)]
    [InlineData("wildcard", HostKeyStatus.Known)]
    [InlineData("negated", HostKeyStatus.Unknown)]
    [InlineData("odd-spacing-and-comment", HostKeyStatus.Known)]
    [InlineData("other-key", HostKeyStatus.Changed)]
    [InlineData("other-key-type", HostKeyStatus.Changed)]
    [InlineData("other-key-then-this-key", HostKeyStatus.Known)]
    [InlineData("revoked", HostKeyStatus.Revoked)]
    [InlineData("revoked-for-every-host", HostKeyStatus.Revoked)]
    [InlineData("other-key-revoked", HostKeyStatus.Known)]
    [InlineData("cert-authority-only", HostKeyStatus.Unknown)]
    [InlineData("bare-host-without-port", HostKeyStatus.Known)]
    [InlineData("bare-host-without-port-other-key", HostKeyStatus.Unknown)]
    [InlineData("other-port", HostKeyStatus.Unknown)]
    [InlineData("comments-only", HostKeyStatus.Unknown)]
    public async Task DecidesAboutTheHostKeyAsTheOpenSshClientDoes(string variant, HostKeyStatus expected)
    {
        var knownHosts = _server.WriteKnownHosts($"{variant}_known_hosts", Lines(variant));

        var openSsh = OpenSshVerdict.OfOpenSsh(_server, knownHosts);
        var xsraid = await OpenSshVerdict.OfXsraid(_server, knownHosts);

        openSsh.ShouldBe(expected, "what ssh decided");
        xsraid.ShouldBe(openSsh, "xsraid must decide as ssh does");
    }

    private string[] Lines(string variant)
    {
        var port = _server.Port;
        var key = _server.HostPublicKey();
        var other = OpenSshKeys.PublicKeyText(_server.GenerateKey($"other_{variant}", "ed25519") + ".pub");
        return variant switch
        {
            "exact" => [$"[127.0.0.1]:{port} {key}"],
            "comma-list" => [$"xen9.example.org,[127.0.0.1]:{port},10.9.9.9 {key}"],
            "wildcard" => [$"[127.0.0.?]:{port} {key}"],
            "negated" => [$"[127.0.0.*]:{port},![127.0.0.1]:{port} {key}"],
            "odd-spacing-and-comment" => [$"\t[127.0.0.1]:{port}   {key.Replace(" ", "\t", StringComparison.Ordinal)}   a comment"],
            "other-key" => [$"[127.0.0.1]:{port} {other}"],
            "other-key-type" => [$"[127.0.0.1]:{port} {OpenSshKeys.PublicKeyText(_server.GenerateKey("other_rsa", "rsa") + ".pub")}"],
            "other-key-then-this-key" => [$"[127.0.0.1]:{port} {other}", $"[127.0.0.1]:{port} {key}"],
            "revoked" => [$"@revoked [127.0.0.1]:{port} {key}", $"[127.0.0.1]:{port} {key}"],
            "revoked-for-every-host" => [$"@revoked * {key}", $"[127.0.0.1]:{port} {key}"],
            "other-key-revoked" => [$"@revoked * {other}", $"[127.0.0.1]:{port} {key}"],
            "cert-authority-only" => [$"@cert-authority [127.0.0.1]:{port} {other}"],
            "bare-host-without-port" => [$"127.0.0.1 {key}"],
            "bare-host-without-port-other-key" => [$"127.0.0.1 {other}"],
            "other-port" => [$"[127.0.0.1]:{port + 1} {key}"],
            "comments-only" => ["# nothing here", "", "   "],
            _ => throw new ArgumentOutOfRangeException(nameof(variant)),
        };
    }
}
