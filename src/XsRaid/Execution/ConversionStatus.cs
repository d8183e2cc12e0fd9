using XsRaid.Hosts.Snapshot;
using XsRaid.Planning;

namespace XsRaid.Execution;

/// <summary>
/// Where a conversion stands on a host, from its saved plan and journal and a fresh snapshot: the stage (from where
/// / is now), the last journal line, the step that stopped it (failed, rolled back, or started and never ended),
/// how many steps are done, the step command still running on the host if any ("pid command", see
/// <see cref="StepCommandTracker"/>), and the health of every md array.
/// </summary>
public sealed record ConversionStatus(
    string HostName,
    SavedConversion? Saved,
    string? RootDevice,
    ConversionStage Stage,
    JournalEntry? Last,
    JournalEntry? Stopped,
    int StepsDone,
    IReadOnlyList<ArrayHealth> Arrays,
    string? Problem,
    string? RunningCommand = null)
{
    public int StepCount => Saved?.Plan.Steps.Count ?? 0;

    public PlanStep? StepOf(JournalEntry entry) => Saved?.Plan.Steps.FirstOrDefault(s => s.Id == entry.Step);

    public static ConversionStatus From(HostSnapshot snapshot, HostConversionState state, string? runningCommand = null)
    {
        var facts = HostFactsReader.Read(snapshot);
        var arrays = snapshot.File("/proc/mdstat") is { } mdstat ? ArrayHealth.FromMdstat(mdstat) : [];
        var root = facts.Root?.Device;
        if (state.Saved is not { } saved)
        {
            return new ConversionStatus(snapshot.HostName, null, root, ConversionStage.None, null, null, 0, arrays, state.Problem, runningCommand);
        }

        var plan = saved.Plan;
        var entries = state.EntriesOfSavedPlan;
        var latest = state.LatestByStep;
        var done = plan.Steps.Count(s => latest.GetValueOrDefault(s.Id) is { Result: JournalResult.Done or JournalResult.Skipped });
        var last = entries.Count > 0 ? entries[^1] : null;
        var stopped = last is { Result: JournalResult.Failed or JournalResult.RolledBack or JournalResult.Started } ? last : null;
        var onMirror = root == plan.RootArray || root?.StartsWith("/dev/md", StringComparison.Ordinal) == true;
        var stage = !onMirror ? ConversionStage.BuildingMirror
            : latest.GetValueOrDefault(plan.Steps[^1].Id) is { Result: JournalResult.Done or JournalResult.Skipped } ? ConversionStage.Complete
            : ConversionStage.JoiningMirror;
        return new ConversionStatus(snapshot.HostName, saved, root, stage, last, stopped, done, arrays, state.Problem, runningCommand);
    }
}
