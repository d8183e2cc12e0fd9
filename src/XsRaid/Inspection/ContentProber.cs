using XsRaid.Devices;
using XsRaid.Formats;
using XsRaid.Formats.Ext;
using XsRaid.Formats.Fat;
using XsRaid.Formats.Lvm;
using XsRaid.Formats.Md;
using XsRaid.Formats.Swap;

namespace XsRaid.Inspection;

/// <summary>
/// Says what a partition or whole device holds, choosing as blkid does when several signatures are present:
/// RAID-like members first (md, then LVM PV), then swap, then filesystems (ext, then FAT). An md 0.90/1.0 member keeps its data at
/// the device start, so it also shows the array's filesystem: that is reported as <see cref="ContentReport.Inner"/>.
/// </summary>
public static class ContentProber
{
    /// <summary>How much of each end is looked at to tell "empty" (all zeroes) from "unknown".</summary>
    public const int EmptyProbeBytes = 64 * 1024;

    public static ContentReport Probe(IBlockSource device)
    {
        var findings = new List<string>();
        var md = MdSuperblockReader.Find(device);
        if (md.IsOk)
        {
            var inner = md.Value.DataOffsetSectors == 0 ? ProbeFilesystems(device, findings) : null;
            return FromMd(md.Value) with { Inner = inner, Findings = findings };
        }

        Note(md.Error, findings);
        var pv = LvmLabelReader.Read(device);
        if (pv.IsOk)
        {
            return FromPv(pv.Value) with { Findings = findings };
        }

        Note(pv.Error, findings);
        var fs = ProbeFilesystems(device, findings);
        if (fs is not null)
        {
            return fs with { Findings = findings };
        }

        return new ContentReport(IsZeroed(device, findings) ? ContentType.Empty : ContentType.Unknown) { Findings = findings };
    }

    private static ContentReport? ProbeFilesystems(IBlockSource device, List<string> findings)
    {
        var swap = SwapHeaderReader.Read(device);
        if (swap.IsOk)
        {
            return FromSwap(swap.Value);
        }

        Note(swap.Error, findings);
        var ext = ExtSuperblockReader.Read(device);
        if (ext.IsOk)
        {
            return FromExt(ext.Value);
        }

        Note(ext.Error, findings);
        var fat = FatBootSectorReader.Read(device);
        if (fat.IsOk)
        {
            return FromFat(fat.Value);
        }

        Note(fat.Error, findings);
        return null;
    }

    private static void Note(FormatError error, List<string> findings)
    {
        if (error.Kind != FormatErrorKind.NotPresent)
        {
            findings.Add(error.ToString());
        }
    }

    private static bool IsZeroed(IBlockSource device, List<string> findings)
    {
        var head = (int)Math.Min(EmptyProbeBytes, device.Length);
        var tailStart = Math.Max(head, device.Length - EmptyProbeBytes);
        foreach (var (offset, count) in new[] { (0L, head), (tailStart, (int)(device.Length - tailStart)) })
        {
            if (count <= 0)
            {
                continue;
            }

            var bytes = device.Read(offset, count);
            if (!bytes.IsOk)
            {
                findings.Add(bytes.Error.ToString());
                return false;
            }

            if (bytes.Value.AsSpan().ContainsAnyExcept((byte)0))
            {
                return false;
            }
        }

        return true;
    }

    private static ContentReport FromMd(MdSuperblock sb) => new(ContentType.MdMember)
    {
        MdVersion = sb.Version,
        ArrayUuid = sb.ArrayUuid,
        Uuid = sb.ArrayUuid,
        Name = sb.Name,
        Label = sb.Name,
        Level = sb.LevelName,
        RaidDevices = sb.RaidDevices,
        Role = sb.Role,
        Events = sb.Events,
        Clean = sb.Clean,
        Bitmap = sb.BitmapPresent,
        SuperblockOffset = sb.SuperblockOffset,
    };

    private static ContentReport FromPv(LvmPhysicalVolume pv) => new(ContentType.LvmPv)
    {
        Uuid = pv.PvUuid,
        VgName = pv.VgName,
        DeviceSizeBytes = pv.DeviceSizeBytes,
    };

    private static ContentReport FromSwap(SwapHeader swap) => new(ContentType.Swap)
    {
        Label = string.IsNullOrEmpty(swap.Label) ? null : swap.Label,
        Uuid = swap.UuidText,
        BlockSize = swap.PageSize,
    };

    private static ContentReport FromFat(FatBootSector fat) => new(ContentType.Vfat)
    {
        Label = string.IsNullOrEmpty(fat.Label) ? null : fat.Label,
        Uuid = fat.UuidText,
        BlockSize = fat.BytesPerSector * fat.SectorsPerCluster,
        Features = [fat.Kind],
    };

    private static ContentReport FromExt(ExtSuperblock ext) => new(ext.Kind)
    {
        Label = string.IsNullOrEmpty(ext.Label) ? null : ext.Label,
        Uuid = ext.UuidText,
        BlockSize = ext.BlockSize,
        BlockCount = ext.BlockCount,
        FreeBlocks = ext.FreeBlocks,
        Journal = ext.HasJournal,
        Features = ext.FeatureNames,
    };
}
