namespace XsRaid.Formats.Fat;

/// <summary>
/// A FAT filesystem's boot sector (BIOS parameter block), the fields blkid's vfat probe reports: an EFI System
/// Partition is one (mkfs.vfat -n BOOT-XXXXXX on XCP-ng).
/// </summary>
/// <param name="Kind">"FAT12", "FAT16" or "FAT32" (FAT32 when the 16-bit sectors-per-FAT field is 0).</param>
/// <param name="BytesPerSector">512 ... 4096.</param>
/// <param name="SectorsPerCluster">A power of two.</param>
/// <param name="ReservedSectors">Sectors before the first FAT.</param>
/// <param name="FatCount">Copies of the FAT (mkfs.vfat makes 2).</param>
/// <param name="TotalSectors">The filesystem's size in its own sectors.</param>
/// <param name="VolumeId">The 32-bit serial number, when the extended boot signature (0x29) is there.</param>
/// <param name="Label">The boot sector's 11-byte volume label, trailing spaces cut; "" when none or "NO NAME".</param>
public sealed record FatBootSector(
    string Kind,
    int BytesPerSector,
    int SectorsPerCluster,
    int ReservedSectors,
    int FatCount,
    long TotalSectors,
    uint? VolumeId,
    string Label)
{
    /// <summary>The volume id as blkid prints it as UUID: "5A3C-9E21".</summary>
    public string? UuidText => VolumeId is { } id ? $"{id >> 16:X4}-{id & 0xffff:X4}" : null;

    /// <summary>Bytes the filesystem says it spans.</summary>
    public long SizeBytes => TotalSectors * BytesPerSector;
}
