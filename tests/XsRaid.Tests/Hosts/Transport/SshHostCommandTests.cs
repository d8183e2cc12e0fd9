using System.Diagnostics;
using System.Security.Cryptography;
using XsRaid.Hosts;
using XsRaid.Tests.Support;
using XsRaid.Tests.Support.Sshd;

namespace XsRaid.Tests.Hosts.Transport;

[Collection(UsesSshd.Name)]
public sealed class SshHostCommandTests(SshdFixture sshd) : IDisposable
{
    private readonly SshdServer _server = sshd.Server;

    private readonly LocalHost _local = new(TimeSpan.FromSeconds(60));

    [Fact]
    public async Task EchoRoundTrip()
    {
        using var host = await Connect();

        var result = await host.RunAsync(["echo", "hello", "world"]);

        result.ShouldBe(result with { ExitCode = 0, Stderr = "" });
        result.StdoutText.ShouldBe("hello world\n");
        host.Name.ShouldBe($"root@127.0.0.1:{_server.Port}");
        host.HostKeyFingerprint.ShouldBe(_server.HostKeyFingerprint());
    }

    [Fact]
    public async Task LargeStdoutIsStreamedWhole()
    {
        using var host = await Connect();
        var watch = Stopwatch.StartNew();

        var result = await host.RunAsync(["head", "-c", "20000000", "/dev/zero"]);

        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(30));
        result.ExitCode.ShouldBe(0, result.Stderr);
        result.Stdout.Length.ShouldBe(20_000_000);
        result.Stdout.AsSpan().IndexOfAnyExcept((byte)0).ShouldBe(-1);
    }

    [Fact]
    public async Task BinaryStdoutArrivesByteForByte()
    {
        using var dir = new TempDir();
        var file = dir.File("random.bin");
        var data = RandomNumberGenerator.GetBytes(8 * 1024 * 1024 + 17);
        await File.WriteAllBytesAsync(file, data);
        using var host = await Connect();

        var result = await host.RunAsync(["cat", file]);

        result.Stdout.ShouldBe(data);
    }

    [Theory]
    [InlineData("sh", "-c", "echo out; echo err >&2; exit 3")]
    [InlineData("ls", "/xsraid-does-not-exist", "")]
    [InlineData("sh", "-c", "echo partial; kill -TERM $$")]
    [InlineData("xsraid-no-such-program", "a", "b")]
    public async Task FailuresAreDataJustAsLocally(string program, string arg1, string arg2)
    {
        string[] argv = arg2.Length == 0 ? [program, arg1] : [program, arg1, arg2];
        using var host = await Connect();

        var remote = await host.RunAsync(argv);
        var local = await _local.RunAsync(argv);

        remote.ExitCode.ShouldNotBe(0);
        remote.ExitCode.ShouldBe(local.ExitCode);
        remote.Stdout.ShouldBe(local.Stdout);
        if (program == "xsraid-no-such-program")
        {
            remote.Stderr.ShouldContain(program); // the login shell words "not found" its own way
        }
        else
        {
            remote.Stderr.ShouldBe(local.Stderr);
        }
    }

    [Fact]
    public async Task StdinIsWrittenThenClosed()
    {
        var data = RandomNumberGenerator.GetBytes(3 * 1024 * 1024);
        using var host = await Connect();

        var echoed = await host.RunAsync(["cat"], new CommandOptions(Stdin: data));
        var empty = await host.RunAsync(["cat"], new CommandOptions(Timeout: TimeSpan.FromSeconds(10)));

        echoed.Stdout.ShouldBe(data);
        empty.Stdout.ShouldBeEmpty();
    }

    [Fact]
    public async Task ATimedOutCommandThrowsAndTheConnectionStaysUsable()
    {
        using var host = await Connect();
        var watch = Stopwatch.StartNew();

        var ex = await Should.ThrowAsync<CommandTimeoutException>(() =>
            host.RunAsync(["sleep", "30"], new CommandOptions(Timeout: TimeSpan.FromSeconds(1))));

        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(15));
        ex.Message.ShouldContain("`sleep 30` did not finish within 1 s");
        ex.Host.ShouldBe(host.Name);
        (await host.RunAsync(["echo", "still here"])).StdoutText.ShouldBe("still here\n");
    }

    [Fact]
    public async Task HostileArgumentsArriveAsOneArgumentEachOverSshAndLocally()
    {
        using var dir = new TempDir();
        var marker = dir.File("pwned");
        var args = HostileArguments.WithMarker(marker);
        var argv = HostileArguments.PrintfArgv(args);
        using var host = await Connect();

        var remote = await host.RunAsync(argv);
        var local = await _local.RunAsync(argv);

        remote.ExitCode.ShouldBe(0, remote.Stderr);
        remote.Stdout.ShouldBe(HostileArguments.PrintfNulSeparated(args));
        remote.Stdout.ShouldBe(local.Stdout);
        File.Exists(marker).ShouldBeFalse();
    }

    [Fact]
    public async Task ANulArgumentIsRefusedBeforeAnythingIsSent()
    {
        using var host = await Connect();
        await Should.ThrowAsync<ArgumentException>(() => host.RunAsync(["echo", "a\0b"]));
        (await host.RunAsync(["true"])).ExitCode.ShouldBe(0);
    }

    public void Dispose() => _local.Dispose();

    private Task<SshHost> Connect() =>
        SshHost.ConnectAsync(_server.Options(_server.WriteKnownHosts("known_hosts", _server.KnownHostsLine())), CancellationToken.None);
}
