namespace XsRaid.Hosts.Snapshot;

/// <summary>A partition as the host's kernel knows it (/sys/block/DISK/PART: number, start and size in 512-byte units).</summary>
public sealed record SnapshotPartition(string Name, int Number, long StartSector, long SizeSectors)
{
    public long StartBytes => StartSector * 512;

    public long SizeBytes => SizeSectors * 512;
}
