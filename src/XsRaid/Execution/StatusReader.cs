using XsRaid.Hosts;
using XsRaid.Hosts.Snapshot;

namespace XsRaid.Execution;

/// <summary>
/// Reads a host's conversion status: one probe, one read of its saved state, one look for a running step command
/// (three remote commands, all read-only).
/// </summary>
public static class StatusReader
{
    public static async Task<ConversionStatus> ReadAsync(IHost host, HostStateLocation location, string stepPidFile, CancellationToken ct)
    {
        var snapshot = await HostProbe.TakeAsync(host, ct).ConfigureAwait(false);
        if (!snapshot.IsOk)
        {
            throw new HostConnectionException(host.Name, $"the probe failed: {snapshot.Error}");
        }

        var state = await HostStateStore.ReadAsync(host, location, ct).ConfigureAwait(false);
        var running = await new StepCommandTracker(host, stepPidFile, TimeSpan.Zero).FindAsync(ct).ConfigureAwait(false);
        return ConversionStatus.From(snapshot.Value, state, running);
    }
}
