using System.Diagnostics;
using System.Security.Cryptography;
using XsRaid.Hosts;
using XsRaid.Tests.Support;

namespace XsRaid.Tests.Hosts.Transport;

public sealed class LocalHostTests : IDisposable
{
    private readonly LocalHost _host = new(TimeSpan.FromSeconds(60));

    [Fact]
    public async Task RunsArgvWithoutAShell()
    {
        using var dir = new TempDir();
        var marker = dir.File("pwned");
        var args = HostileArguments.WithMarker(marker);

        var result = await _host.RunAsync(HostileArguments.PrintfArgv(args));

        result.ExitCode.ShouldBe(0, result.Stderr);
        result.Stdout.ShouldBe(HostileArguments.PrintfNulSeparated(args));
        File.Exists(marker).ShouldBeFalse();
        _host.Name.ShouldBe("local");
    }

    [Fact]
    public async Task NonZeroExitAndStderrAreData()
    {
        var result = await _host.RunAsync(["sh", "-c", "echo out; echo err >&2; exit 3"]);

        result.ExitCode.ShouldBe(3);
        result.Succeeded.ShouldBeFalse();
        result.StdoutText.ShouldBe("out\n");
        result.Stderr.ShouldBe("err\n");
    }

    [Fact]
    public async Task AMissingProgramExitsLikeAShellSays()
    {
        var program = "xsraid-no-such-program";
        var shell = Tool.Run("sh", ["-c", program], check: false);

        var result = await _host.RunAsync([program, "arg"]);

        result.ExitCode.ShouldBe(shell.ExitCode);
        result.Stderr.ShouldContain(program);
    }

    [Fact]
    public async Task StdinIsWrittenThenClosed()
    {
        var data = RandomNumberGenerator.GetBytes(3 * 1024 * 1024); // more than a pipe holds: needs concurrent read and write

        var echoed = await _host.RunAsync(["cat"], new CommandOptions(Stdin: data));
        var empty = await _host.RunAsync(["cat"], new CommandOptions(Timeout: TimeSpan.FromSeconds(10)));

        echoed.Stdout.ShouldBe(data);
        empty.Stdout.ShouldBeEmpty();
    }

    [Fact]
    public async Task LargeStdoutArrivesWhole()
    {
        var watch = Stopwatch.StartNew();
        var result = await _host.RunAsync(["head", "-c", "20000000", "/dev/zero"]);

        result.Stdout.Length.ShouldBe(20_000_000);
        result.Stdout.AsSpan().IndexOfAnyExcept((byte)0).ShouldBe(-1);
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task ATimedOutCommandIsKilledWithItsChildren()
    {
        using var dir = new TempDir();
        var pidFile = dir.File("pid");
        var watch = Stopwatch.StartNew();

        var ex = await Should.ThrowAsync<CommandTimeoutException>(() => _host.RunAsync(
            ["sh", "-c", $"sleep 60 & echo $! > {pidFile}; wait"], new CommandOptions(Timeout: TimeSpan.FromMilliseconds(700))));

        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
        ex.Message.ShouldContain("did not finish within 0.7 s");
        ex.Host.ShouldBe("local");
        var sleeper = File.ReadAllText(pidFile).Trim();
        await WaitUntil(() => !Directory.Exists($"/proc/{sleeper}") || IsZombie(sleeper));
        (!Directory.Exists($"/proc/{sleeper}") || IsZombie(sleeper)).ShouldBeTrue($"sleep {sleeper} still runs");
    }

    [Fact]
    public async Task CancellationIsNotATimeout()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        await Should.ThrowAsync<OperationCanceledException>(() => _host.RunAsync(["sleep", "30"], ct: cts.Token));
    }

    public void Dispose() => _host.Dispose();

    private static bool IsZombie(string pid) =>
        File.Exists($"/proc/{pid}/stat") && File.ReadAllText($"/proc/{pid}/stat").Split(") ")[^1].StartsWith('Z');

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(50);
        }
    }
}
