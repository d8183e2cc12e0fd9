using XsRaid.Execution;

namespace XsRaid.Health;

/// <summary>
/// One md array as `check` sees it, from /proc/mdstat (through the reader `status` uses, <see cref="ArrayHealth"/>)
/// and, where the probe captured them, /sys/block/mdN/md and `mdadm --detail`. Null means not shown or not captured.
/// </summary>
public sealed record ArrayCondition(
    ArrayHealth Health,
    int? RaidDisks,
    int? InSyncDisks,
    int FailedDisks,
    int? SpareDisks,
    bool Degraded,
    bool Redundant,
    string? SyncAction,
    long? MismatchCount,
    bool? HasBitmap,
    string? Uuid)
{
    public string Name => Health.Name;
}
