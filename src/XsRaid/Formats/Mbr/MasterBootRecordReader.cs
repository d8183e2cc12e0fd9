using XsRaid.Formats;

namespace XsRaid.Formats.Mbr;

/// <summary>Parses sector 0: boot code kind, disk signature, 0x55AA, the four primary partition records.</summary>
public static class MasterBootRecordReader
{
    private const string Structure = "MBR";

    /// <summary>Needs the first 512 bytes of the disk; fewer is <see cref="FormatErrorKind.Truncated"/>.</summary>
    public static ReadResult<MasterBootRecord> Parse(ReadOnlySpan<byte> sector0)
    {
        if (sector0.Length < MbrConstants.SectorLength)
        {
            return FormatError.Truncated(
                Structure, $"sector 0 has {sector0.Length} bytes, {MbrConstants.SectorLength} needed", sector0.Length);
        }

        var bytes = sector0[..MbrConstants.SectorLength];
        try
        {
            var fields = new LittleEndianFields(bytes);
            var hasSignature = fields.U16(MbrConstants.BootSignatureOffset) == MbrConstants.BootSignature;
            var records = hasSignature ? ReadRecords(fields) : [];
            var isProtective = records.Count == 1 && records[0].Type == MbrConstants.GptProtectiveType;
            return new MasterBootRecord(
                BootCodeIdentifier.Identify(fields.Slice(0, BootCodeIdentifier.BootCodeLength)),
                hasSignature,
                fields.U32(MbrConstants.DiskSignatureOffset),
                records,
                isProtective,
                bytes.ToArray());
        }
        catch (FieldOutOfRangeException e)
        {
            return FormatError.Corrupt(Structure, e.Message);
        }
    }

    private static List<MbrPartitionRecord> ReadRecords(LittleEndianFields fields)
    {
        var records = new List<MbrPartitionRecord>(MbrConstants.PartitionRecordCount);
        for (var i = 0; i < MbrConstants.PartitionRecordCount; i++)
        {
            var at = MbrConstants.PartitionTableOffset + (i * MbrConstants.PartitionRecordLength);
            var type = fields.U8(at + 4);
            if (type != 0)
            {
                records.Add(new MbrPartitionRecord(i, fields.U8(at), type, fields.U32(at + 8), fields.U32(at + 12)));
            }
        }

        return records;
    }
}
