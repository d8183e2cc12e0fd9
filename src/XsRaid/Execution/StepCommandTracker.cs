using System.Diagnostics;
using XsRaid.Hosts;

namespace XsRaid.Execution;

/// <summary>
/// The step command running on the host, known by a pid file there. A command does not end when xsraid is killed or
/// loses the connection: the host goes on running it (a root copy for minutes). Every step command therefore runs
/// wrapped (<see cref="Wrap"/>) so that its pid is on record for as long as it runs, and a run waits for a command an
/// earlier run left behind (<see cref="WaitForEarlierAsync"/>) before it checks or does anything: two copies writing
/// the new root at once fail each other, and a late first pass would overwrite files a later step rewrote.
/// </summary>
public sealed class StepCommandTracker(IHost host, string pidFile, TimeSpan pollInterval)
{
    /// <summary>Where the pid file is by default: a runtime directory, emptied at boot (/run on newer systems).</summary>
    public const string DefaultPidFile = "/var/run/xsraid-step.pid";

    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(60);

    /// <summary><paramref name="argv"/> run through <see cref="ExecutionSnippets.StepCommand"/>.</summary>
    public IReadOnlyList<string> Wrap(IReadOnlyList<string> argv) => Wrap(pidFile, argv);

    /// <summary><paramref name="argv"/> run through <see cref="ExecutionSnippets.StepCommand"/> with <paramref name="pidFile"/>.</summary>
    public static IReadOnlyList<string> Wrap(string pidFile, IReadOnlyList<string> argv) =>
        ["sh", "-c", ExecutionSnippets.StepCommand, ExecutionSnippets.StepCommandName, pidFile, .. argv];

    /// <summary>"pid command" of a step command still running on the host, or null when there is none.</summary>
    public async Task<string?> FindAsync(CancellationToken ct)
    {
        var result = await host.RunAsync(["sh", "-c", ExecutionSnippets.RunningStepCommand, "sh", pidFile], new CommandOptions(CheckTimeout), ct).ConfigureAwait(false);
        var line = result.StdoutText.Trim();
        return result.Succeeded && line.Length > 0 ? line : null;
    }

    /// <summary>
    /// Waits (saying so) while a step command of an earlier run still runs, at most <paramref name="limit"/>. Null
    /// when none runs (any more), else the problem: the command still runs.
    /// </summary>
    public async Task<string?> WaitForEarlierAsync(IConvertEvents events, TimeSpan limit, CancellationToken ct)
    {
        if (await FindAsync(ct).ConfigureAwait(false) is not { } running)
        {
            return null;
        }

        events.On(new ConvertNotice($"A command of an earlier, interrupted xsraid run still runs on the host (pid {running}); waiting for it to end before going on."));
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < limit)
        {
            await Task.Delay(pollInterval, ct).ConfigureAwait(false);
            if (await FindAsync(ct).ConfigureAwait(false) is null)
            {
                events.On(new ConvertNotice($"It ended after {watch.Elapsed.TotalSeconds:0} s; going on."));
                return null;
            }
        }

        return $"a command of an earlier xsraid run still runs on the host after {limit.TotalSeconds:0} s of waiting (pid {running})";
    }
}
