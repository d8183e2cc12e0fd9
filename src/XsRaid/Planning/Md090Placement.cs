namespace XsRaid.Planning;

/// <summary>
/// Where md 0.90 puts its superblock: in the last 64 KiB-aligned 64 KiB of the device (the size rounded down to
/// 64 KiB, minus 64 KiB). A 0.90 member partition whose superblock lands exactly where the whole disk's would (it
/// starts so that its rounded end is the disk's rounded end: typically the last partition, 64 KiB aligned, running to
/// the backup GPT) makes the whole disk look like a member too; 1.x superblocks record their own offset and are not
/// ambiguous that way.
/// </summary>
public static class Md090Placement
{
    private const long Chunk = 64 * 1024;

    /// <summary>The byte offset of the 0.90 superblock of a device of <paramref name="sizeBytes"/> bytes.</summary>
    public static long SuperblockOffset(long sizeBytes) => (sizeBytes / Chunk * Chunk) - Chunk;

    /// <summary>True when a 0.90 superblock of the partition (start and size in bytes) would sit where the disk's would.</summary>
    public static bool IsAmbiguous(long partitionStartBytes, long partitionSizeBytes, long diskSizeBytes) =>
        partitionStartBytes + SuperblockOffset(partitionSizeBytes) == SuperblockOffset(diskSizeBytes);
}
