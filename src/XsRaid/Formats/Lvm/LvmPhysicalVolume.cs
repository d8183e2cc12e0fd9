namespace XsRaid.Formats.Lvm;

/// <summary>
/// An LVM2 physical volume: the label ("LABELONE" in one of the first four 512-byte sectors), its pv_header,
/// and what the first metadata area says when it lies in the window the reader reads.
/// </summary>
/// <param name="LabelSector">The 512-byte sector holding the label (1 unless pvcreate --labelsector).</param>
/// <param name="PvUuid">The PV UUID as LVM and blkid print it (6-4-4-4-4-4-6).</param>
/// <param name="DeviceSizeBytes">pv_header.device_size: the device size recorded at pvcreate.</param>
/// <param name="VgName">The VG the text names; null for an orphan PV, or when the text could not be read.</param>
/// <param name="LabelType">label_header.type, "LVM2 001".</param>
/// <param name="LabelCrc">label_header.crc (verified before this record is made).</param>
/// <param name="DataAreas">pv_header data areas; the first one's offset is pe_start.</param>
/// <param name="MetadataAreas">pv_header metadata areas (the first is the one read).</param>
/// <param name="ExtensionVersion">pv_header_extension.version, null when the header has no room for it.</param>
/// <param name="ExtensionFlags">pv_header_extension.flags (1 = PV in use by a VG).</param>
/// <param name="Metadata">The first metadata area, when its header was read and valid.</param>
/// <param name="MetadataError">Why the first metadata area or its text could not be used (the label itself is fine).</param>
/// <param name="Raw">The 512-byte label sector.</param>
public sealed record LvmPhysicalVolume(
    long LabelSector,
    string PvUuid,
    ulong DeviceSizeBytes,
    string? VgName,
    string LabelType,
    uint LabelCrc,
    IReadOnlyList<LvmDiskLocation> DataAreas,
    IReadOnlyList<LvmDiskLocation> MetadataAreas,
    uint? ExtensionVersion,
    uint? ExtensionFlags,
    LvmMetadataArea? Metadata,
    FormatError? MetadataError,
    ReadOnlyMemory<byte> Raw)
{
    /// <summary>Where the first physical extent starts (pvs pe_start), when the PV has a data area.</summary>
    public ulong? PeStart => DataAreas.Count > 0 ? DataAreas[0].Offset : null;
}
