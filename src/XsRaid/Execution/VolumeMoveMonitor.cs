using System.Globalization;
using XsRaid.Hosts;
using XsRaid.Hosts.Parsers;
using XsRaid.Planning;

namespace XsRaid.Execution;

/// <summary>
/// While a volume group moves (pvmove): the pvmove LVs' size and copy_percent (`lvs -a`) every <see cref="Interval"/>,
/// reported as copied bytes of the bytes to move. The plan refused any other pvmove, so every pvmove LV is this move's.
/// </summary>
public sealed class VolumeMoveMonitor(TimeSpan interval) : IStepMonitor
{
    private static readonly string[] Fields = ["lv_attr", "lv_size", "copy_percent"];

    public TimeSpan Interval => interval;

    public bool Watches(PlanStep step) => step.Kind == StepKind.VolumeMove;

    public async Task WatchAsync(PlanStep step, IHost host, IConvertEvents events, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            var result = await host.RunAsync(ExecutionSnippets.LvCopyPercent, new CommandOptions(TimeSpan.FromSeconds(30)), ct).ConfigureAwait(false);
            if (result.Succeeded && Parse(result.StdoutText) is { } moved)
            {
                events.On(new CopyProgress(step, moved.Copied, moved.Total, null));
            }

            await Task.Delay(interval, ct).ConfigureAwait(false);
        }
    }

    /// <summary>The pvmove LVs' bytes copied and in all, or null when no pvmove LV with a percentage is listed.</summary>
    public static (long Copied, long Total)? Parse(string output)
    {
        long copied = 0, total = 0;
        var found = false;
        foreach (var row in LvmReportParser.ParseSeparated(output, Fields).Value)
        {
            if (row.Get("lv_attr") is not { Length: > 0 } attr || attr[0] != 'p' || row.GetBytes("lv_size") is not { } size
                || !decimal.TryParse(row.Get("copy_percent"), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percent))
            {
                continue;
            }

            found = true;
            total += size;
            copied += (long)(size * Math.Clamp(percent, 0m, 100m) / 100m);
        }

        return found ? (copied, total) : null;
    }
}
