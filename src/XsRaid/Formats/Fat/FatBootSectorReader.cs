using XsRaid.Devices;

namespace XsRaid.Formats.Fat;

/// <summary>
/// Reads a FAT boot sector the way blkid's vfat probe tells FAT from other boot sectors: the 0x55 0xAA signature,
/// a jump instruction, a sane BIOS parameter block (sector size a power of two from 512 to 4096, sectors per
/// cluster a power of two, reserved sectors and FAT copies not 0, a media byte of 0xF0 or 0xF8-0xFF), then the
/// FAT32 or FAT12/16 extended fields. The label is the boot sector's (blkid prefers the root directory's volume
/// entry, which mkfs.vfat writes with the same text; the probe does not capture the root directory).
/// </summary>
public static class FatBootSectorReader
{
    private const string Structure = "FAT boot sector";
    private const int SectorBytes = 512;
    private const string NoName = "NO NAME";

    public static ReadResult<FatBootSector> Read(IBlockSource device)
    {
        if (device.Length < SectorBytes)
        {
            return FormatError.NotPresent(Structure, $"the device is {device.Length} bytes, under one sector");
        }

        var sector = device.Read(0, SectorBytes);
        return sector.IsOk ? Parse(sector.Value) : sector.Error;
    }

    /// <summary>Parses the first 512 bytes of a device.</summary>
    public static ReadResult<FatBootSector> Parse(ReadOnlySpan<byte> sector)
    {
        try
        {
            return ParseFields(new LittleEndianFields(sector));
        }
        catch (FieldOutOfRangeException e)
        {
            return FormatError.Truncated(Structure, e.Message);
        }
    }

    private static ReadResult<FatBootSector> ParseFields(LittleEndianFields f)
    {
        if (f.U8(510) != 0x55 || f.U8(511) != 0xAA)
        {
            return FormatError.NotPresent(Structure, "no 0x55 0xAA at byte 510", 510);
        }

        var jump = f.U8(0);
        if (!(jump == 0xE9 || (jump == 0xEB && f.U8(2) == 0x90)))
        {
            return FormatError.NotPresent(Structure, $"byte 0 is 0x{jump:X2}, not a jump (0xEB .. 0x90 or 0xE9)", 0);
        }

        int bytesPerSector = f.U16(11), perCluster = f.U8(13), reserved = f.U16(14), fats = f.U8(16), media = f.U8(21);
        if (bytesPerSector is not (512 or 1024 or 2048 or 4096) || perCluster == 0 || (perCluster & (perCluster - 1)) != 0
            || reserved == 0 || fats == 0 || !(media == 0xF0 || media >= 0xF8))
        {
            return FormatError.NotPresent(
                Structure,
                $"no FAT parameter block (sector size {bytesPerSector}, {perCluster} sectors per cluster, {reserved} reserved, {fats} FATs, media 0x{media:X2})",
                11);
        }

        long total = f.U16(19) != 0 ? f.U16(19) : f.U32(32); // the 16-bit count, else the 32-bit one
        if (total == 0)
        {
            return FormatError.Corrupt(Structure, "the total sector count is 0", 19);
        }

        var fat32 = f.U16(22) == 0;
        var extended = fat32 ? 64 : 36; // the drive number; the extended boot signature follows at +2
        var kind = fat32 ? "FAT32" : ClusterCount(f, total, bytesPerSector, perCluster, reserved, fats) < 4085 ? "FAT12" : "FAT16";
        uint? volumeId = null;
        var label = "";
        if (f.U8(extended + 2) == 0x29)
        {
            volumeId = f.U32(extended + 3);
            label = f.FixedString(extended + 7, 11).TrimEnd(' ');
            if (label == NoName)
            {
                label = "";
            }
        }

        return new FatBootSector(kind, bytesPerSector, perCluster, reserved, fats, total, volumeId, label);
    }

    private static long ClusterCount(LittleEndianFields f, long total, int bytesPerSector, int perCluster, int reserved, int fats)
    {
        var rootDirSectors = ((f.U16(17) * 32) + bytesPerSector - 1) / bytesPerSector;
        var data = total - reserved - ((long)fats * f.U16(22)) - rootDirSectors;
        return data <= 0 ? 0 : data / perCluster;
    }
}
