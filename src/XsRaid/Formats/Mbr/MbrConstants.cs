namespace XsRaid.Formats.Mbr;

/// <summary>Offsets and values of the classic MBR in sector 0.</summary>
internal static class MbrConstants
{
    public const int SectorLength = 512;
    public const int DiskSignatureOffset = 440;
    public const int PartitionTableOffset = 446;
    public const int PartitionRecordLength = 16;
    public const int PartitionRecordCount = 4;
    public const int BootSignatureOffset = 510;
    public const ushort BootSignature = 0xAA55;
    public const byte ActiveStatus = 0x80;
    public const byte GptProtectiveType = 0xEE;
}
