using XsRaid.Execution;
using XsRaid.Hosts;
using XsRaid.Hosts.Parsers;
using XsRaid.Planning;
using XsRaid.Tests.Support;

namespace XsRaid.Tests.Execution;

/// <summary>
/// The runner's control flow on the lab-debian sample's real plan against a scripted host: the whole conversion,
/// skip-if-done, stop on failure, resume, roll-back, phase 2 after the reboot, host changed, --no-wait, progress.
/// </summary>
public sealed class ConvertRunnerTests
{
    private static IEnumerable<HostCommand> Commands(PlanStep step) =>
        step.Commands.Concat(new[] { step.DoneWhen?.Command, step.Verify?.Command }.OfType<HostCommand>());

    private static int RebootIndex(ConversionPlan plan) => plan.Steps.ToList().FindIndex(s => s.IsRebootPoint);

    [Fact]
    public async Task WholeConversionRunsEveryStepInOrderAcrossOneReboot()
    {
        using var h = new RunnerHarness();

        var outcome = await h.ConvertAsync();

        outcome.Kind.ShouldBe(ConvertOutcomeKind.Completed, outcome.Message);
        h.FinishedSteps(h.LocalJournal).ShouldBe(h.Plan.Steps.Select(s => s.Id));
        h.LocalJournal.Where(e => e.Result != JournalResult.Started).ShouldAllBe(e => e.Result == JournalResult.Done, "a fresh host has nothing done yet");
        h.HostJournal.ShouldBe(h.LocalJournal, "the host gets every journal line the local file gets");
        h.Host.Reboots.ShouldBe(1);
        ExecutionJson.ParseSaved(h.Host.SavedPlan!)!.Plan.ShouldSatisfyAllConditions(p => PlanIdentity.Of(p).ShouldBe(PlanIdentity.Of(h.Plan)));

        var calls = h.Host.Calls;
        var reboot = calls.IndexOf("reboot");
        var firstPhase2 = calls.FindIndex(c => c.StartsWith("sgdisk '--replicate=/dev/sda' /dev/sdb", StringComparison.Ordinal));
        var lastPhase1 = calls.FindLastIndex(c => c.StartsWith("mdadm --create", StringComparison.Ordinal));
        lastPhase1.ShouldBeLessThan(reboot);
        firstPhase2.ShouldBeGreaterThan(reboot);
        h.Events.Of<HostWentAway>().Count.ShouldBe(1);
        h.Events.Of<HostCameBack>().Count.ShouldBe(1);
        h.Events.Of<StepFinished>().Select(f => f.Outcome.Step.Id).ShouldBe(h.Plan.Steps.Select(s => s.Id));
    }

    [Fact]
    public async Task StepsWhoseEffectIsThereAreSkippedButStillVerified()
    {
        using var h = new RunnerHarness();
        foreach (var id in new[] { "partition-target", "create-md0", "create-md1", "create-md2", "mkfs-root" })
        {
            h.Host.Effects.Add(FakeHost.Key(h.Plan.Step(id).DoneWhen!.Command));
        }

        var outcome = await h.ConvertAsync();

        outcome.Kind.ShouldBe(ConvertOutcomeKind.Completed, outcome.Message);
        var finished = h.Events.Of<StepFinished>().ToDictionary(f => f.Outcome.Step.Id, f => f.Outcome.Result);
        foreach (var id in new[] { "partition-target", "create-md0", "create-md1", "create-md2", "mkfs-root" })
        {
            finished[id].ShouldBe(StepResult.AlreadyDone);
            h.LocalJournal.Single(e => e.Step == id).Result.ShouldBe(JournalResult.Skipped, "a skipped step writes no 'started' line");
        }

        h.Host.CallsMatching("sgdisk '--replicate=/dev/sdb'").ShouldBe(0);
        h.Host.CallsMatching("mdadm --create").ShouldBe(0);
        h.Host.CallsMatching("mkfs.ext3").ShouldBe(0);
        var verify = FakeHost.Key(h.Plan.Step("mkfs-root").Verify!.Command);
        h.Host.Calls.Count(c => c == verify).ShouldBe(2, "the done-check and the verification are the same command here, and both ran");
        finished["mount-new-root"].ShouldBe(StepResult.Done);
    }

    [Fact]
    public async Task AFailingCommandStopsTheConversionWithItsDetails()
    {
        using var h = new RunnerHarness();
        h.Host.Fail(a => a[0] == "mkfs.ext3", 1, "mke2fs 1.47.0\n/dev/md0 is apparently in use by the system; will not make a filesystem here!\n");

        var outcome = await h.ConvertAsync();

        outcome.Kind.ShouldBe(ConvertOutcomeKind.Failed);
        var failure = outcome.Failure!;
        failure.Step.Id.ShouldBe("mkfs-root");
        failure.Argv.ShouldBe(h.Plan.Step("mkfs-root").Commands[0].Argv);
        failure.ExitCode.ShouldBe(1);
        failure.StderrTail.ShouldEndWith("will not make a filesystem here!");
        failure.Problem.ShouldStartWith("`mkfs.ext3 -q -L");
        failure.Advice.ShouldContain("run the same `xsraid convert` again");
        h.Host.CallsMatching("rsync").ShouldBe(0, "nothing after the failed step runs");
        h.Host.Reboots.ShouldBe(0);
        var last = h.LocalJournal[^1];
        (last.Step, last.Result).ShouldBe(("mkfs-root", JournalResult.Failed));
        last.Output.ShouldNotBeNull().ShouldContain("in use by the system");
        h.Events.Of<StepFinished>()[^1].Outcome.Failed.ShouldBeTrue();
    }

    [Fact]
    public async Task AVerificationThatDoesNotHoldAfterTheCommandsIsAFailure()
    {
        using var h = new RunnerHarness();
        var mounted = h.Plan.Step("mount-new-root").Verify!.Command;
        h.Host.Fail(a => a.SequenceEqual(mounted.Argv), 1, "");

        var outcome = await h.ConvertAsync();

        outcome.Failure!.Step.Id.ShouldBe("mount-new-root");
        outcome.Failure.Problem.ShouldBe($"its commands ran but its check does not hold: {h.Plan.Step("mount-new-root").Verify!.Description}");
        outcome.Failure.Argv.ShouldBe(mounted.Argv);
    }

    [Fact]
    public async Task ALostConnectionDuringACommandIsAFailureWithoutAnExitCode()
    {
        using var h = new RunnerHarness();
        h.Host.DropConnectionOn(a => a[0] == "rsync");

        var outcome = await h.ConvertAsync();

        outcome.Kind.ShouldBe(ConvertOutcomeKind.Failed);
        outcome.Failure!.Step.Id.ShouldBe("copy-root-live");
        outcome.Failure.ExitCode.ShouldBeNull();
        outcome.Failure.Problem.ShouldContain("whether it finished on the host is unknown");
        outcome.Failure.Argv.ShouldBe(h.Plan.Step("copy-root-live").Commands[^1].Argv);
        outcome.Failure.Advice.ShouldContain("reachable");
    }

    [Fact]
    public async Task ARerunContinuesFromTheJournalAndTrustsTheHostOverIt()
    {
        using var h = new RunnerHarness();
        var rsyncs = 0;
        h.Host.Fail(a => a[0] == "rsync" && ++rsyncs == 2, 23, "rsync error: some files/attrs were not transferred (code 23)\n");
        (await h.ConvertAsync()).Failure!.Step.Id.ShouldBe("copy-root-final");
        h.Host.ClearFailures();
        h.Host.Effects.Remove(FakeHost.Key(h.Plan.Step("create-md1").Verify!.Command)); // the host lost md1 meanwhile
        var before = h.Host.Calls.Count;

        var runner = h.Runner();
        var prepared = await runner.PrepareAsync(RunnerHarness.Options, CancellationToken.None);
        prepared.Resuming.ShouldBeTrue();
        var outcome = await runner.RunAsync(prepared, CancellationToken.None);

        outcome.Kind.ShouldBe(ConvertOutcomeKind.Completed, outcome.Message);
        var rerun = h.Host.Calls.Skip(before).ToList();
        rerun.ShouldNotContain(c => c.StartsWith("sgdisk '--replicate=/dev/sdb'", StringComparison.Ordinal), "partition-target's effect is on the host");
        rerun.ShouldContain(c => c.StartsWith("mdadm --create /dev/md1", StringComparison.Ordinal), "the journal says create-md1 is done, the host says it is not: the host wins");
        rerun.ShouldNotContain(c => c.StartsWith("mdadm --create /dev/md0", StringComparison.Ordinal));
        h.Events.Of<ConvertNotice>().ShouldContain(n => n.Text.StartsWith("Continuing the conversion started", StringComparison.Ordinal));
        h.Host.SavedPlan.ShouldNotBeNull();
        h.HostJournal.Select(e => e.Plan).Distinct().ShouldBe([PlanIdentity.Of(h.Plan)]);
    }

    [Fact]
    public async Task DisksThatTradeNamesAtTheRebootAreFollowedInPhase2()
    {
        using var h = new RunnerHarness();
        var swap = DiskRenames.For(h.Plan, h.Plan.Target.Device, h.Plan.Source.Device);
        h.Host.Learn(PlanRebinding.Rebind(h.Plan, swap));
        h.Host.OnReboot = () => h.Host.RenameDisks(swap);

        var outcome = await h.ConvertAsync();

        outcome.Kind.ShouldBe(ConvertOutcomeKind.Completed, outcome.Message);
        var phase2 = h.Host.Calls.SkipWhile(c => c != "reboot").ToList();
        phase2.ShouldContain("sgdisk '--replicate=/dev/sdb' /dev/sda", "the original disk (now sdb) gets the mirror's (now sda) layout");
        phase2.ShouldContain("mdadm /dev/md0 --add /dev/sdb1");
        phase2.ShouldContain("mdadm /dev/md2 --add /dev/sdb3");
        phase2.ShouldNotContain(c => c.Contains("--add /dev/sda", StringComparison.Ordinal), "the mirror's own disk never joins as the original");
        phase2.ShouldNotContain(c => c.StartsWith("sgdisk --randomize-guids '--attributes=1:clear:2' /dev/sda", StringComparison.Ordinal));
        h.Events.Of<ConvertNotice>().ShouldContain(n => n.Text.Contains("/dev/sda is now /dev/sdb, /dev/sdb is now /dev/sda", StringComparison.Ordinal));
        h.FinishedSteps(h.LocalJournal).ShouldContain("join-md0");
        h.HostJournal.Select(e => e.Plan).Distinct().ShouldBe([PlanIdentity.Of(h.Plan)], "the journal keeps the plan's identity across the renames");
        outcome.Message.ShouldContain("mirror of /dev/sdb and /dev/sda");
    }

    [Fact]
    public async Task AResumeAfterTheDisksTradedNamesContinuesUnderTheNamesTheyHaveNow()
    {
        using var h = new RunnerHarness();
        var swap = DiskRenames.For(h.Plan, h.Plan.Target.Device, h.Plan.Source.Device);
        h.Host.Learn(PlanRebinding.Rebind(h.Plan, swap));
        h.ComesBack = false;
        (await h.ConvertAsync()).Kind.ShouldBe(ConvertOutcomeKind.Failed, "the host did not come back in time");
        // it came back later, on the mirror, with the disks' names swapped
        h.Host.RenameDisks(swap);
        (h.Host.Down, h.Host.RootOnArray, h.Host.BootTime) = (false, true, DateTime.UtcNow.AddSeconds(1));
        h.Sample = h.Sample.WithDisksSwapped("/dev/md0");
        var before = h.Host.Calls.Count;

        var runner = h.Runner();
        var prepared = await runner.PrepareAsync(RunnerHarness.Options, CancellationToken.None);
        prepared.Refusals.ShouldBeEmpty("the same command line (--target /dev/sdb) continues: the disk it meant is found by identity");
        prepared.Plan!.Target.Device.ShouldBe("/dev/sda");
        prepared.Renames!.Describe(h.Plan).ShouldBe("/dev/sda is now /dev/sdb, /dev/sdb is now /dev/sda");
        var outcome = await runner.RunAsync(prepared, CancellationToken.None);

        outcome.Kind.ShouldBe(ConvertOutcomeKind.Completed, outcome.Message);
        var rerun = h.Host.Calls.Skip(before).ToList();
        rerun.ShouldContain("mdadm /dev/md1 --add /dev/sdb2");
        rerun.ShouldNotContain(c => c.Contains("--add /dev/sda", StringComparison.Ordinal));
        h.Events.Of<ConvertNotice>().ShouldContain(n => n.Text.StartsWith("The kernel renamed the disks since the conversion started", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AResumeWithAnotherTargetOrOtherOptionsIsRefused()
    {
        using var h = new RunnerHarness();
        h.Host.Fail(a => a[0] == "rsync", 23, "rsync error\n");
        await h.ConvertAsync();

        var runner = h.Runner();
        var other = await runner.PrepareAsync(RunnerHarness.Options with { Target = "/dev/sda" }, CancellationToken.None);
        var noSr = await runner.PrepareAsync(RunnerHarness.Options with { CreateSr = false }, CancellationToken.None);
        var byId = await runner.PrepareAsync(RunnerHarness.Options with { Target = "/dev/disk/by-id/" + h.Plan.Target.BestName }, CancellationToken.None);

        other.Refusals.Select(r => r.Rule).ShouldBe([ConvertRules.ConversionInProgress]);
        other.Refusals[0].WayOut.ShouldContain("--target /dev/sdb --create-sr");
        noSr.Refusals.Select(r => r.Rule).ShouldBe([ConvertRules.ConversionInProgress]);
        byId.IsRefused.ShouldBeFalse("the same disk named by its by-id name continues the conversion");
    }

    [Fact]
    public async Task ARollBackIsReportedAndNothingOfPhase2Runs()
    {
        using var h = new RunnerHarness { ComesBackOnArray = false };

        var outcome = await h.ConvertAsync();

        outcome.Kind.ShouldBe(ConvertOutcomeKind.RolledBack);
        outcome.Rollback!.RootDevice.ShouldBe("/dev/sda1");
        outcome.Rollback.KernelCommandLine.ShouldBe("root=LABEL=root-old ro");
        outcome.Rollback.OneShotPending.ShouldBe(false);
        outcome.Message.ShouldContain("not on /dev/md0");
        h.Host.CallsMatching("sgdisk '--replicate=/dev/sda'").ShouldBe(0);
        var last = h.LocalJournal[^1];
        (last.Step, last.Result).ShouldBe(("reboot", JournalResult.RolledBack));
        h.HostJournal[^1].ShouldBe(last);
        h.Host.Calls.ShouldContain(c => c.StartsWith("sh -c", StringComparison.Ordinal) && c.Contains("/boot/extlinux xsraid", StringComparison.Ordinal),
            "the boot facts are read with the plan's extlinux directory and one-shot label");
    }

    [Fact]
    public async Task AfterARollBackTheNextRunRebootsAgainAndCompletes()
    {
        using var h = new RunnerHarness { ComesBackOnArray = false };
        (await h.ConvertAsync()).Kind.ShouldBe(ConvertOutcomeKind.RolledBack);
        h.ComesBackOnArray = true;

        var outcome = await h.ConvertAsync();

        outcome.Kind.ShouldBe(ConvertOutcomeKind.Completed, outcome.Message);
        h.Host.Reboots.ShouldBe(2);
        h.Events.Of<StepFinished>().Where(f => f.Outcome.Step.Phase == PlanPhase.BuildMirror && f.Outcome.Step.DoneWhen is not null)
            .ShouldAllBe(f => f.Outcome.Result == StepResult.AlreadyDone);
    }

    [Fact]
    public async Task ARebootThatNobodyWatchedIsReportedAsARollBackWhenTheHostBootedSince()
    {
        using var h = new RunnerHarness { ComesBack = false };
        (await h.ConvertAsync()).Message.ShouldContain("did not come back within 20 s");
        h.Host.Down = false; // it came back later, on the original root
        h.Host.BootTime = DateTime.UtcNow.AddSeconds(5);
        var before = h.Host.Calls.Count;

        var outcome = await h.ConvertAsync();

        outcome.Kind.ShouldBe(ConvertOutcomeKind.RolledBack);
        h.Host.Calls.Skip(before).ShouldNotContain("reboot");
        h.Host.Calls.Skip(before).ShouldNotContain(c => c.StartsWith("mdadm", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ARebootThatNeverHappenedIsTriedAgain()
    {
        using var h = new RunnerHarness { ComesBack = false };
        await h.ConvertAsync();
        h.Host.Down = false;
        h.Host.BootTime = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc); // up since long before the reboot command
        h.ComesBack = true;

        var outcome = await h.ConvertAsync();

        outcome.Kind.ShouldBe(ConvertOutcomeKind.Completed, outcome.Message);
        h.Events.Of<ConvertNotice>().ShouldContain(n => n.Text.Contains("did not happen", StringComparison.Ordinal));
        h.Host.Reboots.ShouldBe(2);
    }

    [Fact]
    public async Task ARebootCommandThatFailsStopsWithoutWaiting()
    {
        using var h = new RunnerHarness();
        h.Host.Fail(a => a is ["reboot"], 1, "reboot: must be superuser.\n");

        var outcome = await h.ConvertAsync();

        outcome.Kind.ShouldBe(ConvertOutcomeKind.Failed);
        (outcome.Failure!.Step.Id, outcome.Failure.ExitCode, outcome.Failure.StderrTail).ShouldBe(("reboot", 1, "reboot: must be superuser."));
        h.Events.Of<HostWentAway>().ShouldBeEmpty();
        h.LocalJournal[^1].Result.ShouldBe(JournalResult.Failed, "the reboot did not happen: the next run arms it again");
    }

    [Fact]
    public async Task AfterTheRebootOnlyPhase2Runs()
    {
        using var h = new RunnerHarness { ComesBack = false };
        (await h.ConvertAsync()).Kind.ShouldBe(ConvertOutcomeKind.Failed);
        h.Host.Down = false;
        h.Host.RootOnArray = true; // it came back later, on the mirror
        var before = h.Host.Calls.Count;

        var outcome = await h.ConvertAsync();

        outcome.Kind.ShouldBe(ConvertOutcomeKind.Completed, outcome.Message);
        var rerun = h.Host.Calls.Skip(before).ToHashSet();
        var phase2 = h.Plan.Steps.Skip(RebootIndex(h.Plan) + 1).SelectMany(Commands).Select(FakeHost.Key).ToHashSet();
        foreach (var step in h.Plan.Steps.Take(RebootIndex(h.Plan) + 1))
        {
            var ran = Commands(step).Select(FakeHost.Key).Where(k => rerun.Contains(k) && !phase2.Contains(k)).ToList();
            ran.ShouldBeEmpty($"phase 1 step {step.Id} must not run after the reboot");
        }

        h.Events.Of<StepStarted>()[0].Step.Kind.ShouldBe(StepKind.Guard);
        var reboot = h.LocalJournal.Last(e => e.Step == "reboot");
        (reboot.Result, reboot.Detail).ShouldBe((JournalResult.Done, "came back on /dev/md0"));
    }

    [Fact]
    public async Task AHostThatChangedSinceThePlanWasShownIsRefusedBeforeAnyWrite()
    {
        using var h = new RunnerHarness();
        var runner = h.Runner();
        var shown = await runner.PrepareAsync(RunnerHarness.Options, CancellationToken.None);
        h.Sample = h.Sample.WithDisk("sdb", d => d with { Serial = "ANOTHER-DISK" });

        var outcome = await runner.RunAsync(shown, CancellationToken.None);

        outcome.Kind.ShouldBe(ConvertOutcomeKind.HostChanged);
        outcome.Changes.ShouldContain(c => c.Contains("serial was", StringComparison.Ordinal) && c.Contains("now ANOTHER-DISK", StringComparison.Ordinal));
        h.Host.Calls.ShouldAllBe(c => c.StartsWith("sh -c", StringComparison.Ordinal) && c.Contains(HostStateLocation.DefaultDirectory, StringComparison.Ordinal),
            "only the saved state was read: nothing written, no plan saved");
        h.Host.SavedPlan.ShouldBeNull();
        ConvertCommandExitCode(outcome).ShouldBe(3);
    }

    [Fact]
    public async Task WithYesTheHostIsProbedOnceAndWithAConfirmationTwice()
    {
        using var confirmed = new RunnerHarness();
        using var yes = new RunnerHarness();

        (await confirmed.ConvertAsync()).Kind.ShouldBe(ConvertOutcomeKind.Completed);
        (await yes.ConvertAsync(recheck: false)).Kind.ShouldBe(ConvertOutcomeKind.Completed);

        confirmed.Probes.ShouldBe(2, "the plan shown, then the host again after the user answered");
        confirmed.Events.Of<ConvertNotice>().ShouldContain(n => n.Text == "The host still matches the plan.");
        yes.Probes.ShouldBe(1, "--yes: the plan made from the snapshot just taken is carried out");
        yes.Events.Of<ConvertNotice>().ShouldNotContain(n => n.Text == "The host still matches the plan.");
    }

    [Fact]
    public async Task ARefusalOfTheFreshPlanStopsBeforeAnyWrite()
    {
        using var h = new RunnerHarness();
        var runner = h.Runner();
        var shown = await runner.PrepareAsync(RunnerHarness.Options, CancellationToken.None);
        h.Sample = h.Sample.AppendToFile("/proc/mounts", "/dev/sdb1 /mnt ext3 rw 0 0");

        var outcome = await runner.RunAsync(shown, CancellationToken.None);

        outcome.Kind.ShouldBe(ConvertOutcomeKind.Refused);
        outcome.Refusals.Select(r => r.Rule).ShouldContain(RuleIds.TargetInUse);
        h.Host.SavedPlan.ShouldBeNull();
        ConvertCommandExitCode(outcome).ShouldBe(3);
    }

    [Fact]
    public async Task NoWaitReturnsOnceThePartitionsAreAddedAndARerunFinishes()
    {
        using var h = new RunnerHarness();

        var outcome = await h.ConvertAsync(noWait: true);

        outcome.Kind.ShouldBe(ConvertOutcomeKind.ResyncRunning, outcome.Message);
        h.FinishedSteps(h.LocalJournal)[^1].ShouldBe("raise-resync-speed");
        h.Host.CallsMatching(FakeHost.Key(h.Plan.Step("wait-resync").Commands[0])).ShouldBe(0);
        h.Host.Effects.Add(FakeHost.Key(h.Plan.Step("wait-resync").Verify!.Command)); // the resync finished meanwhile

        var rerun = await h.ConvertAsync(noWait: true);

        rerun.Kind.ShouldBe(ConvertOutcomeKind.Completed, rerun.Message);
        h.Events.Of<StepFinished>().Single(f => f.Outcome.Step.Id == "wait-resync").Outcome.Result.ShouldBe(StepResult.AlreadyDone);
    }

    [Fact]
    public async Task TheResyncIsReportedFromProcMdstatWhileItIsWaitedFor()
    {
        using var h = new RunnerHarness();
        // real /proc/mdstat captures, with the arrays named as the plan names them
        var texts = new[] { "raid1-recovery-after-add.txt", "two-arrays-recovery-one-with-bitmap.txt", "several-arrays-clean.txt" }
            .Select(f => File.ReadAllText(Path.Combine(Fixtures.Root, "md", "mdstat", f))
                .Replace("md20 :", "md0 :", StringComparison.Ordinal).Replace("md21 :", "md2 :", StringComparison.Ordinal).Replace("md30 :", "md1 :", StringComparison.Ordinal))
            .ToList();
        texts.ForEach(h.Host.Mdstat.Enqueue);

        (await h.ConvertAsync()).Kind.ShouldBe(ConvertOutcomeKind.Completed);

        var seen = h.Events.Of<ResyncProgress>();
        seen.Count.ShouldBeGreaterThanOrEqualTo(texts.Count);
        for (var i = 0; i < texts.Count; i++)
        {
            var expected = MdstatParser.Parse(texts[i]).Value.Arrays.Where(a => a.Name is "md0" or "md1" or "md2")
                .Select(a => (a.Name, a.Sync?.Percent, a.Sync?.SpeedKiBPerSecond)).ToList();
            seen[i].Arrays.Select(a => (a.Name, a.Percent, a.SpeedKiBPerSecond)).ToList().ShouldBe(expected);
        }

        seen[1].Arrays.Select(a => a.State).ShouldBe([ArrayHealthState.Recovering, ArrayHealthState.Recovering]);
        seen.All(e => e.Arrays.All(a => a.Name is "md0" or "md1" or "md2")).ShouldBeTrue("only the plan's arrays are reported");
    }

    private static int ConvertCommandExitCode(ConvertOutcome outcome) => XsRaid.Cli.Commands.ConvertCommand.ExitCodeOf(outcome.Kind);
}
