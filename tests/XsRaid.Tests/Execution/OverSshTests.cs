using Xunit.Abstractions;
using XsRaid.Execution;
using XsRaid.Hosts;
using XsRaid.Planning;
using XsRaid.Tests.Support;
using XsRaid.Tests.Support.Sshd;

namespace XsRaid.Tests.Execution;

/// <summary>The executor over the shared real sshd: what a step costs besides its commands, and progress polled beside a running command.</summary>
[Collection(UsesSshd.Name)]
public sealed class OverSshTests(SshdFixture sshd, ITestOutputHelper output)
{
    [Fact]
    public async Task EachStepCostsWellUnderASecondBesidesItsCommands()
    {
        using var dir = new TempDir();
        using var ssh = await sshd.Server.ConnectAsync(dir);
        var steps = Enumerable.Range(1, 20).Select(i => SyntheticPlan.Touch($"step-{i}", dir.File($"s{i}"))).ToArray();
        var plan = SyntheticPlan.Of([SyntheticPlan.Reboot("false"), SyntheticPlan.RootGuard("/"), .. steps]);
        var events = new RecordingEvents();
        var settings = new ConvertSettings(dir.File("local.jsonl")) { HostState = new HostStateLocation(dir.File("state"), []), StepPidFile = dir.File("step.pid") };

        var first = await new ConvertRunner(ConvertConnection.For(ssh), settings, events).ExecuteAsync(plan, new PlanOptions("/dev/xsb"), HostConversionState.None, CancellationToken.None);
        var again = new RecordingEvents();
        var second = await new ConvertRunner(ConvertConnection.For(ssh), settings, again).ExecuteAsync(plan, new PlanOptions("/dev/xsb"), HostConversionState.None, CancellationToken.None);

        first.Kind.ShouldBe(ConvertOutcomeKind.Completed, first.Message);
        second.Kind.ShouldBe(ConvertOutcomeKind.Completed, second.Message);
        var ran = events.Of<StepFinished>().Where(f => f.Outcome.Step.Id.StartsWith("step-", StringComparison.Ordinal)).ToList();
        ran.Count.ShouldBe(20);
        ran.ShouldAllBe(f => f.Outcome.Result == StepResult.Done);
        // a step here is three SSH round trips: the done-check (with the "started" line), `touch` (microseconds of work),
        // the verification (with the "done" line); on this shared 2-core machine one round trip takes 50-150 ms, several
        // times that while CI builds the lab's image beside the tests. The bounds catch a step that waits on a poll
        // interval or opens a connection of its own (seconds each), not a slow machine.
        TimeSpan.FromMilliseconds(ran.Average(f => f.Outcome.Duration.TotalMilliseconds)).ShouldBeLessThan(TimeSpan.FromSeconds(2));
        ran.Max(f => f.Outcome.Duration).ShouldBeLessThan(TimeSpan.FromSeconds(5));
        output.WriteLine($"per step over SSH: mean {ran.Average(f => f.Outcome.Duration.TotalMilliseconds):0} ms, max {ran.Max(f => f.Outcome.Duration.TotalMilliseconds):0} ms");
        again.Of<StepFinished>().Where(f => f.Outcome.Step.Id.StartsWith("step-", StringComparison.Ordinal)).ShouldAllBe(f => f.Outcome.Result == StepResult.AlreadyDone);
        Directory.GetFiles(dir.Path, "s*").Length.ShouldBe(20);
    }

    [Fact]
    public async Task CopyProgressIsPolledOnItsOwnChannelWhileTheCopyRuns()
    {
        using var dir = new TempDir();
        using var ssh = await sshd.Server.ConnectAsync(dir);
        var release = dir.File("release");
        // the "copy" runs until the test has seen two progress reports: they can only come from polls beside it
        var copy = new PlanStep("copy-root-test", PlanPhase.BuildMirror, "Copy", "test",
            [HostCommand.Sh("n=0; while [ ! -e \"$1\" ] && [ $n -lt 300 ]; do sleep 0.1; n=$((n + 1)); done; [ -e \"$1\" ]", release)], null, null, null) { Kind = StepKind.Copy };
        var events = new RecordingEvents
        {
            Then = e =>
            {
                if (e is CopyProgress { BytesPerSecond: not null })
                {
                    File.WriteAllText(release, "");
                }
            },
        };
        var executor = new StepExecutor(ssh, new Journal(dir.File("journal.jsonl"), null), "plan", events, TimeSpan.FromSeconds(60), new StepCommandTracker(ssh, dir.File("step.pid"), TimeSpan.FromMilliseconds(100)),
            [new CopyMonitor("/dev/shm", TimeSpan.FromMilliseconds(100))]);

        var outcome = await executor.RunAsync(copy, 1, 1, CancellationToken.None);

        outcome.Result.ShouldBe(StepResult.Done, outcome.Failure?.Problem);
        var progress = events.Of<CopyProgress>();
        progress.Count.ShouldBeGreaterThanOrEqualTo(2);
        progress.ShouldAllBe(p => p.TotalBytes > 0 && p.Step == copy);
        progress[0].BytesPerSecond.ShouldBeNull("the first poll has nothing to compare with");
        var all = events.All.ToList();
        all.IndexOf(progress[^1]).ShouldBeLessThan(all.IndexOf(events.Of<StepFinished>().Single()), "polling stops before the step ends");
    }
}
