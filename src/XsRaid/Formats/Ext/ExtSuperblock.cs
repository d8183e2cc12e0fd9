namespace XsRaid.Formats.Ext;

/// <summary>
/// An ext2/3/4 superblock (the 1024 bytes at byte 1024 of the filesystem), with fields as blkid and
/// <c>dumpe2fs -h</c> print them.
/// </summary>
/// <param name="Kind">blkid's TYPE: "ext2", "ext3", "ext4", or "jbd" for an external journal device (<see cref="ExtKindRules"/>).</param>
/// <param name="Label">s_volume_name ("" when none; dumpe2fs prints "&lt;none&gt;").</param>
/// <param name="UuidText">s_uuid in blkid's and dumpe2fs' form: lower-case, 8-4-4-4-12, bytes in disk order.</param>
/// <param name="BlockCount">s_blocks_count, with the high word when the 64bit feature is on.</param>
/// <param name="FreeBlocks">s_free_blocks_count, with the high word when the 64bit feature is on.</param>
/// <param name="FeatureNames">The features as dumpe2fs lists them (<see cref="ExtFeatureNames"/>).</param>
/// <param name="State">s_state bits: 1 = cleanly unmounted, 2 = errors found.</param>
/// <param name="StateText">s_state as dumpe2fs prints it ("clean", "not clean", "clean with errors", ...).</param>
/// <param name="LastMountedOn">s_last_mounted ("" when never recorded; dumpe2fs prints "&lt;not available&gt;").</param>
/// <param name="Version">s_rev_level.s_minor_rev_level, as blkid's VERSION ("1.0").</param>
/// <param name="StoredChecksum">s_checksum (byte 1020); meaningful only with metadata_csum.</param>
/// <param name="ChecksumValid">With metadata_csum and crc32c: whether s_checksum matches the bytes; null without it.</param>
/// <param name="Raw">The 1024 superblock bytes as read.</param>
public sealed record ExtSuperblock(
    string Kind,
    string Label,
    Guid Uuid,
    string UuidText,
    int BlockSize,
    ulong BlockCount,
    ulong FreeBlocks,
    uint InodeCount,
    uint FreeInodes,
    bool HasJournal,
    uint FeatureCompat,
    uint FeatureIncompat,
    uint FeatureRoCompat,
    IReadOnlyList<string> FeatureNames,
    ushort State,
    string StateText,
    string LastMountedOn,
    string Version,
    uint StoredChecksum,
    bool? ChecksumValid,
    ReadOnlyMemory<byte> Raw)
{
    /// <summary>The size the filesystem claims: BlockCount × BlockSize.</summary>
    public ulong SizeBytes => BlockCount * (ulong)BlockSize;

    public bool Is64Bit => (FeatureIncompat & ExtFeature.Incompat64Bit) != 0;

    public bool HasMetadataChecksum => (FeatureRoCompat & ExtFeature.RoCompatMetadataCsum) != 0;
}
