using System.Globalization;
using System.Text;
using XsRaid.Execution;
using XsRaid.Hosts;
using XsRaid.Planning;
using XsRaid.Platforms.Bootloaders;
using XsRaid.Tests.Support;

namespace XsRaid.Tests.Execution;

/// <summary>
/// The executor's read-only snippets and a real step, run by this machine's sh through <see cref="LocalHost"/>, and
/// compared with what the kernel and the tools say directly.
/// </summary>
public sealed class HostSnippetTests
{
    [Fact]
    public async Task BootFactsAreWhatTheKernelSays()
    {
        using var dir = new TempDir();
        using var host = new LocalHost(TimeSpan.FromSeconds(30));
        var armed = dir.File("armed");
        var used = dir.File("used");
        Directory.CreateDirectory(armed);
        Directory.CreateDirectory(used);
        // extlinux keeps the boot-once command in the ADV at the end of ldlinux.sys; ldlinux clears it when it uses it
        File.WriteAllBytes(Path.Combine(armed, "ldlinux.sys"), [.. new byte[4096], .. Encoding.ASCII.GetBytes("xsraid"), .. new byte[200]]);
        File.WriteAllBytes(Path.Combine(used, "ldlinux.sys"), new byte[4096]);

        var facts = await BootFacts.ReadAsync(host, new Extlinux(armed, "gptmbr.bin").OneShotFor("xsraid"), CancellationToken.None);
        var cleared = await BootFacts.ReadAsync(host, new Extlinux(used, "gptmbr.bin").OneShotFor("xsraid"), CancellationToken.None);
        var noLoader = await BootFacts.ReadAsync(host, new Extlinux(dir.File("none"), "gptmbr.bin").OneShotFor("xsraid"), CancellationToken.None);
        var unknown = await BootFacts.ReadAsync(host, null, CancellationToken.None);

        var btime = File.ReadAllLines("/proc/stat").Single(l => l.StartsWith("btime ", StringComparison.Ordinal))[6..];
        facts.BootTime.ShouldBe(DateTime.UnixEpoch.AddSeconds(long.Parse(btime, CultureInfo.InvariantCulture)));
        facts.KernelCommandLine.ShouldBe(File.ReadAllText("/proc/cmdline").Trim());
        facts.RootDevice.ShouldBe(File.ReadAllLines("/proc/mounts").Last(l => l.Split(' ')[1] == "/").Split(' ')[0]);
        facts.OneShotPending.ShouldBe(true);
        cleared.OneShotPending.ShouldBe(false);
        noLoader.OneShotPending.ShouldBeNull();
        unknown.OneShotPending.ShouldBeNull();
    }

    [Fact]
    public async Task CopySizesAreDfsUsedSpace()
    {
        using var host = new LocalHost(TimeSpan.FromSeconds(30));

        var snippet = await host.RunAsync(["sh", "-c", ExecutionSnippets.CopySizes, "sh", "/dev/shm"]);
        var df = Tool.Run("df", "-P", "-k", "/", "/dev/shm").Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Skip(1).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToDictionary(f => f[5], f => long.Parse(f[2], CultureInfo.InvariantCulture) * 1024);

        var sizes = CopyMonitor.Parse(snippet.StdoutText, "/dev/shm");

        sizes.ShouldNotBeNull();
        // other tests write to / meanwhile: allow 64 MiB, far less than a wrong unit (x1024) or column (available) would be off
        Math.Abs(sizes.Value.Total - df["/"]).ShouldBeLessThan(64L << 20);
        Math.Abs(sizes.Value.Copied - df["/dev/shm"]).ShouldBeLessThan(64L << 20);
        CopyMonitor.Parse(snippet.StdoutText, "/mnt/not-mounted").ShouldBeNull("no line for the new root: no progress");
    }

    [Fact]
    public async Task AStepRunsForRealThenIsFoundDoneOnTheNextRun()
    {
        using var dir = new TempDir();
        using var host = new LocalHost(TimeSpan.FromSeconds(30));
        var path = dir.File("fstab");
        const string content = "UUID=ünï / ext3 defaults 1 1\n# it's $(not) run\n";
        var done = new HostCheck("fstab has the new content", HostCommand.Sh(Snippets.FileEquals, path) with { Stdin = content });
        var step = new PlanStep("rewrite-fstab", PlanPhase.BuildMirror, "Write fstab", "test", [HostCommand.WriteFile(path, content)], null, done, done);
        var events = new RecordingEvents();
        var executor = new StepExecutor(host, new Journal(dir.File("journal.jsonl"), null), "plan", events, TimeSpan.FromSeconds(30), Tracker(host, dir));

        var first = await executor.RunAsync(step, 1, 1, CancellationToken.None);
        var second = await executor.RunAsync(step, 1, 1, CancellationToken.None);

        first.Result.ShouldBe(StepResult.Done);
        File.ReadAllBytes(path).ShouldBe(Encoding.UTF8.GetBytes(content), "standard input reaches the command as UTF-8, unchanged");
        second.Result.ShouldBe(StepResult.AlreadyDone);
        Journal.ReadLocal(dir.File("journal.jsonl")).Select(e => e.Result).ShouldBe([JournalResult.Started, JournalResult.Done, JournalResult.Skipped]);
    }

    [Fact]
    public async Task AStepFoundDoneWhoseCheckFailsIsAFailure()
    {
        using var dir = new TempDir();
        using var host = new LocalHost(TimeSpan.FromSeconds(30));
        var step = new PlanStep("odd", PlanPhase.BuildMirror, "Odd", "test", [HostCommand.Of("true")], null,
            new HostCheck("looks done", HostCommand.Of("true")), new HostCheck("really done", HostCommand.Sh("echo 'no, not done' >&2; exit 4")));
        var executor = new StepExecutor(host, new Journal(dir.File("journal.jsonl"), null), "plan", new RecordingEvents(), TimeSpan.FromSeconds(30), Tracker(host, dir));

        var outcome = await executor.RunAsync(step, 1, 1, CancellationToken.None);

        outcome.Result.ShouldBe(StepResult.Failed);
        outcome.Failure!.Problem.ShouldBe("its effect looked present (looks done) but its check does not hold: really done");
        outcome.Failure.ExitCode.ShouldBe(4);
        outcome.Failure.StderrTail.ShouldBe("no, not done");
    }

    /// <summary>
    /// The partition-table re-read waits for udev and tries again while the disk is busy (udev probing the partitions
    /// sgdisk just made: the lab saw "Device or resource busy"). The kernel side is proven in the lab; here stand-in
    /// blockdev and udevadm commands on PATH record the calls: busy twice, then done.
    /// </summary>
    [Theory]
    [InlineData(2, 0, 3)]
    [InlineData(20, 1, 10)]
    public async Task ThePartitionTableRereadRetriesWhileTheDiskIsBusy(int busyTimes, int exitCode, int attempts)
    {
        using var dir = new TempDir();
        using var host = new LocalHost(TimeSpan.FromSeconds(60));
        var log = dir.File("calls");
        File.WriteAllText(dir.File("blockdev"),
            $"#!/bin/sh\necho \"blockdev $*\" >> {log}\nn=$(grep -c blockdev {log})\n"
            + $"if [ $n -le {busyTimes} ]; then echo 'blockdev: ioctl error on BLKRRPART: Device or resource busy' >&2; exit 1; fi\n");
        File.WriteAllText(dir.File("udevadm"), $"#!/bin/sh\necho \"udevadm $*\" >> {log}\n");
        Tool.Run("chmod", ["+x", dir.File("blockdev"), dir.File("udevadm")]);

        var result = await host.RunAsync(["env", $"PATH={dir.Path}:/usr/bin:/bin", "sh", "-c", Snippets.RereadPartitionTable, "sh", "/dev/xsraid-test"]);

        result.ExitCode.ShouldBe(exitCode, result.Stderr);
        var calls = File.ReadAllLines(log);
        calls.Count(c => c == "blockdev --rereadpt /dev/xsraid-test").ShouldBe(attempts);
        calls[0].ShouldBe("udevadm settle", "udev settles before the first try");
        if (exitCode == 0)
        {
            calls[^1].ShouldBe("udevadm settle", "and after the last, so the partitions' nodes exist");
        }
        else
        {
            result.Stderr.ShouldContain("Device or resource busy");
        }
    }

    private static StepCommandTracker Tracker(IHost host, TempDir dir) => new(host, dir.File("step.pid"), TimeSpan.FromMilliseconds(50));
}
