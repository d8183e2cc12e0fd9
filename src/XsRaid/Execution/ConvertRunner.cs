using System.Diagnostics;
using XsRaid.Formats;
using XsRaid.Hosts;
using XsRaid.Hosts.Snapshot;
using XsRaid.Planning;

namespace XsRaid.Execution;

/// <summary>
/// Carries out a conversion plan on a live host, across the reboot, resumably; UI-free (progress goes to
/// <see cref="IConvertEvents"/>).
/// <list type="number">
/// <item><see cref="PrepareAsync"/>: snapshot + the host's saved state. A host with a saved plan continues that plan
/// (its disks and root are checked against the snapshot); otherwise the planner makes a new one.</item>
/// <item><see cref="RunAsync"/>: prepares again and refuses if the plan differs from the one shown, then
/// <see cref="ExecuteAsync"/>.</item>
/// </list>
/// The journal and the host combine like this: the HOST decides, the journal informs. A step is skipped only
/// when its done-check holds on the host now, whatever the journal says (a step without a done-check runs again:
/// every such step is idempotent, as in the by-hand script). Which phase runs is decided by the host too: / on the
/// array means phase 2, otherwise phase 1, exactly as the script's guard. The journal is used for what the host
/// cannot tell: which plan is in progress (plan.json beside it), and whether a reboot that was started but never
/// reported came back on the original root (a roll-back, reported once; the host's boot time must be after it).
/// </summary>
public sealed class ConvertRunner
{
    private static readonly TimeSpan RebootCommandTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(10);
    private readonly ConvertConnection _connection;
    private readonly ConvertSettings _settings;
    private readonly IConvertEvents _events;
    private readonly SnapshotSource _takeSnapshot;

    public ConvertRunner(ConvertConnection connection, ConvertSettings settings, IConvertEvents events, SnapshotSource? takeSnapshot = null)
    {
        _connection = connection;
        _settings = settings;
        _events = events;
        _takeSnapshot = takeSnapshot ?? ((host, ct) => HostProbe.TakeAsync(host, ct));
    }

    /// <summary>Takes a snapshot of the host (the probe, by default).</summary>
    public delegate Task<ReadResult<HostSnapshot>> SnapshotSource(IHost host, CancellationToken ct);

    private IHost Host => _connection.Host;

    /// <summary>The plan for the host as it is now, or the refusals. Throws <see cref="HostConnectionException"/> on transport failures.</summary>
    public async Task<ConvertPreparation> PrepareAsync(PlanOptions options, CancellationToken ct)
    {
        var snapshot = await _takeSnapshot(Host, ct).ConfigureAwait(false);
        if (!snapshot.IsOk)
        {
            throw new HostConnectionException(Host.Name, $"the probe failed: {snapshot.Error}");
        }

        var facts = HostFactsReader.Read(snapshot.Value);
        var state = await HostStateStore.ReadAsync(Host, _settings.HostState, ct).ConfigureAwait(false);
        if (state.Problem is { } problem)
        {
            return new ConvertPreparation(options, null, [new Refusal(ConvertRules.StateUnreadable, problem,
                $"Look at {_settings.HostState.Directory} on the host.")], state);
        }

        if (state.Saved is { } saved)
        {
            return new ConvertPreparation(options, saved.Plan, ResumeRefusals(saved, options, facts), state);
        }

        var result = ConvertPlanner.Plan(facts, options);
        return new ConvertPreparation(options, result.Plan, result.Refusals, state);
    }

    /// <summary>
    /// Checks the host again (a new snapshot and plan must equal <paramref name="shown"/>: same disks, sizes, root,
    /// arrays and steps), then carries the plan out.
    /// </summary>
    public async Task<ConvertOutcome> RunAsync(ConvertPreparation shown, CancellationToken ct)
    {
        if (shown.IsRefused)
        {
            return Refused(shown.Refusals);
        }

        try
        {
            var now = await PrepareAsync(shown.Options, ct).ConfigureAwait(false);
            if (now.IsRefused)
            {
                return Refused(now.Refusals);
            }

            var changes = PlanDrift.Compare(shown.Plan!, now.Plan!);
            if (changes.Count > 0)
            {
                return new ConvertOutcome(ConvertOutcomeKind.HostChanged,
                    "the host changed since the plan was shown; nothing was written. Look at the plan again (xsraid plan) and run convert again.")
                { Changes = changes };
            }

            _events.On(new ConvertNotice("The host still matches the plan."));
            return await ExecuteAsync(now.Plan!, now.Options, now.HostState, ct).ConfigureAwait(false);
        }
        catch (HostConnectionException e)
        {
            return new ConvertOutcome(ConvertOutcomeKind.Failed, e.Message);
        }
    }

    /// <summary>
    /// Carries out a plan already checked against the host: phase 1 and the reboot unless / is on the array, then
    /// phase 2. <paramref name="state"/> is what the host recorded before (its saved plan and journal).
    /// </summary>
    public async Task<ConvertOutcome> ExecuteAsync(ConversionPlan plan, PlanOptions options, HostConversionState state, CancellationToken ct)
    {
        var rebootIndex = plan.Steps.ToList().FindIndex(s => s.IsRebootPoint);
        var guard = plan.Steps.FirstOrDefault(s => s.Id == StepKinds.RootGuard)?.Verify;
        if (rebootIndex < 0 || guard is null)
        {
            throw new ArgumentException($"the plan has no reboot point or no step {StepKinds.RootGuard}", nameof(plan));
        }

        var run = new Run(this, plan, rebootIndex, guard);
        try
        {
            return await run.ExecuteAsync(options, state, ct).ConfigureAwait(false);
        }
        catch (HostConnectionException e)
        {
            return new ConvertOutcome(ConvertOutcomeKind.Failed, $"{e.Message} Run `xsraid convert` again once the host is reachable: it continues where it stopped.");
        }
    }

    private static ConvertOutcome Refused(IReadOnlyList<Refusal> refusals) =>
        new(ConvertOutcomeKind.Refused, "refused: nothing was written to any disk.") { Refusals = refusals };

    private static List<Refusal> ResumeRefusals(SavedConversion saved, PlanOptions given, HostFacts facts)
    {
        var plan = saved.Plan;
        var same = $"--target {plan.Target.Device}" + (saved.Options.Metadata == "auto" ? "" : $" --metadata {plan.Metadata}")
            + (saved.Options.CreateSr ? $" --create-sr --sr-name '{saved.Options.SrName}'" : "");
        var inProgress = $"a conversion of {plan.Source.Device} + {plan.Target.Device} ({plan.Target.BestName}) is in progress on this host since {saved.Started:u}";
        var wayOut = $"To continue it, run convert with {same}; to give it up, undo its changes by hand and remove {HostStateLocation.DefaultDirectory} on the host.";
        var refusals = new List<Refusal>();
        if (!Names(given.Target, plan.Target))
        {
            refusals.Add(new Refusal(ConvertRules.ConversionInProgress, $"{inProgress}; --target {given.Target} names another disk.", wayOut));
        }

        if ((given.Metadata != "auto" && given.Metadata != plan.Metadata) || given.CreateSr != saved.Options.CreateSr
            || (given.CreateSr && given.SrName != saved.Options.SrName))
        {
            refusals.Add(new Refusal(ConvertRules.ConversionInProgress, $"{inProgress}, planned with other options.", wayOut));
        }

        var changes = PlanDrift.CheckHost(plan, facts);
        if (changes.Count > 0)
        {
            refusals.Add(new Refusal(ConvertRules.HostChanged, $"{inProgress}, but the host no longer matches it: {string.Join(" ", changes)}",
                "Find out what changed (a disk swapped, device names moved) before going on; xsraid does not continue on other disks."));
        }

        return refusals;
    }

    private static bool Names(string target, DiskIdentity disk) =>
        target == disk.Device || "/dev/" + target == disk.Device
        || disk.ByIdNames.Any(n => target == n || target == "/dev/disk/by-id/" + n);

    /// <summary>One execution of a plan: the executor, the journal and the plan's landmarks.</summary>
    private sealed class Run
    {
        private readonly ConvertRunner _runner;
        private readonly ConversionPlan _plan;
        private readonly int _rebootIndex;
        private readonly HostCheck _guard;
        private readonly string _planId;
        private readonly Journal _journal;
        private readonly StepExecutor _executor;

        public Run(ConvertRunner runner, ConversionPlan plan, int rebootIndex, HostCheck guard)
        {
            _runner = runner;
            _plan = plan;
            _rebootIndex = rebootIndex;
            _guard = guard;
            _planId = PlanIdentity.Of(plan);
            var settings = runner._settings;
            _journal = new Journal(settings.JournalPath, settings.HostState);
            _executor = new StepExecutor(runner.Host, _journal, _planId, runner._events, settings.CommandTimeout,
                [new CopyMonitor(PlanContext.NewRootMount, settings.PollInterval), new ResyncMonitor([.. plan.Arrays.Select(a => a.Device)], settings.PollInterval)]);
        }

        private IHost Host => _runner.Host;

        private IConvertEvents Events => _runner._events;

        private PlanStep RebootStep => _plan.Steps[_rebootIndex];

        private int Count => _plan.Steps.Count;

        public async Task<ConvertOutcome> ExecuteAsync(PlanOptions options, HostConversionState state, CancellationToken ct)
        {
            if (state.Saved is { } saved)
            {
                var done = state.LatestByStep.Values.Count(e => e.Result is JournalResult.Done or JournalResult.Skipped);
                Events.On(new ConvertNotice($"Continuing the conversion started {saved.Started:u}: the journal records {done} of {Count} steps done; each step is checked on the host again."));
            }
            else if (await HostStateStore.SaveAsync(Host, _runner._settings.HostState, new SavedConversion(options, _plan, DateTime.UtcNow), ct).ConfigureAwait(false) is { } problem)
            {
                return new ConvertOutcome(ConvertOutcomeKind.Failed, problem + " Nothing was written to any disk.");
            }

            var pendingReboot = state.Saved is null ? null : PendingReboot(state);
            if (!await HoldsAsync(_guard, ct).ConfigureAwait(false))
            {
                if (pendingReboot is not null)
                {
                    var facts = await BootFacts.ReadAsync(Host, OneShotEntry.In(_plan), ct).ConfigureAwait(false);
                    if (facts.BootTime is { } booted && booted > pendingReboot.Start)
                    {
                        return await RollbackAsync(pendingReboot.Start, facts, ct).ConfigureAwait(false);
                    }

                    Events.On(new ConvertNotice($"The reboot recorded at {pendingReboot.Start:u} did not happen (the host has been up since {facts.BootTime:u}); phase 1 is checked again."));
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
            for (var i = _rebootIndex + 1; i < Count; i++)
            {
                var step = _plan.Steps[i];
                if (_runner._settings.NoWait && StepKinds.IsResyncWait(step) && !await _executor.IsDoneAsync(step, ct).ConfigureAwait(false))
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

        /// <summary>The reboot: null when the host is back on the array (go on), else how the run ends.</summary>
        private async Task<ConvertOutcome?> RebootAsync(CancellationToken ct)
        {
            var step = RebootStep;
            var timeout = _runner._settings.RebootTimeout;
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
                    if (!result.Succeeded)
                    {
                        return await FailRebootAsync(start, watch, $"`{StepExecutor.Shown(command)}` exited {result.ExitCode}", command.Argv, result.ExitCode, result.Stderr, ct).ConfigureAwait(false);
                    }
                }
                catch (HostConnectionException e) when (e is ConnectionLostException or CommandTimeoutException)
                {
                    // The reboot takes the connection down with it: that is what it should do.
                }
            }

            if (_runner._connection.ReconnectAsync is not { } reconnect)
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
                var facts = await BootFacts.ReadAsync(Host, OneShotEntry.In(_plan), ct).ConfigureAwait(false);
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
            var report = RollbackReport.From(_plan, facts, OneShotEntry.In(_plan));
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
            (await Host.RunAsync(check.Command.Argv, new CommandOptions(ProbeTimeout * 6), ct).ConfigureAwait(false)).Succeeded;

        private async Task JournalAsync(JournalEntry entry, CancellationToken ct)
        {
            if (await _journal.AppendAsync(Host, entry, ct).ConfigureAwait(false) is { } problem)
            {
                Events.On(new ConvertWarning(problem));
            }
        }
    }
}
