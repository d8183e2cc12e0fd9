using XsRaid.Hosts;
using XsRaid.Planning;

namespace XsRaid.Execution;

/// <summary>While the resync is waited for: /proc/mdstat every <see cref="Interval"/>, the plan's arrays reported.</summary>
public sealed class ResyncMonitor(IReadOnlyList<string> arrayDevices, TimeSpan interval) : IStepMonitor
{
    private readonly HashSet<string> _names = [.. arrayDevices.Select(d => d[(d.LastIndexOf('/') + 1)..])];

    public TimeSpan Interval => interval;

    public bool Watches(PlanStep step) => step.Kind == StepKind.ResyncWait;

    public async Task WatchAsync(PlanStep step, IHost host, IConvertEvents events, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            var result = await host.RunAsync(["cat", "/proc/mdstat"], new CommandOptions(TimeSpan.FromSeconds(30)), ct).ConfigureAwait(false);
            if (result.Succeeded)
            {
                events.On(new ResyncProgress([.. ArrayHealth.FromMdstat(result.StdoutText).Where(a => _names.Contains(a.Name))]));
            }

            await Task.Delay(interval, ct).ConfigureAwait(false);
        }
    }
}
