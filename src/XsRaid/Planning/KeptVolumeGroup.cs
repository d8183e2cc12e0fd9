namespace XsRaid.Planning;

/// <summary>
/// An LVM volume group on the system disk's storage partition that the conversion keeps (moves onto the storage
/// array with pvmove) instead of destroying: its name, the partition's PV, the VG's other PVs, the PV's extents
/// (null when the snapshot has no `pvs-extents` capture) and every pvmove in progress on the host.
/// </summary>
public sealed record KeptVolumeGroup(
    string Name,
    string Device,
    IReadOnlyList<string> OtherPhysicalVolumes,
    PhysicalVolumeExtents? Extents,
    IReadOnlyList<PvMoveInProgress> MovesInProgress);

/// <summary>A PV's extents and metadata area, in bytes and extents, as `pvs --units b` prints them.</summary>
public sealed record PhysicalVolumeExtents(
    long ExtentBytes,
    long ExtentCount,
    long AllocatedExtents,
    long DataStartBytes,
    long MetadataAreaBytes,
    long MetadataFreeBytes)
{
    /// <summary>
    /// The metadata text the VG has now, estimated: LVM reports as free what a commit can still use, about half the
    /// circular area (it keeps the old copy while writing the new one) less the current text.
    /// </summary>
    public long MetadataUsedBytes => Math.Max(0, (MetadataAreaBytes / 2) - MetadataFreeBytes);
}

/// <summary>A pvmove LV (lv_attr starting with 'p') of a VG, with the devices it reads (`lvs -o devices`).</summary>
public sealed record PvMoveInProgress(string VgName, string LvName, string Devices, string? CopyPercent);
