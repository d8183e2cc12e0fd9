using XsRaid.Devices;

namespace XsRaid.Formats.Ext;

/// <summary>Reads the ext2/3/4 superblock at byte 1024 of a filesystem (partition, LV or image).</summary>
public static class ExtSuperblockReader
{
    public const int Offset = 1024;
    public const int Size = 1024;
    public const ushort Magic = 0xEF53;

    private const string Structure = "ext superblock";
    private const int MaxLogBlockSize = 6; // 64 KiB, the largest block size ext4 allows.
    private const byte ChecksumTypeCrc32C = 1;

    private const int InodesCountAt = 0;
    private const int BlocksCountAt = 4;
    private const int FreeBlocksCountAt = 12;
    private const int FreeInodesCountAt = 16;
    private const int LogBlockSizeAt = 24;
    private const int MagicAt = 56;
    private const int StateAt = 58;
    private const int MinorRevLevelAt = 62;
    private const int RevLevelAt = 76;
    private const int FeatureCompatAt = 92;
    private const int FeatureIncompatAt = 96;
    private const int FeatureRoCompatAt = 100;
    private const int UuidAt = 104;
    private const int VolumeNameAt = 120;
    private const int LastMountedAt = 136;
    private const int BlocksCountHiAt = 336;
    private const int FreeBlocksCountHiAt = 344;
    private const int ChecksumTypeAt = 373;
    private const int ChecksumAt = 1020;

    /// <summary>Reads bytes [1024, 2048) of <paramref name="device"/> and parses them.</summary>
    public static ReadResult<ExtSuperblock> Read(IBlockSource device)
    {
        if (device.Length < Offset + MagicAt + 2)
        {
            return FormatError.NotPresent(Structure, $"{device.Name} is {device.Length} bytes, too small to hold one", Offset);
        }

        var bytes = device.ReadUpTo(Offset, Size);
        if (!bytes.IsOk)
        {
            return bytes.Error;
        }

        var parsed = Parse(bytes.Value);
        return parsed.IsOk || parsed.Error.Offset is not { } at
            ? parsed
            : parsed.Error with { Offset = Offset + at };
    }

    /// <summary>Parses a superblock from its 1024 bytes (offsets in errors are relative to the superblock).</summary>
    public static ReadResult<ExtSuperblock> Parse(ReadOnlySpan<byte> sb1024)
    {
        try
        {
            return ParseFields(sb1024);
        }
        catch (FieldOutOfRangeException e)
        {
            return FormatError.Truncated(Structure, e.Message);
        }
    }

    private static ReadResult<ExtSuperblock> ParseFields(ReadOnlySpan<byte> bytes)
    {
        var f = new LittleEndianFields(bytes);
        if (!f.Has(MagicAt, 2))
        {
            return FormatError.Truncated(Structure, $"only {bytes.Length} bytes, the magic is at byte {MagicAt}", 0);
        }

        if (f.U16(MagicAt) != Magic)
        {
            return FormatError.NotPresent(Structure, $"no magic 0x{Magic:X4} (found 0x{f.U16(MagicAt):X4})", MagicAt);
        }

        if (bytes.Length < Size)
        {
            return FormatError.Truncated(Structure, $"only {bytes.Length} of its {Size} bytes", bytes.Length);
        }

        var logBlockSize = f.U32(LogBlockSizeAt);
        if (logBlockSize > MaxLogBlockSize)
        {
            return FormatError.Corrupt(Structure, $"s_log_block_size {logBlockSize} means a block larger than 64 KiB", LogBlockSizeAt);
        }

        var blockSize = 1024 << (int)logBlockSize;
        var compat = f.U32(FeatureCompatAt);
        var incompat = f.U32(FeatureIncompatAt);
        var roCompat = f.U32(FeatureRoCompatAt);
        var is64Bit = (incompat & ExtFeature.Incompat64Bit) != 0;
        var blockCount = Combine(f.U32(BlocksCountAt), is64Bit ? f.U32(BlocksCountHiAt) : 0);
        var freeBlocks = Combine(f.U32(FreeBlocksCountAt), is64Bit ? f.U32(FreeBlocksCountHiAt) : 0);
        var inodeCount = f.U32(InodesCountAt);
        var freeInodes = f.U32(FreeInodesCountAt);

        if (blockCount == 0 || blockCount > ulong.MaxValue / (ulong)blockSize)
        {
            return FormatError.Corrupt(Structure, $"block count {blockCount} is impossible", BlocksCountAt);
        }

        if (freeBlocks > blockCount)
        {
            return FormatError.Corrupt(Structure, $"{freeBlocks} free blocks of {blockCount}", FreeBlocksCountAt);
        }

        var kind = ExtKindRules.Classify(compat, incompat, roCompat);
        if (kind is null)
        {
            return new FormatError(
                Structure,
                FormatErrorKind.Unsupported,
                $"features (compat 0x{compat:x}, incompat 0x{incompat:x}, ro_compat 0x{roCompat:x}) match no blkid type: needs_recovery without a journal",
                FeatureIncompatAt);
        }

        // An external journal (jbd) has no inodes; a filesystem has at least its reserved ones.
        if ((inodeCount == 0 && kind != ExtKindRules.JournalDevice) || freeInodes > inodeCount)
        {
            return FormatError.Corrupt(Structure, $"{freeInodes} free inodes of {inodeCount}", InodesCountAt);
        }

        var uuid = f.GuidBigEndian(UuidAt);
        var state = f.U16(StateAt);
        var storedChecksum = f.U32(ChecksumAt);
        bool? checksumValid = (roCompat & ExtFeature.RoCompatMetadataCsum) != 0 && f.U8(ChecksumTypeAt) == ChecksumTypeCrc32C
            ? Crc32C.Update(~0u, f.Slice(0, ChecksumAt)) == storedChecksum
            : null;

        return new ExtSuperblock(
            Kind: kind,
            Label: f.FixedString(VolumeNameAt, 16),
            Uuid: uuid,
            UuidText: uuid.ToString("D"),
            BlockSize: blockSize,
            BlockCount: blockCount,
            FreeBlocks: freeBlocks,
            InodeCount: inodeCount,
            FreeInodes: freeInodes,
            HasJournal: (compat & ExtFeature.CompatHasJournal) != 0,
            FeatureCompat: compat,
            FeatureIncompat: incompat,
            FeatureRoCompat: roCompat,
            FeatureNames: ExtFeatureNames.Of(compat, incompat, roCompat),
            State: state,
            StateText: DescribeState(state),
            LastMountedOn: f.FixedString(LastMountedAt, 64),
            Version: $"{f.U32(RevLevelAt)}.{f.U16(MinorRevLevelAt)}",
            StoredChecksum: storedChecksum,
            ChecksumValid: checksumValid,
            Raw: bytes[..Size].ToArray());
    }

    private static ulong Combine(uint lo, uint hi) => ((ulong)hi << 32) | lo;

    /// <summary>As e2fsprogs' print_fs_state: "clean" or "not clean" (bit 1), then " with errors" (bit 2).</summary>
    private static string DescribeState(ushort state) =>
        ((state & 1) != 0 ? "clean" : "not clean") + ((state & 2) != 0 ? " with errors" : "");
}
