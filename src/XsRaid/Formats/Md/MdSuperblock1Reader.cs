namespace XsRaid.Formats.Md;

/// <summary>Reads a 1.x superblock (mdp_superblock_1): a 256-byte header and a u16 role per device, little-endian.</summary>
internal static class MdSuperblock1Reader
{
    public const int ChecksumOffset = 216;
    private const int RolesOffset = MdSuperblock1.HeaderSize;

    /// <summary>Sizes in sectors above this would overflow a byte count in a long.</summary>
    private const ulong MaxSectors = long.MaxValue / 512;

    public static ReadResult<MdSuperblock> Parse(ReadOnlySpan<byte> bytes, string version, long superblockOffset, long? deviceLength)
    {
        var structure = $"md {version} superblock";
        if (version is not ("1.0" or "1.1" or "1.2"))
        {
            return new FormatError(structure, FormatErrorKind.Unsupported, $"'{version}' is not a 1.x version", superblockOffset);
        }

        if (bytes.Length < MdSuperblock1.HeaderSize)
        {
            return FormatError.Truncated(structure, $"needs at least {MdSuperblock1.HeaderSize} bytes, got {bytes.Length}", superblockOffset);
        }

        try
        {
            var f = new LittleEndianFields(bytes.Length > MdSuperblock1.MaxSize ? bytes[..MdSuperblock1.MaxSize] : bytes);
            var magic = f.U32(0);
            if (magic != MdSuperblock090Reader.Magic)
            {
                return FormatError.NotPresent(structure, $"magic is {magic:x8}, not {MdSuperblock090Reader.Magic:x8}", superblockOffset);
            }

            if (f.U32(4) != 1)
            {
                return new FormatError(structure, FormatErrorKind.Unsupported, $"major_version is {f.U32(4)}, not 1", superblockOffset + 4);
            }

            var maxDev = f.U32(220);
            if (maxDev > MdSuperblock1.MaxDevices)
            {
                return FormatError.Corrupt(structure,
                    $"max_dev is {maxDev}: its roles would overrun the 4 KiB superblock (at most {MdSuperblock1.MaxDevices})", superblockOffset + 220);
            }

            var length = MdSuperblock1.HeaderSize + (2 * (int)maxDev);
            if (f.Length < length)
            {
                return FormatError.Truncated(structure, $"max_dev {maxDev} needs {length} bytes, got {f.Length}", superblockOffset);
            }

            var sb = ReadFields(f, maxDev);
            return Check(sb, structure, version, superblockOffset, deviceLength)
                ?? Describe(sb, f, version, structure, superblockOffset);
        }
        catch (FieldOutOfRangeException e)
        {
            return FormatError.Truncated(structure, e.Message, superblockOffset);
        }
    }

    private static MdSuperblock1 ReadFields(LittleEndianFields f, uint maxDev)
    {
        var roles = new ushort[maxDev];
        for (var i = 0; i < roles.Length; i++)
        {
            roles[i] = f.U16(RolesOffset + (2 * i));
        }

        return new MdSuperblock1(
            FeatureMap: f.U32(8),
            SetName: f.FixedString(32, 32),
            CTimeRaw: f.U64(64),
            Level: unchecked((int)f.U32(72)),
            Layout: f.U32(76),
            Size: f.U64(80),
            ChunkSize: f.U32(88),
            RaidDisks: f.U32(92),
            BitmapOffset: unchecked((int)f.U32(96)),
            NewLevel: unchecked((int)f.U32(100)),
            ReshapePosition: f.U64(104),
            DeltaDisks: unchecked((int)f.U32(112)),
            NewLayout: f.U32(116),
            NewChunk: f.U32(120),
            NewOffset: unchecked((int)f.U32(124)),
            DataOffset: f.U64(128),
            DataSize: f.U64(136),
            SuperOffset: f.U64(144),
            RecoveryOffset: f.U64(152),
            DevNumber: f.U32(160),
            CntCorrectedRead: f.U32(164),
            DevFlags: f.U8(184),
            BblogShift: f.U8(185),
            BblogSize: f.U16(186),
            BblogOffset: unchecked((int)f.U32(188)),
            UTimeRaw: f.U64(192),
            Events: f.U64(200),
            ResyncOffset: f.U64(208),
            SbCsum: f.U32(ChecksumOffset),
            MaxDev: maxDev,
            DevRoles: roles);
    }

    private static FormatError? Check(MdSuperblock1 sb, string structure, string version, long superblockOffset, long? deviceLength)
    {
        if (sb.RaidDisks > MdSuperblock1.MaxDevices)
        {
            return FormatError.Corrupt(structure, $"raid_disks is {sb.RaidDisks} (at most {MdSuperblock1.MaxDevices})", superblockOffset + 92);
        }

        if (sb.SuperOffset > MaxSectors || (long)sb.SuperOffset * 512 != superblockOffset)
        {
            return FormatError.Corrupt(structure,
                $"super_offset is sector {sb.SuperOffset}, but it was read at byte {superblockOffset}: it belongs to another device or partition",
                superblockOffset + 144);
        }

        var named = MdSuperblockLocation.Version1FromSuperOffset(sb.SuperOffset);
        if (named != version)
        {
            return FormatError.Corrupt(structure, $"super_offset {sb.SuperOffset} makes it a {named} superblock, not {version}", superblockOffset + 144);
        }

        if (sb.DataOffset > MaxSectors || sb.DataSize > MaxSectors || sb.Size > MaxSectors
            || sb.DataOffset + sb.DataSize > MaxSectors || sb.DataOffset + sb.Size > MaxSectors)
        {
            return FormatError.Corrupt(structure,
                $"data_offset {sb.DataOffset}, data_size {sb.DataSize} and size {sb.Size} are past any device", superblockOffset + 128);
        }

        return CheckDataArea(sb, structure, version, superblockOffset, deviceLength) ?? CheckReshape(sb, structure, superblockOffset);
    }

    private static FormatError? CheckDataArea(
        MdSuperblock1 sb, string structure, string version, long superblockOffset, long? deviceLength)
    {
        var superSectors = ((ulong)sb.ByteLength + 511) / 512;
        if (version == "1.0")
        {
            // 1.0: the data comes before the superblock.
            if (sb.DataOffset + sb.DataSize > sb.SuperOffset)
            {
                return FormatError.Corrupt(structure,
                    $"data area [{sb.DataOffset}, +{sb.DataSize}) runs into the superblock at sector {sb.SuperOffset}", superblockOffset + 128);
            }
        }
        else if (sb.DataOffset < sb.SuperOffset + superSectors)
        {
            // 1.1 and 1.2: the data comes after the superblock (the kernel checks the same).
            return FormatError.Corrupt(structure,
                $"data_offset {sb.DataOffset} is inside the superblock at sector {sb.SuperOffset}", superblockOffset + 128);
        }

        if (deviceLength is { } bytes)
        {
            var sectors = (ulong)Math.Max(0, bytes) / 512;
            var end = Math.Max(sb.DataOffset + sb.DataSize, sb.DataOffset + sb.Size);
            if (end > sectors)
            {
                return FormatError.Corrupt(structure,
                    $"data area ends at sector {end}, beyond the {sectors}-sector device", superblockOffset + 128);
            }
        }

        return null;
    }

    private static FormatError? CheckReshape(MdSuperblock1 sb, string structure, long superblockOffset)
    {
        if (DeltaExtra(sb) + sb.RaidDisks > MdSuperblock1.MaxDevices)
        {
            return FormatError.Corrupt(structure, $"delta_disks {sb.DeltaDisks} is out of range", superblockOffset + 112);
        }

        return null;
    }

    /// <summary>Slots that a shrinking reshape still shows in "Array State" (mdadm: -delta_disks when negative).</summary>
    private static long DeltaExtra(MdSuperblock1 sb) =>
        (sb.FeatureMap & MdSuperblock1.FeatureReshapeActive) != 0 && sb.DeltaDisks < 0 ? -(long)sb.DeltaDisks : 0;

    private static ReadResult<MdSuperblock> Describe(
        MdSuperblock1 sb, LittleEndianFields f, string version, string structure, long superblockOffset)
    {
        if (!MdTimestamp.TryFromSeconds(MdTimestamp.Seconds1(sb.CTimeRaw), out var created))
        {
            return FormatError.Corrupt(structure, $"ctime {MdTimestamp.Seconds1(sb.CTimeRaw)} is past year 9999", superblockOffset + 64);
        }

        if (!MdTimestamp.TryFromSeconds(MdTimestamp.Seconds1(sb.UTimeRaw), out var updated))
        {
            return FormatError.Corrupt(structure, $"utime {MdTimestamp.Seconds1(sb.UTimeRaw)} is past year 9999", superblockOffset + 192);
        }

        var computed = MdChecksum.Compute1(f.Slice(0, sb.ByteLength), sb.ByteLength);
        var role = sb.ThisRole;
        var bitmap = (sb.FeatureMap & MdSuperblock1.FeatureBitmapOffset) != 0;
        return new MdSuperblock(
            Version: version,
            SuperblockOffset: superblockOffset,
            ArrayUuid: MdUuidText.FromBytes(f.Slice(16, 16)),
            Name: sb.SetName,
            Level: sb.Level,
            LevelName: MdLevel.Name(sb.Level),
            RaidDevices: (int)sb.RaidDisks,
            Role: role <= MdSuperblock1.RoleMax ? role : null,
            RoleDescription: RoleDescription(sb, role),
            Events: sb.Events,
            ArrayState: ArrayState(sb),
            Clean: sb.ResyncOffset == ulong.MaxValue,
            DataOffsetSectors: (long)sb.DataOffset,
            DataSizeSectors: (long)sb.DataSize,
            UsedDevSizeSectors: (long)sb.Size,
            BitmapPresent: bitmap,
            Checksum: sb.SbCsum,
            ComputedChecksum: computed,
            ChecksumValid: computed == sb.SbCsum,
            CreationTime: created,
            UpdateTime: updated,
            Raw: f.Slice(0, f.Length).ToArray())
        {
            ArrayUuidBytes = f.Slice(16, 16).ToArray(),
            DeviceUuid = MdUuidText.FromBytes(f.Slice(168, 16)),
            FeatureMap = sb.FeatureMap,
            BitmapOffsetSectors = bitmap ? sb.BitmapOffset : null,
            V1 = sb,
        };
    }

    /// <summary>mdadm's "Device Role" words.</summary>
    private static string RoleDescription(MdSuperblock1 sb, ushort role) => role switch
    {
        >= MdSuperblock1.RoleFaulty => "spare",
        MdSuperblock1.RoleJournal => "Journal",
        _ when (sb.FeatureMap & MdSuperblock1.FeatureReplacement) != 0 => $"Replacement device {role}",
        _ => $"Active device {role}",
    };

    /// <summary>mdadm's "Array State": per slot, 'A' when one device has it, '.' when none, 'R' when two (replacing), '?' otherwise.</summary>
    private static string ArrayState(MdSuperblock1 sb)
    {
        var slots = (int)(sb.RaidDisks + DeltaExtra(sb));
        var holders = new int[slots];
        foreach (var role in sb.DevRoles)
        {
            if (role < slots)
            {
                holders[role]++;
            }
        }

        var state = new char[slots];
        for (var d = 0; d < slots; d++)
        {
            state[d] = holders[d] switch
            {
                0 => '.',
                1 => 'A',
                2 when sb.Level > 0 => 'R',
                _ => '?',
            };
        }

        return new string(state);
    }
}
