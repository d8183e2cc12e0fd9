namespace XsRaid.Formats.Md;

/// <summary>The fields of a 1.x superblock (mdp_superblock_1: 256 bytes plus a u16 role per device; little-endian).</summary>
public sealed record MdSuperblock1(
    uint FeatureMap,
    string SetName,
    ulong CTimeRaw,
    int Level,
    uint Layout,
    ulong Size,
    uint ChunkSize,
    uint RaidDisks,
    int BitmapOffset,
    int NewLevel,
    ulong ReshapePosition,
    int DeltaDisks,
    uint NewLayout,
    uint NewChunk,
    int NewOffset,
    ulong DataOffset,
    ulong DataSize,
    ulong SuperOffset,
    ulong RecoveryOffset,
    uint DevNumber,
    uint CntCorrectedRead,
    byte DevFlags,
    byte BblogShift,
    ushort BblogSize,
    int BblogOffset,
    ulong UTimeRaw,
    ulong Events,
    ulong ResyncOffset,
    uint SbCsum,
    uint MaxDev,
    IReadOnlyList<ushort> DevRoles)
{
    public const int HeaderSize = 256;
    public const int MaxSize = 4096;

    /// <summary>(4096 - 256) / 2: the most roles that fit in the 4 KiB the superblock may use.</summary>
    public const int MaxDevices = 1920;

    public const uint FeatureBitmapOffset = 1;
    public const uint FeatureRecoveryOffset = 2;
    public const uint FeatureReshapeActive = 4;
    public const uint FeatureBadBlocks = 8;
    public const uint FeatureReplacement = 16;

    public const ushort RoleSpare = 0xffff;
    public const ushort RoleFaulty = 0xfffe;
    public const ushort RoleJournal = 0xfffd;
    public const ushort RoleMax = 0xff00;

    /// <summary>Bytes covered by the checksum and holding all the roles: 256 + 2 * max_dev.</summary>
    public int ByteLength => HeaderSize + (2 * (int)MaxDev);

    /// <summary>This device's role as mdadm reads it (role_from_sb): a slot number, or one of the Role* values.</summary>
    public ushort ThisRole => DevNumber < MaxDev ? DevRoles[(int)DevNumber] : RoleSpare;
}
