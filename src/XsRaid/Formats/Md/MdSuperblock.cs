namespace XsRaid.Formats.Md;

/// <summary>
/// A Linux md superblock of any version (0.90, 1.0, 1.1, 1.2), with the fields named and formatted the way
/// <c>mdadm --examine</c> shows them. The version-specific raw fields are in <see cref="V090"/> or <see cref="V1"/>.
/// </summary>
/// <param name="Version">"0.90", "1.0", "1.1" or "1.2".</param>
/// <param name="SuperblockOffset">Bytes from the start of the device.</param>
/// <param name="ArrayUuid">As mdadm prints it: four 8-hex-digit groups joined by ':'.</param>
/// <param name="Name">The 1.x array name (e.g. "xshost:9"); null for 0.90.</param>
/// <param name="Level">The raw level number (-1 linear, 0, 1, 4, 5, 6, 10, ...).</param>
/// <param name="LevelName">mdadm's name for <paramref name="Level"/> ("raid1", "linear", ...).</param>
/// <param name="RaidDevices">Number of slots in the array.</param>
/// <param name="Role">This device's slot, or null when it is a spare, faulty, or journal device.</param>
/// <param name="RoleDescription">As mdadm prints "Device Role" ("Active device 0", "spare", ...).</param>
/// <param name="Events">The event counter.</param>
/// <param name="ArrayState">mdadm's "Array State" letters, one per slot ("AA", "A.").</param>
/// <param name="Clean">The recorded clean state (mdadm "State : clean").</param>
/// <param name="DataOffsetSectors">Where the array data starts on this device, in sectors (always 0 for 0.90).</param>
/// <param name="DataSizeSectors">mdadm "Avail Dev Size": sectors usable for data (0.90: everything before the superblock).</param>
/// <param name="UsedDevSizeSectors">mdadm "Used Dev Size": sectors of this device the array uses.</param>
/// <param name="BitmapPresent">An internal write-intent bitmap is recorded (and, when found by <see cref="MdSuperblockReader.Find"/>, verified).</param>
/// <param name="Checksum">The checksum stored in the superblock.</param>
/// <param name="ComputedChecksum">The checksum computed the way mdadm computes it.</param>
/// <param name="ChecksumValid">Whether the two agree.</param>
/// <param name="CreationTime">Array creation time (seconds resolution).</param>
/// <param name="UpdateTime">Last superblock update time (seconds resolution).</param>
/// <param name="Raw">The superblock bytes as read.</param>
public sealed record MdSuperblock(
    string Version,
    long SuperblockOffset,
    string ArrayUuid,
    string? Name,
    int Level,
    string LevelName,
    int RaidDevices,
    int? Role,
    string RoleDescription,
    ulong Events,
    string ArrayState,
    bool Clean,
    long DataOffsetSectors,
    long DataSizeSectors,
    long UsedDevSizeSectors,
    bool BitmapPresent,
    uint Checksum,
    uint ComputedChecksum,
    bool ChecksumValid,
    DateTimeOffset CreationTime,
    DateTimeOffset UpdateTime,
    ReadOnlyMemory<byte> Raw)
{
    /// <summary>The array UUID as the 16 bytes stored on disk (what a bitmap superblock must carry).</summary>
    public ReadOnlyMemory<byte> ArrayUuidBytes { get; init; }

    /// <summary>1.x "Device UUID" as mdadm prints it; null for 0.90.</summary>
    public string? DeviceUuid { get; init; }

    /// <summary>1.x feature map (as recorded, or with bit 0 cleared when the bitmap did not verify); 0 for 0.90.</summary>
    public uint FeatureMap { get; init; }

    /// <summary>Signed distance in sectors from the superblock to the bitmap superblock, when one is recorded.</summary>
    public int? BitmapOffsetSectors { get; init; }

    /// <summary>The bitmap superblock, when <see cref="MdSuperblockReader.Find"/> read and verified one.</summary>
    public MdBitmapSuperblock? Bitmap { get; init; }

    /// <summary>The 0.90 fields, when <see cref="Version"/> is "0.90".</summary>
    public MdSuperblock090? V090 { get; init; }

    /// <summary>The 1.x fields, when <see cref="Version"/> is "1.0", "1.1" or "1.2".</summary>
    public MdSuperblock1? V1 { get; init; }
}
