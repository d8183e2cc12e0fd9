namespace XsRaid.Platforms.Layouts;

/// <summary>How a layout is mirrored.</summary>
public enum MirrorScope
{
    /// <summary>One RAID1 array per partition, the partition table on each disk (XenServer 6.x, Debian).</summary>
    PerPartition,

    /// <summary>One whole-disk RAID1 array with the partition table inside it (XCP-ng's installer).</summary>
    WholeDisk,
}
