namespace XsRaid.Formats.Md;

/// <summary>
/// The fields of a 0.90 superblock (mdp_super_t, 4096 bytes, host-endian: read as little-endian).
/// UUID words: set_uuid0 at byte 20, set_uuid1..3 at bytes 52, 56, 60.
/// </summary>
public sealed record MdSuperblock090(
    uint MajorVersion,
    uint MinorVersion,
    uint PatchVersion,
    uint SetUuid0,
    uint SetUuid1,
    uint SetUuid2,
    uint SetUuid3,
    uint CTime,
    int Level,
    uint SizeKiB,
    uint NrDisks,
    uint RaidDisks,
    uint MdMinor,
    uint UTime,
    uint State,
    uint ActiveDisks,
    uint WorkingDisks,
    uint FailedDisks,
    uint SpareDisks,
    uint SbCsum,
    ulong Events,
    uint Layout,
    uint ChunkSizeBytes,
    IReadOnlyList<MdDiskDescriptor090> Disks,
    MdDiskDescriptor090 ThisDisk)
{
    public const int Size = 4096;
    public const int MaxDisks = 27;
    public const int CleanBit = 0;
    public const int BitmapPresentBit = 8;

    /// <summary>mdadm's "Version" text, e.g. "0.90.00".</summary>
    public string VersionText => $"{MajorVersion}.{MinorVersion:D2}.{PatchVersion:D2}";
}
