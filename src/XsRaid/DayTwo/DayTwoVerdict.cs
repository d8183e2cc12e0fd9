using XsRaid.Execution;
using XsRaid.Health;

namespace XsRaid.DayTwo;

/// <summary>
/// How a day-2 run ends, judged by `check` on the host after its steps. A command answers for the findings it
/// repairs (<see cref="DayTwoPlan.Repairs"/>): one of them still WARNING or CRITICAL fails the run. What it does not
/// repair (a degraded array after `alerts` or `heal`) is reported with the command that does, not failed on. A plan
/// that names no findings answers for the whole host: any CRITICAL fails it.
/// </summary>
public static class DayTwoVerdict
{
    public static ConvertOutcome Judge(DayTwoPlan plan, CheckReport report)
    {
        var verdict = $"check says {report.State.ToString().ToUpperInvariant()}: {report.Summary}";
        var unrepaired = plan.Repairs.Count == 0
            ? report.Findings.Where(f => f.State == FindingState.Critical).ToList()
            : report.Findings.Where(f => plan.Repairs.Contains(f.Code) && f.State is FindingState.Warning or FindingState.Critical).ToList();
        if (unrepaired.Count > 0)
        {
            return new ConvertOutcome(ConvertOutcomeKind.Failed,
                $"every step ran, but {verdict}; still: {string.Join("; ", unrepaired.Select(f => $"{f.Subject}: {f.Message}"))}.");
        }

        var done = $"{plan.HostName}: `{plan.Command}` done, every step verified; {verdict}.";
        return report.State == CheckState.Critical
            ? new ConvertOutcome(ConvertOutcomeKind.Completed, $"{done} That is not what `{plan.Command}` repairs: see `xsraid check`{ReplaceHint(report)}.")
            : new ConvertOutcome(ConvertOutcomeKind.Completed, done);
    }

    private static string ReplaceHint(CheckReport report) =>
        report.Findings.Any(f => f.State == FindingState.Critical && f.Code is "array-degraded" or "member-faulty")
            ? " (a degraded array: `xsraid replace`)"
            : "";
}
