namespace XsRaid.Planning;

/// <summary>
/// How many bytes of a member partition an md RAID1 array gives its user, estimated from below (so a plan never
/// counts on space the array lacks). mdadm's super1.c puts a 1.0 superblock 8 KiB before the end (4 KiB aligned)
/// and reserves up to 128 KiB for the internal bitmap before it; 0.90 keeps the last 64 KiB-aligned 64 KiB; and
/// Create.c rounds a RAID1's size down to 64 KiB.
/// </summary>
public static class MdDataSize
{
    private const long KiB = 1024;

    public static long Estimate(long partitionBytes, string metadata)
    {
        var data = metadata == "0.90"
            ? (partitionBytes & ~((64 * KiB) - 1)) - (64 * KiB)
            : ((partitionBytes - (8 * KiB)) & ~((4 * KiB) - 1)) - (128 * KiB);
        return Math.Max(0, data & ~((64 * KiB) - 1));
    }
}
