using System.Globalization;
using XsRaid.Execution;

namespace XsRaid.Cli.Rendering;

/// <summary>
/// The plain text of each conversion event: what the console prints (one line per step as it starts and as it
/// ends, with its duration) and what the local log records. Progress lines name every array or the copy once.
/// </summary>
public static class ConvertLines
{
    public static string Of(ConvertEvent e) => e switch
    {
        StepStarted s => $"{Counter(s.Number, s.Count)} {s.Step.Id}: {s.Step.Title}{(s.Step.Writes is null ? "" : $" (writes {s.Step.Writes})")}",
        StepFinished f => $"{Counter(f.Number, f.Count)} {f.Outcome.Step.Id}: {Result(f.Outcome)} ({Durations.Human(f.Outcome.Duration)})",
        CopyProgress c => $"      copy: {Percent(c.CopiedBytes, c.TotalBytes)} ({Sizes.Human(c.CopiedBytes)} of {Sizes.Human(c.TotalBytes)})"
            + (c.BytesPerSecond is { } rate ? $", {Durations.Rate(rate)}" : ""),
        ResyncProgress r => "      resync: " + (r.Arrays.Count == 0 ? "no array of the plan in /proc/mdstat" : string.Join("; ", r.Arrays.Select(Array))),
        ConvertNotice n => n.Text,
        ConvertWarning w => "warning: " + w.Text,
        RebootStarted r => $"      the host reboots; waiting up to {r.Timeout.TotalSeconds:0} s for it to come back",
        HostWentAway g => $"      the host went down after {Durations.Human(g.After)}",
        HostCameBack b => $"      the host is back (same host key) after {Durations.Human(b.Downtime)}",
        _ => e.ToString(),
    };

    /// <summary>"md2 recovering 42.1% 85.0 MiB/s, 3.1 min left" / "md0 clean".</summary>
    public static string Array(ArrayHealth a)
    {
        var state = a.State.ToString().ToLowerInvariant();
        if (a.Percent is not { } percent)
        {
            return $"{a.Name} {state}";
        }

        var text = $"{a.Name} {state} {percent.ToString("0.0", CultureInfo.InvariantCulture)}%";
        if (a.SpeedKiBPerSecond is { } speed)
        {
            text += " " + Durations.Rate(speed * 1024.0);
        }

        if (a.FinishMinutes is { } minutes)
        {
            text += $", {Durations.Human(TimeSpan.FromMinutes((double)minutes))} left";
        }

        return text;
    }

    private static string Result(StepOutcome o) => o.Result switch
    {
        StepResult.Done => "done",
        StepResult.AlreadyDone => "already done",
        _ => "FAILED: " + o.Failure?.Problem,
    };

    private static string Counter(int number, int count) =>
        "[" + number.ToString(CultureInfo.InvariantCulture).PadLeft(count.ToString(CultureInfo.InvariantCulture).Length) + "/" + count.ToString(CultureInfo.InvariantCulture) + "]";

    private static string Percent(long part, long whole) =>
        whole <= 0 ? "?%" : Math.Min(100.0, 100.0 * part / whole).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
