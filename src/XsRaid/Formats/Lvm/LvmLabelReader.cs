using System.Text;
using XsRaid.Devices;

namespace XsRaid.Formats.Lvm;

/// <summary>
/// Reads an LVM2 PV label the way LVM's label scan does: "LABELONE" in one of the first four 512-byte sectors,
/// whose sector field names that sector and whose CRC matches; then the pv_header and the first metadata area.
/// Everything read lies in the first <see cref="WindowBytes"/> bytes of the device: a metadata area or text
/// beyond that (pvcreate --pvmetadatacopies 2 puts the second area at the end) is not read.
/// </summary>
public static class LvmLabelReader
{
    public const int SectorSize = 512;
    public const int ScanSectors = 4;
    public const int WindowBytes = 1024 * 1024;
    public const string LabelId = "LABELONE";
    public const string Lvm2Type = "LVM2 001";

    private const string Structure = "LVM label";
    private const int SectorAt = 8;
    private const int CrcAt = 16;
    private const int ContentOffsetAt = 20;
    private const int TypeAt = 24;
    private const int LabelHeaderSize = 32;
    private const int DiskLocationSize = 16;

    public static ReadResult<LvmPhysicalVolume> Read(IBlockSource device)
    {
        var head = device.ReadUpTo(0, ScanSectors * SectorSize);
        if (!head.IsOk)
        {
            return head.Error;
        }

        var label = Parse(head.Value);
        if (!label.IsOk || label.Value.MetadataAreas.Count == 0)
        {
            return label;
        }

        var area = LvmMetadataAreaReader.Read(device, label.Value.MetadataAreas[0]);
        return area.IsOk
            ? label.Value with { Metadata = area.Value, VgName = area.Value.VgName }
            : label.Value with { MetadataError = area.Error };
    }

    /// <summary>
    /// Finds and parses the label in the first sectors of a device (up to four 512-byte sectors); the result
    /// has no <see cref="LvmPhysicalVolume.Metadata"/> yet.
    /// </summary>
    public static ReadResult<LvmPhysicalVolume> Parse(ReadOnlySpan<byte> firstSectors)
    {
        FormatError? firstProblem = null;
        for (var sector = 0; sector < ScanSectors && (sector + 1) * SectorSize <= firstSectors.Length; sector++)
        {
            var bytes = firstSectors.Slice(sector * SectorSize, SectorSize);
            if (!bytes.StartsWith("LABELONE"u8))
            {
                continue;
            }

            ReadResult<LvmPhysicalVolume> parsed;
            try
            {
                parsed = ParseSector(bytes, sector);
            }
            catch (FieldOutOfRangeException e)
            {
                parsed = FormatError.Corrupt(Structure, e.Message, (long)sector * SectorSize);
            }

            if (parsed.IsOk)
            {
                return parsed;
            }

            firstProblem ??= parsed.Error;
        }

        var whole = Math.Min(ScanSectors, firstSectors.Length / SectorSize) * SectorSize;
        if (firstProblem is null && whole < ScanSectors * SectorSize && firstSectors[whole..].StartsWith("LABELONE"u8))
        {
            return FormatError.Truncated(Structure, $"{LabelId} in sector {whole / SectorSize}, but the device ends inside it", whole);
        }

        return firstProblem ?? FormatError.NotPresent(Structure, $"no {LabelId} in the first {ScanSectors} sectors");
    }

    private static ReadResult<LvmPhysicalVolume> ParseSector(ReadOnlySpan<byte> bytes, int sector)
    {
        var f = new LittleEndianFields(bytes);
        long at = sector * SectorSize;
        var claimedSector = f.U64(SectorAt);
        if (claimedSector != (ulong)sector)
        {
            return FormatError.Corrupt(Structure, $"the label in sector {sector} says it is in sector {claimedSector}", at + SectorAt);
        }

        var crc = f.U32(CrcAt);
        var computed = LvmCrc.Compute(f.Slice(ContentOffsetAt, SectorSize - ContentOffsetAt));
        if (crc != computed)
        {
            return FormatError.Corrupt(Structure, $"label checksum 0x{crc:x8} but the bytes give 0x{computed:x8}", at + CrcAt);
        }

        var type = f.FixedString(TypeAt, 8);
        if (type != Lvm2Type)
        {
            return new FormatError(Structure, FormatErrorKind.Unsupported, $"label type \"{type}\", not \"{Lvm2Type}\"", at + TypeAt);
        }

        var contentOffset = f.U32(ContentOffsetAt);
        if (contentOffset < LabelHeaderSize || contentOffset > SectorSize - (LvmUuid.Length + 8))
        {
            return FormatError.Corrupt(Structure, $"pv_header offset {contentOffset} is outside the sector", at + ContentOffsetAt);
        }

        var pvHeader = (int)contentOffset;
        var rawUuid = Encoding.ASCII.GetString(f.Slice(pvHeader, LvmUuid.Length));
        if (!LvmUuid.IsValid(rawUuid))
        {
            return FormatError.Corrupt(Structure, "the PV UUID has characters LVM never writes", at + pvHeader);
        }

        var deviceSize = f.U64(pvHeader + LvmUuid.Length);
        var next = pvHeader + LvmUuid.Length + 8;
        var dataAreas = ReadLocations(f, ref next);
        var metadataAreas = dataAreas is null ? null : ReadLocations(f, ref next);
        if (dataAreas is null || metadataAreas is null)
        {
            return FormatError.Corrupt(Structure, "a disk location list runs past the label sector", at + next);
        }

        uint? extensionVersion = f.Has(next, 8) ? f.U32(next) : null;
        uint? extensionFlags = f.Has(next, 8) ? f.U32(next + 4) : null;

        return new LvmPhysicalVolume(
            LabelSector: sector,
            PvUuid: LvmUuid.Format(rawUuid),
            DeviceSizeBytes: deviceSize,
            VgName: null,
            LabelType: type,
            LabelCrc: crc,
            DataAreas: dataAreas,
            MetadataAreas: metadataAreas,
            ExtensionVersion: extensionVersion,
            ExtensionFlags: extensionFlags,
            Metadata: null,
            MetadataError: null,
            Raw: bytes.ToArray());
    }

    /// <summary>A disk_locn list ended by an entry whose offset is 0; null if it runs past the sector.</summary>
    private static List<LvmDiskLocation>? ReadLocations(LittleEndianFields f, ref int next)
    {
        var list = new List<LvmDiskLocation>();
        while (f.Has(next, DiskLocationSize))
        {
            var offset = f.U64(next);
            var size = f.U64(next + 8);
            next += DiskLocationSize;
            if (offset == 0)
            {
                return list;
            }

            list.Add(new LvmDiskLocation(offset, size));
        }

        return null;
    }
}
