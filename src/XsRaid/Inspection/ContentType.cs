namespace XsRaid.Inspection;

/// <summary>What a partition or whole device holds, named as `inspect --json` prints it.</summary>
public static class ContentType
{
    public const string Ext2 = "ext2";
    public const string Ext3 = "ext3";
    public const string Ext4 = "ext4";
    public const string Swap = "swap";
    public const string Vfat = "vfat";
    public const string LvmPv = "lvm2-pv";
    public const string MdMember = "md-member";
    public const string Unknown = "unknown";
    public const string Empty = "empty";
}
