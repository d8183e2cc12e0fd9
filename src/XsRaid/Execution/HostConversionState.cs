namespace XsRaid.Execution;

/// <summary>
/// What the host records about a conversion: the saved plan (null when none was started there) and its journal.
/// <see cref="Problem"/> says why the state could not be read (then both are empty).
/// </summary>
public sealed record HostConversionState(SavedConversion? Saved, IReadOnlyList<JournalEntry> Entries, string? Problem = null)
{
    public static HostConversionState None { get; } = new(null, []);

    /// <summary>The journal lines of the saved plan, in order.</summary>
    public IReadOnlyList<JournalEntry> EntriesOfSavedPlan =>
        Saved is null ? [] : [.. Entries.Where(e => e.Plan == PlanIdentity.Of(Saved.Plan))];

    /// <summary>The latest line for each step of the saved plan.</summary>
    public IReadOnlyDictionary<string, JournalEntry> LatestByStep =>
        EntriesOfSavedPlan.GroupBy(e => e.Step, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
}
