using System.Diagnostics;
using XsRaid.Hosts;
using XsRaid.Planning;

namespace XsRaid.Execution;

/// <summary>
/// One execution of a plan (see <see cref="ConvertRunner"/>): the phase guard, phase 1, the reboot with its wait and
/// reconnect, the roll-back report, phase 2; with its executor, journal and the plan's landmarks.
/// </summary>
internal sealed class PlanRun
{
    private static readonly TimeSpan RebootCommandTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(60);
    private readonly ConvertConnection _connection;
    private readonly ConvertSettings _settings;
    private ConversionPlan _plan;
    private readonly int _rebootIndex;
    private readonly HostCheck _guard;
    private readonly string _planId;
    private readonly Journal _journal;
    private readonly StepExecutor _executor;

    public PlanRun(ConvertConnection connection, ConvertSettings settings, IConvertEvents events, ConversionPlan plan, string planId, int rebootIndex, HostCheck guard)
    {
        _connection = connection;
        _settings = settings;
        Events = events;
        _plan = plan;
        _rebootIndex = rebootIndex;
        _guard = guard;
        _planId = planId;
        _journal = new Journal(settings.JournalPath, settings.HostState);
        _executor = new StepExecutor(connection.Host, _journal, _planId, events, settings.CommandTimeout,
            new StepCommandTracker(connection.Host, settings.StepPidFile, settings.PollInterval),
            [new CopyMonitor(PlanContext.NewRootMount, settings.PollInterval), new ResyncMonitor([.. plan.Arrays.Select(a => a.Device)], settings.PollInterval),
                new VolumeMoveMonitor(settings.PollInterval)]);
    }

    private IHost Host => _connection.Host;

    private IConvertEvents Events { get; }

    private PlanStep RebootStep => _plan.Steps[_rebootIndex];

    private int Count => _plan.Steps.Count;

    public async Task<ConvertOutcome> ExecuteAsync(PlanOptions options, HostConversionState state, CancellationToken ct)
    {
        if (state.Saved is { } saved)
        {
            var done = state.LatestByStep.Values.Count(e => e.Result is JournalResult.Done or JournalResult.Skipped);
            Events.On(new ConvertNotice($"Continuing the conversion started {saved.Started:u}: the journal records {done} of {Count} steps done; each step is checked on the host again."));
        }
        else if (await HostStateStore.SaveAsync(Host, _settings.HostState, new SavedConversion(options, _plan, DateTime.UtcNow, _planId), ct).ConfigureAwait(false) is { } problem)
        {
            return new ConvertOutcome(ConvertOutcomeKind.Failed, problem + " Nothing was written to any disk.");
        }

        var pendingReboot = state.Saved is null ? null : PendingReboot(state);
        if (!await HoldsAsync(_guard, ct).ConfigureAwait(false))
        {
            if (pendingReboot is not null)
            {
                var facts = await BootFacts.ReadAsync(Host, _plan.OneShot, ct).ConfigureAwait(false);
                if (facts.BootTime is { } booted && booted > pendingReboot.Start)
                {
                    return await RollbackAsync(pendingReboot.Start, facts, ct).ConfigureAwait(false);
                }

                Events.On(new ConvertNotice($"The reboot recorded at {pendingReboot.Start:u} did not happen (the host has been up since {facts.BootTime:u}); phase 1 is checked again."));
            }

            if (await FollowDisksAsync(ct).ConfigureAwait(false) is { } lost)
            {
                return lost;
            }

            for (var i = 0; i < _rebootIndex; i++)
            {
                var outcome = await _executor.RunAsync(_plan.Steps[i], i + 1, Count, ct).ConfigureAwait(false);
                if (outcome.Failure is { } failure)
                {
                    return ConvertOutcome.Failed(failure);
                }
            }

            if (await RebootAsync(ct).ConfigureAwait(false) is { } stop)
            {
                return stop;
            }
        }
        else if (pendingReboot is not null)
        {
            await JournalAsync(JournalEntry.Finished(_planId, RebootStep, JournalResult.Done, pendingReboot.Start, DateTime.UtcNow - pendingReboot.Start, null,
                $"came back on {_plan.RootArray}"), ct).ConfigureAwait(false);
            Events.On(new ConvertNotice($"The host came back from the reboot of {pendingReboot.Start:u} on the mirror ({_plan.RootArray}); phase 2 follows."));
        }
        else
        {
            Events.On(new ConvertNotice($"/ is on the mirror ({_plan.RootArray}): phase 1 and the reboot are behind; phase 2 follows."));
        }

        return await JoinAsync(ct).ConfigureAwait(false);
    }

    private async Task<ConvertOutcome> JoinAsync(CancellationToken ct)
    {
        if (await FollowDisksAsync(ct).ConfigureAwait(false) is { } lost)
        {
            return lost;
        }

        for (var i = _rebootIndex + 1; i < Count; i++)
        {
            var step = _plan.Steps[i];
            if (_settings.NoWait && step.Kind == StepKind.ResyncWait && !await _executor.IsDoneAsync(step, ct).ConfigureAwait(false))
            {
                return new ConvertOutcome(ConvertOutcomeKind.ResyncRunning,
                    $"the original disk {_plan.Source.Device} has joined the arrays, which now resync in the background (`xsraid status` shows the progress). "
                    + "Run the same `xsraid convert` again afterwards to finish: boot code on the original disk, the root label, the verification"
                    + (_plan.Steps.Any(s => s.Phase == PlanPhase.StorageRepository) ? " and the storage repository." : "."));
            }

            var outcome = await _executor.RunAsync(step, i + 1, Count, ct).ConfigureAwait(false);
            if (outcome.Failure is { } failure)
            {
                return ConvertOutcome.Failed(failure);
            }
        }

        return new ConvertOutcome(ConvertOutcomeKind.Completed,
            $"{_plan.HostName} runs from a complete RAID1 mirror of {_plan.Source.Device} and {_plan.Target.Device}; every step is verified.");
    }

    /// <summary>
    /// Kernel names (sda, sdb) can swap across a reboot: before each phase the disks are found again by their by-id
    /// names, and the rest of the plan is carried over to the names they have now. Null to go on, else how the run ends.
    /// </summary>
    private async Task<ConvertOutcome?> FollowDisksAsync(CancellationToken ct)
    {
        var located = await DiskLocator.OnHostAsync(Host, _plan, _settings.ByIdDirectory, ct).ConfigureAwait(false);
        if (located.Renames is not { } renames)
        {
            return new ConvertOutcome(ConvertOutcomeKind.HostChanged,
                $"{located.Problem} Nothing more was written; the host runs from {(await HoldsAsync(_guard, ct).ConfigureAwait(false) ? "the mirror" : "its original root")}. "
                + "Find out what happened to the disks before running `xsraid convert` again.");
        }

        if (!renames.IsEmpty)
        {
            Events.On(new ConvertNotice($"The kernel renamed the disks ({renames.Describe(_plan)}); they are followed by their by-id names, and the steps below use the names they have now."));
            _plan = PlanRebinding.Rebind(_plan, renames);
        }

        return null;
    }

    /// <summary>The reboot: null when the host is back on the array (go on), else how the run ends.</summary>
    private async Task<ConvertOutcome?> RebootAsync(CancellationToken ct)
    {
        var step = RebootStep;
        var timeout = _settings.RebootTimeout;
        Events.On(new StepStarted(step, _rebootIndex + 1, Count));
        var start = DateTime.UtcNow;
        var watch = Stopwatch.StartNew();
        await JournalAsync(new JournalEntry(_planId, step.Id, step.Phase, JournalResult.Started, start), ct).ConfigureAwait(false);
        Events.On(new RebootStarted(timeout));
        foreach (var command in step.Commands)
        {
            try
            {
                var result = await Host.RunAsync(command.Argv, new CommandOptions(RebootCommandTimeout), ct).ConfigureAwait(false);
                // killed by a signal (128 + n): the shutdown ended it, as it may; any other failure is the command's own
                if (!result.Succeeded && result.ExitCode < 128)
                {
                    return await FailRebootAsync(start, watch, $"`{StepExecutor.Shown(command)}` exited {result.ExitCode}", command.Argv, result.ExitCode, result.Stderr, ct).ConfigureAwait(false);
                }
            }
            catch (HostConnectionException e) when (e is ConnectionLostException or CommandTimeoutException)
            {
                // The reboot takes the connection down with it: that is what it should do.
            }
        }

        if (_connection.ReconnectAsync is not { } reconnect)
        {
            return new ConvertOutcome(ConvertOutcomeKind.RebootIssued,
                "this machine reboots now, once, into the mirror. When it is back, run the same `xsraid convert` again: it continues with phase 2 (or reports a roll-back).");
        }

        if (!await WaitUntilGoneAsync(watch, timeout, ct).ConfigureAwait(false))
        {
            return await FailRebootAsync(start, watch, $"the host still answered {timeout.TotalSeconds:0} s after the reboot command", null, null, "", ct).ConfigureAwait(false);
        }

        Events.On(new HostWentAway(watch.Elapsed));
        try
        {
            await reconnect(timeout - watch.Elapsed, ct).ConfigureAwait(false);
        }
        catch (HostConnectionException e) when (e is HostKeyChangedException or HostKeyRevokedException or HostKeyUnknownException)
        {
            RebootOutcomeUnknown(watch, "the host key changed after the reboot");
            return new ConvertOutcome(ConvertOutcomeKind.HostKeyRefused,
                $"{e.Message} The host was rebooted into the mirror; nothing else was done after it. Once you know why its key changed, run `xsraid convert` again: it continues.");
        }
        catch (HostConnectionException e)
        {
            RebootOutcomeUnknown(watch, "the host did not come back");
            return new ConvertOutcome(ConvertOutcomeKind.Failed,
                $"the host did not come back within {timeout.TotalSeconds:0} s after the reboot ({e.Message}). If it comes up later, run `xsraid convert` again: it continues "
                + "(or reports a roll-back). If it hangs, look at its console: the mirror is booted only once, so a reset brings back the original system.");
        }

        Events.On(new HostCameBack(watch.Elapsed));
        if (!await HoldsAsync(_guard, ct).ConfigureAwait(false))
        {
            var facts = await BootFacts.ReadAsync(Host, _plan.OneShot, ct).ConfigureAwait(false);
            return await RollbackAsync(start, facts, ct).ConfigureAwait(false);
        }

        var outcome = new StepOutcome(step, StepResult.Done, watch.Elapsed);
        await JournalAsync(JournalEntry.Finished(_planId, step, JournalResult.Done, start, watch.Elapsed, null, $"came back on {_plan.RootArray}"), ct).ConfigureAwait(false);
        Events.On(new StepFinished(outcome, _rebootIndex + 1, Count));
        return null;
    }

    /// <summary>
    /// The reboot step's end when where the host came back cannot be seen: its journal line stays "started", so the
    /// next run finds out (on the mirror: phase 2; on the original root and booted since: a roll-back).
    /// </summary>
    private void RebootOutcomeUnknown(Stopwatch watch, string problem)
    {
        var failure = new StepFailure(RebootStep, problem, null, null, "", StepFailure.RerunAdvice);
        Events.On(new StepFinished(new StepOutcome(RebootStep, StepResult.Failed, watch.Elapsed, failure), _rebootIndex + 1, Count));
    }

    private async Task<bool> WaitUntilGoneAsync(Stopwatch watch, TimeSpan timeout, CancellationToken ct)
    {
        while (watch.Elapsed < timeout)
        {
            try
            {
                await Host.RunAsync(["true"], new CommandOptions(ProbeTimeout), ct).ConfigureAwait(false);
            }
            catch (HostConnectionException)
            {
                return true;
            }

            await Task.Delay(TimeSpan.FromSeconds(1), ct).ConfigureAwait(false);
        }

        return false;
    }

    private async Task<ConvertOutcome> FailRebootAsync(DateTime start, Stopwatch watch, string problem, IReadOnlyList<string>? argv, int? exitCode, string stderr, CancellationToken ct)
    {
        var failure = new StepFailure(RebootStep, problem, argv, exitCode, OutputTail.Of(stderr),
            "Nothing was changed by the reboot step. Look at the host (why it does not reboot), then run `xsraid convert` again.");
        await JournalAsync(JournalEntry.Finished(_planId, RebootStep, JournalResult.Failed, start, watch.Elapsed, OutputTail.Of(stderr), problem), ct).ConfigureAwait(false);
        Events.On(new StepFinished(new StepOutcome(RebootStep, StepResult.Failed, watch.Elapsed, failure), _rebootIndex + 1, Count));
        return ConvertOutcome.Failed(failure);
    }

    private async Task<ConvertOutcome> RollbackAsync(DateTime rebootStart, BootFacts facts, CancellationToken ct)
    {
        var report = RollbackReport.From(_plan, facts);
        var duration = DateTime.UtcNow - rebootStart;
        await JournalAsync(JournalEntry.Finished(_planId, RebootStep, JournalResult.RolledBack, rebootStart, duration, null, report.Summary), ct).ConfigureAwait(false);
        var failure = new StepFailure(RebootStep, "rolled back: the host came back on its original root", null, null, "", StepFailure.RerunAdvice);
        Events.On(new StepFinished(new StepOutcome(RebootStep, StepResult.Failed, duration, failure), _rebootIndex + 1, Count));
        return new ConvertOutcome(ConvertOutcomeKind.RolledBack, report.Summary
            + " Find the cause (the mirror's boot messages are on the console or serial log), fix it, and run `xsraid convert` again: phase 1 is checked and the reboot tried once more.")
        { Rollback = report };
    }

    /// <summary>
    /// The reboot's latest journal line, from the host's journal and the local one (the host's is on whichever root
    /// runs now), when it says "started": no outcome was ever recorded.
    /// </summary>
    private JournalEntry? PendingReboot(HostConversionState state) =>
        state.EntriesOfSavedPlan.Concat(Journal.ReadLocal(_journal.LocalPath).Where(e => e.Plan == _planId))
            .Where(e => e.Step == RebootStep.Id)
            .OrderBy(e => e.End ?? e.Start)
            .LastOrDefault() is { Result: JournalResult.Started } started ? started : null;

    private async Task<bool> HoldsAsync(HostCheck check, CancellationToken ct) =>
        (await Host.RunAsync(check.Command.Argv, new CommandOptions(CheckTimeout), ct).ConfigureAwait(false)).Succeeded;

    private async Task JournalAsync(JournalEntry entry, CancellationToken ct)
    {
        if (await _journal.AppendAsync(Host, entry, ct).ConfigureAwait(false) is { } problem)
        {
            Events.On(new ConvertWarning(problem));
        }
    }
}
