using XsRaid.Hosts.Parsers;

namespace XsRaid.Execution;

/// <summary>
/// One array's health for progress lines and `status`: its state, members, and while it syncs the percentage, speed
/// and the kernel's estimate of the time left.
/// </summary>
public sealed record ArrayHealth(
    string Name,
    string? Level,
    IReadOnlyList<string> Members,
    string? DiskStatus,
    ArrayHealthState State,
    decimal? Percent,
    long? SpeedKiBPerSecond,
    decimal? FinishMinutes)
{
    public bool IsSyncing => State is ArrayHealthState.Resyncing or ArrayHealthState.Recovering or ArrayHealthState.Waiting;

    public static ArrayHealth From(MdstatArray array)
    {
        var state = array switch
        {
            { State: MdstatArrayState.Inactive } => ArrayHealthState.Inactive,
            { Sync.Action: MdSyncAction.Resync } => ArrayHealthState.Resyncing,
            { Sync.Action: MdSyncAction.Recovery } => ArrayHealthState.Recovering,
            { Sync: not null } => ArrayHealthState.Checking,
            { ResyncWait: not null } => ArrayHealthState.Waiting,
            { IsDegraded: true } => ArrayHealthState.Degraded,
            _ when array.FaultyCount > 0 => ArrayHealthState.Degraded,
            _ => ArrayHealthState.Clean,
        };
        var members = array.Members.Select(m => m.Device + (m.Faulty ? "(F)" : m.Spare ? "(S)" : "")).ToList();
        return new ArrayHealth(array.Name, array.Level, members, array.DiskStatus, state,
            array.Sync?.Percent, array.Sync?.SpeedKiBPerSecond, array.Sync?.FinishMinutes);
    }

    /// <summary>Every array of a /proc/mdstat text, in the kernel's order.</summary>
    public static IReadOnlyList<ArrayHealth> FromMdstat(string mdstat) =>
        [.. MdstatParser.Parse(mdstat).Value.Arrays.Select(From)];
}
