using XsRaid.Planning;

namespace XsRaid.Execution;

/// <summary>
/// plan.json files written before plans were typed and carried their id: their steps have no kind (the reboot had
/// "isRebootPoint") and the id is not stored. This is the one place that knows that format's step ids, so a
/// conversion in progress across an upgrade goes on: the kinds come from the ids that format always used, and the id
/// from the plan's own journal lines. Its one-shot boot stays unknown (the roll-back report then says so).
/// </summary>
public static class LegacySavedPlan
{
    private static readonly Dictionary<string, StepKind> Kinds = new(StringComparer.Ordinal)
    {
        ["copy-root-live"] = StepKind.Copy,
        ["copy-root-final"] = StepKind.Copy,
        ["reboot"] = StepKind.RebootPoint,
        ["verify-root-on-array"] = StepKind.Guard,
        ["wait-resync"] = StepKind.ResyncWait,
        ["verify-mirror"] = StepKind.VerifyOnly,
    };

    /// <summary>True when the saved conversion was written in the old format (no stored id).</summary>
    public static bool IsLegacy(SavedConversion saved) => saved.PlanId is null;

    /// <summary>The plan with each step's kind from its id (old plans only; a typed plan is returned as it is).</summary>
    public static SavedConversion Upgrade(SavedConversion saved) =>
        !IsLegacy(saved) || saved.Plan.Steps.Any(s => s.Kind != StepKind.Action)
            ? saved
            : saved with { Plan = saved.Plan with { Steps = [.. saved.Plan.Steps.Select(s => s with { Kind = Kinds.GetValueOrDefault(s.Id, StepKind.Action) })] } };

    /// <summary>The id of an old saved plan: the one its latest journal line carries, or null when it has none yet.</summary>
    public static string? IdFromJournal(IReadOnlyList<JournalEntry> entries) => entries.Count == 0 ? null : entries[^1].Plan;
}
