using System.Diagnostics;
using System.Globalization;
using XsRaid.Hosts;
using XsRaid.Planning;

namespace XsRaid.Execution;

/// <summary>
/// While the root is copied: the space used on the new root against the old root's (`df -P -k`) every
/// <see cref="Interval"/>, and the rate between two polls. No byte of the copy passes through xsraid.
/// </summary>
public sealed class CopyMonitor(string newRootMount, TimeSpan interval) : IStepMonitor
{
    public TimeSpan Interval => interval;

    public bool Watches(PlanStep step) => step.Kind == StepKind.Copy;

    public async Task WatchAsync(PlanStep step, IHost host, IConvertEvents events, CancellationToken ct)
    {
        long? previous = null;
        var clock = Stopwatch.StartNew();
        var previousAt = TimeSpan.Zero;
        while (!ct.IsCancellationRequested)
        {
            var result = await host.RunAsync(["sh", "-c", ExecutionSnippets.CopySizes, "sh", newRootMount], new CommandOptions(TimeSpan.FromSeconds(30)), ct).ConfigureAwait(false);
            if (Parse(result.StdoutText, newRootMount) is { } sizes)
            {
                var now = clock.Elapsed;
                double? rate = previous is { } p && now > previousAt ? Math.Max(0, sizes.Copied - p) / (now - previousAt).TotalSeconds : null;
                events.On(new CopyProgress(step, sizes.Copied, sizes.Total, rate));
                (previous, previousAt) = (sizes.Copied, now);
            }

            await Task.Delay(interval, ct).ConfigureAwait(false);
        }
    }

    /// <summary>"USED_KIB MOUNTPOINT" lines (as the snippet prints them) to bytes used on / and on the new root.</summary>
    public static (long Copied, long Total)? Parse(string output, string newRootMount)
    {
        long? total = null, copied = null;
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (space < 0 || !long.TryParse(line[..space], NumberStyles.None, CultureInfo.InvariantCulture, out var kib))
            {
                continue;
            }

            var mount = line[(space + 1)..];
            if (mount == "/")
            {
                total ??= kib * 1024;
            }
            else if (mount == newRootMount)
            {
                copied = kib * 1024;
            }
        }

        return total is { } t && copied is { } c ? (c, t) : null;
    }
}
