namespace XsRaid.Formats.Md;

/// <summary>Reads an md bitmap superblock from its 256 bytes.</summary>
public static class MdBitmapSuperblockReader
{
    private const string Structure = "md bitmap superblock";

    public static ReadResult<MdBitmapSuperblock> Parse(ReadOnlySpan<byte> bytes, long offset)
    {
        if (bytes.Length < MdBitmapSuperblock.Size)
        {
            return FormatError.Truncated(Structure, $"needs {MdBitmapSuperblock.Size} bytes, got {bytes.Length}", offset);
        }

        try
        {
            var f = new LittleEndianFields(bytes[..MdBitmapSuperblock.Size]);
            var magic = f.U32(0);
            if (magic != MdBitmapSuperblock.ExpectedMagic)
            {
                return FormatError.NotPresent(Structure, $"magic is {magic:x8}, not {MdBitmapSuperblock.ExpectedMagic:x8}", offset);
            }

            return new MdBitmapSuperblock(
                Offset: offset,
                Magic: magic,
                Version: f.U32(4),
                Uuid: MdUuidText.FromBytes(f.Slice(8, 16)),
                Events: f.U64(24),
                EventsCleared: f.U64(32),
                SyncSizeSectors: f.U64(40),
                State: f.U32(48),
                ChunkSizeBytes: f.U32(52),
                DaemonSleepSeconds: f.U32(56),
                WriteBehind: f.U32(60),
                SectorsReserved: f.U32(64),
                Nodes: f.U32(68),
                ClusterName: f.FixedString(72, 64),
                Raw: f.Slice(0, MdBitmapSuperblock.Size).ToArray());
        }
        catch (FieldOutOfRangeException e)
        {
            return FormatError.Truncated(Structure, e.Message, offset);
        }
    }
}
