using XsRaid.Planning;

namespace XsRaid.Execution;

/// <summary>
/// One line of the conversion journal (JSON): which plan and step, what happened, when (UTC), how long it took and
/// the tail of its output. <see cref="Plan"/> is the <see cref="PlanIdentity"/> of the plan the step belongs to.
/// </summary>
public sealed record JournalEntry(
    string Plan,
    string Step,
    PlanPhase Phase,
    JournalResult Result,
    DateTime Start,
    DateTime? End = null,
    double? Seconds = null,
    string? Output = null,
    string? Detail = null)
{
    /// <summary>The end of a step that started at <paramref name="start"/>: end time now, duration from the clock.</summary>
    public static JournalEntry Finished(string plan, PlanStep step, JournalResult result, DateTime start, TimeSpan duration, string? output, string? detail = null) =>
        new(plan, step.Id, step.Phase, result, start, start + duration, Math.Round(duration.TotalSeconds, 3), output, detail);
}
