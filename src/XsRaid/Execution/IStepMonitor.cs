using XsRaid.Hosts;
using XsRaid.Planning;

namespace XsRaid.Execution;

/// <summary>
/// Reports progress while a long step's commands run, by polling the host on a channel of its own. It is cancelled
/// when the commands end; a failing poll never fails the step.
/// </summary>
public interface IStepMonitor
{
    bool Watches(PlanStep step);

    Task WatchAsync(PlanStep step, IHost host, IConvertEvents events, CancellationToken ct);
}
