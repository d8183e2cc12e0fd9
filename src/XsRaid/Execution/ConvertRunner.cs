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
            var renames = DiskLocator.InFacts(saved.Plan, facts);
            var plan = PlanRebinding.Rebind(saved.Plan, renames);
            return new ConvertPreparation(options, plan, ResumeRefusals(saved, plan, options, facts), state) { Renames = renames };
        }

        var result = ConvertPlanner.Plan(facts, options);
        return new ConvertPreparation(options, result.Plan, result.Refusals, state);
    }

    /// <summary>
    /// Checks the host again (a new snapshot and plan must equal <paramref name="shown"/>: same disks, sizes, root,
    /// arrays and steps), then carries the plan out. With <paramref name="recheck"/> false (`--yes`: nobody looked at
    /// the plan in between, it was made seconds ago) the plan is carried out as prepared.
    /// </summary>
    public async Task<ConvertOutcome> RunAsync(ConvertPreparation shown, CancellationToken ct, bool recheck = true)
    {
        if (shown.IsRefused)
        {
            return Refused(shown.Refusals);
        }

        try
        {
            var now = shown;
            if (recheck)
            {
                now = await PrepareAsync(shown.Options, ct).ConfigureAwait(false);
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
            }

            if (now.Renames is { IsEmpty: false } renames)
            {
                _events.On(new ConvertNotice($"The kernel renamed the disks since the conversion started ({renames.Describe(now.HostState.Saved!.Plan)}); "
                    + "they are followed by their by-id names and the remaining steps use the names they have now."));
            }

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
        var rebootIndex = plan.Steps.ToList().FindIndex(s => s.Kind == StepKind.RebootPoint);
        var guard = plan.Steps.FirstOrDefault(s => s.Kind == StepKind.Guard)?.Verify;
        if (rebootIndex < 0 || guard is null)
        {
            throw new ArgumentException("the plan has no reboot point or no guard step", nameof(plan));
        }

        var planId = state.SavedPlanId ?? PlanIdentity.Of(plan);
        var run = new PlanRun(_connection, _settings, _events, plan, planId, rebootIndex, guard);
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

    /// <summary>Why a saved conversion cannot continue; <paramref name="plan"/> is the saved plan under the disks' names now.</summary>
    private static List<Refusal> ResumeRefusals(SavedConversion saved, ConversionPlan plan, PlanOptions given, HostFacts facts)
    {
        var same = $"--target {plan.Target.Device}" + (saved.Options.Metadata == "auto" ? "" : $" --metadata {plan.Metadata}")
            + (saved.Options.CreateSr ? $" --create-sr --sr-name '{saved.Options.SrName}'" : "");
        var inProgress = $"a conversion of {plan.Source.Device} + {plan.Target.Device} ({plan.Target.BestName}) is in progress on this host since {saved.Started:u}";
        var wayOut = $"To continue it, run convert with {same}; to give it up, undo its changes by hand and remove {HostStateLocation.DefaultDirectory} on the host.";
        var refusals = new List<Refusal>();
        // the same command line as before continues, even when the kernel has renamed the disks since
        if (!Names(given.Target, plan.Target) && !Names(given.Target, saved.Plan.Target))
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
}
