using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using XsRaid.Hosts;
using XsRaid.Tests.Support.Sshd;

namespace XsRaid.Tests.Hosts.Transport;

/// <summary>Connection life cycle. Tests that stop sshd or change its keys start their own server.</summary>
[Collection(UsesSshd.Name)]
public sealed class SshHostConnectionTests(SshdFixture sshd)
{
    private readonly SshdServer _shared = sshd.Server;

    [Fact]
    public async Task StoppingSshdMidCommandIsConnectionLostNotAHang()
    {
        using var server = new SshdServer();
        using var host = await ConnectKnown(server);
        var started = Path.Combine(server.ScratchDirectory, "started");
        var running = host.RunAsync(["sh", "-c", $"echo $$ > {started}; exec sleep 60"]);
        await WaitUntil(() => File.Exists(started)); // sshd runs on this machine: the file says the command runs

        var watch = Stopwatch.StartNew();
        server.Stop();

        var ex = await Should.ThrowAsync<ConnectionLostException>(() => running);
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(20));
        ex.Message.ShouldContain("lost while `sh -c");
        ex.Message.ShouldContain("unknown");
        host.IsConnected.ShouldBeFalse();
        var next = await Should.ThrowAsync<ConnectionLostException>(() => host.RunAsync(["true"]));
        next.Message.ShouldContain("reconnect");
    }

    [Fact]
    public async Task ReconnectAfterSshdRestartsWithTheSameKey()
    {
        using var server = new SshdServer();
        using var host = await ConnectKnown(server);
        var fingerprint = host.HostKeyFingerprint;
        server.Stop();
        server.Start();

        await host.ReconnectAsync(TimeSpan.FromSeconds(30), CancellationToken.None);

        (await host.RunAsync(["echo", "back"])).StdoutText.ShouldBe("back\n");
        host.HostKeyFingerprint.ShouldBe(fingerprint);
    }

    [Fact]
    public async Task ReconnectWaitsForTheHostToComeBack()
    {
        using var server = new SshdServer();
        using var host = await ConnectKnown(server);
        server.Stop();
        var watch = Stopwatch.StartNew();

        var reconnect = host.ReconnectAsync(TimeSpan.FromSeconds(60), CancellationToken.None);
        await Task.Delay(3000);
        reconnect.IsCompleted.ShouldBeFalse("sshd is down: reconnect must keep trying");
        server.Start();
        await reconnect;

        watch.Elapsed.ShouldBeGreaterThan(TimeSpan.FromSeconds(3));
        (await host.RunAsync(["echo", "up"])).StdoutText.ShouldBe("up\n");
    }

    [Fact]
    public async Task ReconnectGivesUpWhenTheHostStaysDown()
    {
        using var server = new SshdServer();
        using var host = await ConnectKnown(server);
        server.Stop();

        var ex = await Should.ThrowAsync<HostConnectionException>(() => host.ReconnectAsync(TimeSpan.FromSeconds(3), CancellationToken.None));
        ex.Message.ShouldContain("cannot connect");
        host.IsConnected.ShouldBeFalse();
        await Should.ThrowAsync<ConnectionLostException>(() => host.RunAsync(["true"]));
    }

    [Fact]
    public async Task ReconnectRefusesANewHostKey()
    {
        using var server = new SshdServer();
        var knownHosts = Path.Combine(server.ScratchDirectory, "accepted_known_hosts");
        using var host = await SshHost.ConnectAsync(server.Options(knownHosts, acceptNewHostKey: true), CancellationToken.None);
        var oldFingerprint = server.HostKeyFingerprint();
        server.Stop();
        server.ReplaceHostKeys();
        server.Start();

        var ex = await Should.ThrowAsync<HostKeyChangedException>(() => host.ReconnectAsync(TimeSpan.FromSeconds(30), CancellationToken.None));

        ex.PresentedFingerprint.ShouldBe(server.HostKeyFingerprint());
        ex.KnownFingerprints.ShouldBe([oldFingerprint]);
        ex.Message.ShouldContain(server.HostKeyFingerprint());
        ex.Message.ShouldContain(oldFingerprint);
    }

    [Fact]
    public async Task ReconnectNeverAcceptsANewKeyEvenWhenTheFirstConnectDid()
    {
        using var server = new SshdServer();
        var knownHosts = Path.Combine(server.ScratchDirectory, "accepted_known_hosts");
        using var host = await SshHost.ConnectAsync(server.Options(knownHosts, acceptNewHostKey: true), CancellationToken.None);
        File.Delete(knownHosts);

        await Should.ThrowAsync<HostKeyUnknownException>(() => host.ReconnectAsync(TimeSpan.FromSeconds(30), CancellationToken.None));
        File.Exists(knownHosts).ShouldBeFalse();
    }

    [Fact]
    public async Task AnUnauthorizedClientKeyIsAnAuthenticationFailure()
    {
        var stranger = _shared.GenerateKey("stranger", "ed25519");
        var options = _shared.Options(KnownHostsFor(_shared), identityFile: stranger);

        var ex = await Should.ThrowAsync<HostAuthenticationException>(() => SshHost.ConnectAsync(options, CancellationToken.None));

        ex.Message.ShouldContain(stranger);
        ex.Message.ShouldContain(SshdServer.FingerprintOf(stranger + ".pub"));
        ex.Message.ShouldContain("authorized_keys");
    }

    [Fact]
    public async Task AnRsaClientKeyLogsIn()
    {
        var rsa = _shared.GenerateKey("client_rsa", "rsa");
        _shared.Authorize(rsa);

        using var host = await SshHost.ConnectAsync(_shared.Options(KnownHostsFor(_shared), identityFile: rsa), CancellationToken.None);

        (await host.RunAsync(["id", "-u"])).StdoutText.ShouldBe("0\n");
    }

    [Fact]
    public async Task AMissingIdentityFileIsAnAuthenticationFailureNamingIt()
    {
        var missing = Path.Combine(_shared.ScratchDirectory, "no_such_key");
        var ex = await Should.ThrowAsync<HostAuthenticationException>(() =>
            SshHost.ConnectAsync(_shared.Options(KnownHostsFor(_shared), identityFile: missing), CancellationToken.None));
        ex.Message.ShouldContain(missing);
    }

    [Fact]
    public async Task AHostWithSeveralKeysIsAskedForTheKindKnownHostsHolds()
    {
        using var server = new SshdServer("ed25519", "rsa");
        foreach (var type in new[] { "rsa", "ed25519" })
        {
            var knownHosts = server.WriteKnownHosts($"only_{type}", server.KnownHostsLine(type));

            using var host = await SshHost.ConnectAsync(server.Options(knownHosts), CancellationToken.None);

            host.HostKeyFingerprint.ShouldBe(server.HostKeyFingerprint(type));
            OpenSshVerdict.OfOpenSsh(server, knownHosts).ShouldBe(HostKeyStatus.Known);
        }
    }

    [Fact]
    public async Task ARefusedConnectionSaysSo()
    {
        var options = _shared.Options(KnownHostsFor(_shared)) with { Target = new SshTarget("root", "127.0.0.1", UnusedPort()) };

        var ex = await Should.ThrowAsync<HostConnectionException>(() => SshHost.ConnectAsync(options, CancellationToken.None));

        ex.GetType().ShouldBe(typeof(HostConnectionException));
        ex.Message.ShouldContain("cannot connect (ConnectionRefused");
    }

    [Fact]
    public async Task AServerThatNeverAnswersTimesOutAtTheConnectTimeout()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        var options = _shared.Options(KnownHostsFor(_shared)) with
        {
            Target = new SshTarget("root", "127.0.0.1", port),
            ConnectTimeout = TimeSpan.FromSeconds(2),
        };
        var watch = Stopwatch.StartNew();

        var ex = await Should.ThrowAsync<HostConnectionException>(() => SshHost.ConnectAsync(options, CancellationToken.None));

        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
        watch.Elapsed.ShouldBeGreaterThan(TimeSpan.FromSeconds(1.5));
        ex.Message.ShouldContain("no SSH session within 2 s");
    }

    private static string KnownHostsFor(SshdServer server) => server.WriteKnownHosts("known_hosts", server.KnownHostsLine());

    private static Task<SshHost> ConnectKnown(SshdServer server) =>
        SshHost.ConnectAsync(server.Options(KnownHostsFor(server)), CancellationToken.None);

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(50);
        }

        condition().ShouldBeTrue("the condition did not come true within 10 s");
    }

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
