namespace XsRaid.Formats.Md;

/// <summary>Reads a 0.90 superblock (mdp_super_t) from its 4096 bytes.</summary>
internal static class MdSuperblock090Reader
{
    public const uint Magic = 0xa92b4efc;
    public const int ChecksumOffset = 152;
    public const int DisksOffset = 512;
    public const int ThisDiskOffset = 3968;
    private const string Structure = "md 0.90 superblock";

    public static ReadResult<MdSuperblock> Parse(ReadOnlySpan<byte> bytes, long superblockOffset)
    {
        if (bytes.Length < MdSuperblock090.Size)
        {
            return FormatError.Truncated(Structure, $"needs {MdSuperblock090.Size} bytes, got {bytes.Length}", superblockOffset);
        }

        try
        {
            var f = new LittleEndianFields(bytes[..MdSuperblock090.Size]);
            var magic = f.U32(0);
            if (magic != Magic)
            {
                return FormatError.NotPresent(Structure, $"magic is {magic:x8}, not {Magic:x8}", superblockOffset);
            }

            var raw = ReadFields(f);
            return Check(raw, superblockOffset) ?? Describe(raw, f, superblockOffset);
        }
        catch (FieldOutOfRangeException e)
        {
            return FormatError.Truncated(Structure, e.Message, superblockOffset);
        }
    }

    private static MdSuperblock090 ReadFields(LittleEndianFields f)
    {
        var disks = new MdDiskDescriptor090[MdSuperblock090.MaxDisks];
        for (var i = 0; i < disks.Length; i++)
        {
            disks[i] = MdDiskDescriptor090.Read(f, DisksOffset + (i * MdDiskDescriptor090.Size));
        }

        return new MdSuperblock090(
            MajorVersion: f.U32(4),
            MinorVersion: f.U32(8),
            PatchVersion: f.U32(12),
            SetUuid0: f.U32(20),
            SetUuid1: f.U32(52),
            SetUuid2: f.U32(56),
            SetUuid3: f.U32(60),
            CTime: f.U32(24),
            Level: unchecked((int)f.U32(28)),
            SizeKiB: f.U32(32),
            NrDisks: f.U32(36),
            RaidDisks: f.U32(40),
            MdMinor: f.U32(44),
            UTime: f.U32(128),
            State: f.U32(132),
            ActiveDisks: f.U32(136),
            WorkingDisks: f.U32(140),
            FailedDisks: f.U32(144),
            SpareDisks: f.U32(148),
            SbCsum: f.U32(ChecksumOffset),
            Events: ((ulong)f.U32(160) << 32) | f.U32(156),
            Layout: f.U32(256),
            ChunkSizeBytes: f.U32(260),
            Disks: disks,
            ThisDisk: MdDiskDescriptor090.Read(f, ThisDiskOffset));
    }

    private static FormatError? Check(MdSuperblock090 sb, long superblockOffset)
    {
        if (sb.MajorVersion != 0 || sb.MinorVersion is not (90 or 91))
        {
            return new FormatError(Structure, FormatErrorKind.Unsupported,
                $"version {sb.MajorVersion}.{sb.MinorVersion} is not 0.90", superblockOffset);
        }

        if (sb.RaidDisks > MdSuperblock090.MaxDisks)
        {
            return FormatError.Corrupt(Structure,
                $"raid_disks is {sb.RaidDisks}, but 0.90 holds at most {MdSuperblock090.MaxDisks} devices", superblockOffset + 40);
        }

        // The kernel refuses a member whose used size runs past the superblock ("this has wrapped around").
        if (sb.Level >= 1 && (long)sb.SizeKiB * 1024 > superblockOffset)
        {
            return FormatError.Corrupt(Structure,
                $"size {sb.SizeKiB} KiB runs past the superblock at byte {superblockOffset}", superblockOffset + 32);
        }

        return null;
    }

    private static ReadResult<MdSuperblock> Describe(MdSuperblock090 sb, LittleEndianFields f, long superblockOffset)
    {
        var computed = MdChecksum.Compute090(f.Slice(0, MdSuperblock090.Size));
        var working = sb.ThisDisk.IsWorkingIn(sb.RaidDisks);
        var state = new char[sb.RaidDisks];
        for (var slot = 0u; slot < sb.RaidDisks; slot++)
        {
            state[slot] = sb.Disks.Any(d => d.RaidDisk == slot && d.IsWorkingIn(sb.RaidDisks)) ? 'A' : '.';
        }

        var uuidBytes = new byte[16];
        f.Slice(20, 4).CopyTo(uuidBytes);
        f.Slice(52, 12).CopyTo(uuidBytes.AsSpan(4));
        var bitmap = (sb.State & (1u << MdSuperblock090.BitmapPresentBit)) != 0;

        return new MdSuperblock(
            Version: "0.90",
            SuperblockOffset: superblockOffset,
            ArrayUuid: MdUuidText.FromWords(sb.SetUuid0, sb.SetUuid1, sb.SetUuid2, sb.SetUuid3),
            Name: null,
            Level: sb.Level,
            LevelName: MdLevel.Name(sb.Level),
            RaidDevices: (int)sb.RaidDisks,
            Role: working ? (int)sb.ThisDisk.RaidDisk : null,
            RoleDescription: working ? $"Active device {sb.ThisDisk.RaidDisk}" : "spare",
            Events: sb.Events,
            ArrayState: new string(state),
            Clean: (sb.State & (1u << MdSuperblock090.CleanBit)) != 0,
            DataOffsetSectors: 0,
            DataSizeSectors: superblockOffset / 512,
            UsedDevSizeSectors: (long)sb.SizeKiB * 2,
            BitmapPresent: bitmap,
            Checksum: sb.SbCsum,
            ComputedChecksum: computed,
            ChecksumValid: computed == sb.SbCsum,
            CreationTime: DateTimeOffset.FromUnixTimeSeconds(sb.CTime),
            UpdateTime: DateTimeOffset.FromUnixTimeSeconds(sb.UTime),
            Raw: f.Slice(0, MdSuperblock090.Size).ToArray())
        {
            ArrayUuidBytes = uuidBytes,
            BitmapOffsetSectors = bitmap ? MdSuperblock090.Size / 512 : null,
            V090 = sb,
        };
    }
}
