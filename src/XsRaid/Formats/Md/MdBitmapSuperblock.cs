namespace XsRaid.Formats.Md;

/// <summary>The superblock of an md internal write-intent bitmap (bitmap_super_t, 256 bytes, little-endian).</summary>
public sealed record MdBitmapSuperblock(
    long Offset,
    uint Magic,
    uint Version,
    string Uuid,
    ulong Events,
    ulong EventsCleared,
    ulong SyncSizeSectors,
    uint State,
    uint ChunkSizeBytes,
    uint DaemonSleepSeconds,
    uint WriteBehind,
    uint SectorsReserved,
    uint Nodes,
    string ClusterName,
    ReadOnlyMemory<byte> Raw)
{
    public const int Size = 256;

    /// <summary>"bitm" read as a little-endian u32.</summary>
    public const uint ExpectedMagic = 0x6d746962;

    /// <summary>The 16 UUID bytes as stored (they must equal the array's stored UUID bytes).</summary>
    public ReadOnlyMemory<byte> UuidBytes => Raw.Slice(8, 16);
}
