using XsRaid.Execution;
using XsRaid.Health;
using XsRaid.Hosts;
using XsRaid.Hosts.Snapshot;
using XsRaid.Planning;

namespace XsRaid.DayTwo;

/// <summary>
/// Carries out a day-2 plan (`replace`, `heal`, `alerts`) on a live host with the conversion's executor: each step
/// skipped when its done-check holds on the host now, run and verified otherwise; journal lines locally and on the
/// host under /var/lib/xsraid/COMMAND (so a conversion's own state is never touched). No reboot. A run that stopped is
/// continued by running the same command again: the planner recognises the work under way and the done-checks skip
/// what is there. At the end the host is probed once more and judged as `check` judges it.
/// </summary>
public sealed class DayTwoRunner
{
    private readonly IHost _host;
    private readonly ConvertSettings _settings;
    private readonly IConvertEvents _events;
    private readonly ConvertRunner.SnapshotSource _takeSnapshot;

    public DayTwoRunner(IHost host, ConvertSettings settings, IConvertEvents events, ConvertRunner.SnapshotSource? takeSnapshot = null)
    {
        _host = host;
        _settings = settings;
        _events = events;
        _takeSnapshot = takeSnapshot ?? ((h, ct) => HostProbe.TakeAsync(h, ct));
    }

    /// <summary>Where a day-2 command keeps its journal on the host.</summary>
    public static HostStateLocation StateOf(string command) => new($"{HostStateLocation.DefaultDirectory}/{command}", []);

    /// <summary>A fresh probe and the plan <paramref name="planner"/> makes from it.</summary>
    public async Task<(HostSnapshot Snapshot, DayTwoResult Result)> PrepareAsync(Func<HostFacts, DayTwoResult> planner, CancellationToken ct)
    {
        var snapshot = await _takeSnapshot(_host, ct).ConfigureAwait(false);
        if (!snapshot.IsOk)
        {
            throw new HostConnectionException(_host.Name, $"the probe failed: {snapshot.Error}");
        }

        return (snapshot.Value, planner(HostFactsReader.Read(snapshot.Value)));
    }

    /// <summary>
    /// Carries <paramref name="shown"/> out. With <paramref name="recheck"/> (the user looked at it and answered) the
    /// host is probed again first and nothing runs unless the new plan is the same.
    /// </summary>
    public async Task<ConvertOutcome> RunAsync(DayTwoPlan shown, Func<HostFacts, DayTwoResult> planner, bool recheck, CancellationToken ct)
    {
        try
        {
            if (recheck)
            {
                var (_, now) = await PrepareAsync(planner, ct).ConfigureAwait(false);
                if (now.IsRefused)
                {
                    return new ConvertOutcome(ConvertOutcomeKind.Refused, "refused: nothing was written to any disk.") { Refusals = now.Refusals };
                }

                if (DayTwoJson.Identity(now.Plan!) != DayTwoJson.Identity(shown))
                {
                    return new ConvertOutcome(ConvertOutcomeKind.HostChanged,
                        $"the host changed since the plan was shown; nothing was written. Run `xsraid {shown.Command}` again to see the new plan.");
                }

                _events.On(new ConvertNotice("The host still matches the plan."));
            }

            return await ExecuteAsync(shown, ct).ConfigureAwait(false);
        }
        catch (HostConnectionException e)
        {
            return new ConvertOutcome(ConvertOutcomeKind.Failed, $"{e.Message} Run `xsraid {shown.Command}` again once the host is reachable: it continues where it stopped.");
        }
    }

    private async Task<ConvertOutcome> ExecuteAsync(DayTwoPlan plan, CancellationToken ct)
    {
        var journal = new Journal(_settings.JournalPath, StateOf(plan.Command));
        var executor = new StepExecutor(_host, journal, DayTwoJson.Identity(plan), _events, _settings.CommandTimeout,
            new StepCommandTracker(_host, _settings.StepPidFile, _settings.PollInterval),
            [new ResyncMonitor(plan.ArrayDevices, _settings.PollInterval)]);
        for (var i = 0; i < plan.Steps.Count; i++)
        {
            var outcome = await executor.RunAsync(plan.Steps[i], i + 1, plan.Steps.Count, ct).ConfigureAwait(false);
            if (outcome.Failure is { } failure)
            {
                return ConvertOutcome.Failed(failure);
            }
        }

        var (snapshot, _) = await PrepareAsync(_ => DayTwoResult.Refused([]), ct).ConfigureAwait(false);
        return DayTwoVerdict.Judge(plan, HealthCheck.Check(snapshot, new CheckOptions(false)));
    }
}
