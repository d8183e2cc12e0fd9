namespace XsRaid.Formats.Mbr;

/// <summary>
/// Sector 0 of a disk. <paramref name="Partitions"/> holds only the records in use (type not 0x00), and is empty
/// when there is no 0x55AA signature (the records then mean nothing). <paramref name="IsProtective"/>: the single
/// record in use is of type 0xEE (a GPT protective MBR). <paramref name="Raw"/> is the 512 bytes read.
/// </summary>
public sealed record MasterBootRecord(
    BootCodeKind BootCode,
    bool HasBootSignature,
    uint DiskSignature,
    IReadOnlyList<MbrPartitionRecord> Partitions,
    bool IsProtective,
    ReadOnlyMemory<byte> Raw)
{
    /// <summary>A 0xEE record is present: a protective or a hybrid MBR in front of a GPT.</summary>
    public bool ClaimsGpt => Partitions.Any(p => p.Type == MbrConstants.GptProtectiveType);

    /// <summary>A 0xEE record next to other records in use (a hybrid MBR).</summary>
    public bool IsHybrid => ClaimsGpt && !IsProtective;

    /// <summary>The disk signature as blkid prints it for a dos table (PTUUID): 8 lower-case hex digits.</summary>
    public string DiskSignatureHex => DiskSignature.ToString("x8");
}
