namespace XsRaid.Formats.Gpt;

/// <summary>
/// A GPT header (primary at LBA 1, backup at the last LBA) whose signature, size, CRC32 and self-pointer were
/// checked by <see cref="GptHeaderReader"/>. <paramref name="Raw"/> is the whole sector as read.
/// </summary>
public sealed record GptHeader(
    uint Revision,
    uint HeaderSize,
    uint HeaderCrc32,
    long MyLba,
    long AlternateLba,
    long FirstUsableLba,
    long LastUsableLba,
    Guid DiskGuid,
    long PartitionEntriesLba,
    uint PartitionEntryCount,
    uint PartitionEntrySize,
    uint PartitionEntriesCrc32,
    ReadOnlyMemory<byte> Raw)
{
    /// <summary>Bytes covered by the entries CRC: count x size (bounded by the reader's limits).</summary>
    public long PartitionArrayBytes => (long)PartitionEntryCount * PartitionEntrySize;

    /// <summary>Whole sectors the entry array occupies.</summary>
    public long PartitionArraySectors(int sectorSize) => (PartitionArrayBytes + sectorSize - 1) / sectorSize;

    /// <summary>Last LBA of the entry array (PartitionEntriesLba - 1 when the array is empty).</summary>
    public long PartitionArrayLastLba(int sectorSize) => PartitionEntriesLba + PartitionArraySectors(sectorSize) - 1;

    /// <summary>"1.0" for revision 0x00010000.</summary>
    public string RevisionText => $"{Revision >> 16}.{Revision & 0xFFFF}";
}
