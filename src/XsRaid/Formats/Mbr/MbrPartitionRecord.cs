namespace XsRaid.Formats.Mbr;

/// <summary>
/// One of the four primary partition records at byte 446 of sector 0 (CHS fields ignored).
/// <paramref name="Index"/> is 0..3; the Linux partition number is Index + 1.
/// </summary>
public sealed record MbrPartitionRecord(int Index, byte Status, byte Type, uint FirstLba, uint SectorCount)
{
    /// <summary>Status 0x80: the partition a classic MBR boot code chains to.</summary>
    public bool IsActive => Status == MbrConstants.ActiveStatus;

    /// <summary>Last sector of the partition (FirstLba + SectorCount - 1); FirstLba - 1 for an empty record.</summary>
    public long LastLba => (long)FirstLba + SectorCount - 1;

    /// <summary>Status is 0x00 or 0x80; anything else means sector 0 is not a partition table (as blkid decides).</summary>
    public bool HasValidStatus => Status is 0x00 or MbrConstants.ActiveStatus;

    /// <summary>Types 0x05, 0x0F and 0x85 hold logical partitions in a chain of extended boot records.</summary>
    public bool IsExtended => Type is 0x05 or 0x0F or 0x85;

    /// <summary>The 2-digit lower-case hex type as sfdisk prints it ("83", "fd").</summary>
    public string TypeCode => Type.ToString("x2");
}
