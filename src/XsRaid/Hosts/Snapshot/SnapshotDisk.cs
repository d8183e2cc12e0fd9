using XsRaid.Devices;

namespace XsRaid.Hosts.Snapshot;

/// <summary>One physical disk of a host snapshot: sysfs facts, by-id names, partitions and captured bytes.</summary>
public sealed record SnapshotDisk(
    string Name,
    long SizeBytes,
    int LogicalSectorSize,
    int PhysicalSectorSize,
    bool Rotational,
    bool Removable,
    string? Model,
    string? Vendor,
    string? Serial,
    string? Wwid,
    IReadOnlyList<string> ByIdNames,
    IReadOnlyList<SnapshotPartition> Partitions,
    IReadOnlyList<CapturedRegion> Regions,
    string? UnreadableReason)
{
    public string DevicePath => "/dev/" + Name;

    /// <summary>The captured bytes as a block source; reads outside the captured regions are typed errors.</summary>
    public IBlockSource AsBlockSource() => new RegionBlockSource(DevicePath, SizeBytes, LogicalSectorSize, Regions);
}
