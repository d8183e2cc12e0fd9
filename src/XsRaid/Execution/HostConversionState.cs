namespace XsRaid.Execution;

/// <summary>
/// What the host records about a conversion: the saved plan (null when none was started there) and its journal.
/// <see cref="Problem"/> says why the state could not be read (then both are empty).
/// </summary>
public sealed record HostConversionState(SavedConversion? Saved, IReadOnlyList<JournalEntry> Entries, string? Problem = null)
{
    public static HostConversionState None { get; } = new(null, []);

    /// <summary>
    /// The id the saved plan's journal lines carry: stored in plan.json; for a plan.json an older xsraid wrote, the id
    /// of its journal lines (else computed: there are no lines to match yet). Null when no plan is saved.
    /// </summary>
    public string? SavedPlanId =>
        Saved is null ? null : Saved.PlanId ?? LegacySavedPlan.IdFromJournal(Entries) ?? PlanIdentity.Of(Saved.Plan);

    /// <summary>The journal lines of the saved plan, in order.</summary>
    public IReadOnlyList<JournalEntry> EntriesOfSavedPlan =>
        SavedPlanId is not { } id ? [] : [.. Entries.Where(e => e.Plan == id)];

    /// <summary>The latest line for each step of the saved plan.</summary>
    public IReadOnlyDictionary<string, JournalEntry> LatestByStep =>
        EntriesOfSavedPlan.GroupBy(e => e.Step, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
}
