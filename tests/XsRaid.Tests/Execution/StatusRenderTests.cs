using Spectre.Console;
using XsRaid.Cli.Rendering;
using XsRaid.Execution;
using XsRaid.Planning;
using XsRaid.Tests.Planning;
using XsRaid.Tests.Support;

namespace XsRaid.Tests.Execution;

/// <summary>
/// `xsraid status` as rendered from a host's saved plan and journal and a snapshot (the lab-debian sample, with
/// real /proc/mdstat captures whose arrays are named as the plan names them), against golden files.
/// </summary>
public sealed class StatusRenderTests
{
    internal static readonly DateTime Started = new(2026, 5, 1, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Phase2WhileTheArraysResync()
    {
        var sample = SampleHost.Load("lab-debian");
        var plan = sample.Plan(createSr: true).Plan!;
        var host = sample
            .WithFile("/proc/mounts", sample.Snapshot.File("/proc/mounts")!.Replace("/dev/sda1 / ext3", "/dev/md0 / ext3", StringComparison.Ordinal))
            .WithFile("/proc/mdstat", Mdstat("two-arrays-recovery-one-with-bitmap.txt", ("md20", "md0"), ("md21", "md2")));
        var upTo = plan.Steps.ToList().FindIndex(s => s.Id == "raise-resync-speed");
        var entries = Done(plan, upTo).Append(new JournalEntry(PlanIdentity.Of(plan), "wait-resync", PlanPhase.JoinMirror, JournalResult.Started, At(upTo + 1))).ToList();

        var status = ConversionStatus.From(host.Snapshot, State(plan, entries));

        status.Stage.ShouldBe(ConversionStage.JoiningMirror);
        status.StepsDone.ShouldBe(upTo + 1);
        status.Stopped!.Step.ShouldBe("wait-resync");
        status.Arrays.Select(a => a.State).ShouldBe([ArrayHealthState.Recovering, ArrayHealthState.Recovering]);
        Golden.Verify("status-phase2-resync.txt", Render(status));
    }

    [Fact]
    public void Phase1StoppedByAFailedStep()
    {
        var sample = SampleHost.Load("lab-debian");
        var plan = sample.Plan(createSr: true).Plan!;
        var host = sample.WithFile("/proc/mdstat", Mdstat("raid1-member-removed-degraded.txt", ("md20", "md0")));
        var failedAt = plan.Steps.ToList().FindIndex(s => s.Id == "mkfs-root");
        var entries = Done(plan, failedAt - 1).Append(new JournalEntry(PlanIdentity.Of(plan), "mkfs-root", PlanPhase.BuildMirror, JournalResult.Failed,
            At(failedAt), At(failedAt).AddSeconds(2), 2, "mke2fs 1.47.0 (5-Feb-2023)\n/dev/md0 is apparently in use by the system; will not make a filesystem here!",
            "`mkfs.ext3 -q -L xsraid-ufubhnhm -U 6a6f9c00-0d9c-445a-81cb-bddd08a5d4e4 /dev/md0` exited 1")).ToList();

        var status = ConversionStatus.From(host.Snapshot, State(plan, entries));

        status.Stage.ShouldBe(ConversionStage.BuildingMirror);
        status.Stopped!.Result.ShouldBe(JournalResult.Failed);
        Golden.Verify("status-phase1-failed.txt", Render(status));
    }

    [Fact]
    public void Phase1InterruptedWhileItsCopyStillRunsOnTheHost()
    {
        var sample = SampleHost.Load("lab-debian");
        var plan = sample.Plan(createSr: true).Plan!;
        var host = sample.WithFile("/proc/mdstat", Mdstat("raid1-member-removed-degraded.txt", ("md20", "md0")));
        var copyAt = plan.Steps.ToList().FindIndex(s => s.Id == "copy-root-live");
        var entries = Done(plan, copyAt - 1).Append(new JournalEntry(PlanIdentity.Of(plan), "copy-root-live", PlanPhase.BuildMirror, JournalResult.Started, At(copyAt))).ToList();
        const string rsync = "912 rsync -aHAXx --numeric-ids --delete /mnt/xsraid-root-src/ /mnt/xsraid-root/";

        var status = ConversionStatus.From(host.Snapshot, State(plan, entries), rsync);

        status.RunningCommand.ShouldBe(rsync);
        status.Stopped!.Step.ShouldBe("copy-root-live");
        Golden.Verify("status-phase1-copy-still-runs.txt", Render(status));
    }

    [Fact]
    public void AHostWithoutAConversion()
    {
        var status = ConversionStatus.From(SampleHost.Load("lab-debian").Snapshot, HostConversionState.None);

        status.Stage.ShouldBe(ConversionStage.None);
        Golden.Verify("status-none.txt", Render(status));
    }

    internal static DateTime At(int step) => Started.AddSeconds(10 * step + 1);

    /// <summary>Every step up to index <paramref name="last"/> done, 10 s apart, the reboot with its "started" line first.</summary>
    internal static IEnumerable<JournalEntry> Done(ConversionPlan plan, int last) =>
        plan.Steps.Take(last + 1).SelectMany((s, i) =>
        {
            var done = new JournalEntry(PlanIdentity.Of(plan), s.Id, s.Phase, JournalResult.Done, At(i), At(i).AddSeconds(1.5), 1.5, "");
            return s.Commands.Count > 0 ? new[] { done with { Result = JournalResult.Started, End = null, Seconds = null, Output = null }, done } : [done];
        });

    internal static HostConversionState State(ConversionPlan plan, IReadOnlyList<JournalEntry> entries) =>
        new(new SavedConversion(RunnerHarness.Options, plan, Started), entries);

    internal static string Mdstat(string fixture, params (string From, string To)[] names) =>
        names.Aggregate(File.ReadAllText(Path.Combine(Fixtures.Root, "md", "mdstat", fixture)),
            (text, n) => text.Replace(n.From + " :", n.To + " :", StringComparison.Ordinal));

    private static string Render(ConversionStatus status)
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 160;
        console.Profile.Capabilities.Unicode = false;
        StatusRenderer.Render(console, status);
        return output.ToString();
    }
}
