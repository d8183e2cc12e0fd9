using XsRaid.Devices;
using XsRaid.Formats.Gpt;
using XsRaid.Formats.Mbr;

namespace XsRaid.Formats.Partitions;

/// <summary>
/// Reads a disk's partition table, GPT or MBR, as the kernel and blkid would choose it: a GPT is in force when
/// sector 0 protects it (0xEE) or holds no other table; an MBR with records but no 0xEE record wins over a GPT.
/// Reads sector 0 and what <see cref="GptReader"/> reads, nothing else.
/// </summary>
public static class PartitionTableReader
{
    private const string Structure = "partition table";

    /// <summary>
    /// NotPresent when there is no 0x55AA and no GPT; Truncated when the device is too small for a table;
    /// Corrupt when a GPT is claimed by the protective MBR but neither header is usable.
    /// </summary>
    public static ReadResult<PartitionTable> Read(IBlockSource disk)
    {
        if (disk.Length < MbrConstants.SectorLength)
        {
            return FormatError.Truncated(Structure, $"the device has {disk.Length} bytes: too small for an MBR ({MbrConstants.SectorLength})", disk.Length);
        }

        var sector0 = disk.Read(0, MbrConstants.SectorLength);
        if (!sector0.IsOk)
        {
            return sector0.Error;
        }

        var parsedMbr = MasterBootRecordReader.Parse(sector0.Value);
        if (!parsedMbr.IsOk)
        {
            return parsedMbr.Error;
        }

        var mbr = parsedMbr.Value;
        var gpt = GptReader.Read(disk);
        var mbrHasOwnTable = mbr.HasBootSignature && mbr.Partitions.Count > 0 && !mbr.ClaimsGpt;
        if (gpt.IsOk)
        {
            return mbrHasOwnTable
                ? FromMbr(mbr, disk, $"a GPT (disk GUID {gpt.Value.DiskGuidText}) is also on the disk, but sector 0 has no 0xEE record: the MBR is the table in force")
                : FromGpt(mbr, gpt.Value);
        }

        var error = gpt.Error;
        if (error.Kind is FormatErrorKind.IoError or FormatErrorKind.Unsupported)
        {
            return error;
        }

        if (mbr.ClaimsGpt)
        {
            return error.Kind switch
            {
                FormatErrorKind.Truncated => FormatError.Truncated(Structure, $"sector 0 claims a GPT, but {error.Problem}"),
                FormatErrorKind.NotPresent => FormatError.Corrupt(Structure, $"sector 0 claims a GPT, but there is {error.Problem}"),
                _ => FormatError.Corrupt(Structure, $"sector 0 claims a GPT, but {error.Problem}"),
            };
        }

        if (!mbr.HasBootSignature)
        {
            return error.Kind == FormatErrorKind.Corrupt
                ? FormatError.Corrupt(Structure, $"sector 0 has no 0x55AA signature and the GPT is unusable: {error.Problem}")
                : FormatError.NotPresent(Structure, "sector 0 has no 0x55AA signature and there is no GPT");
        }

        if (mbr.Partitions.FirstOrDefault(p => !p.HasValidStatus) is { } bad)
        {
            return FormatError.NotPresent(Structure,
                $"sector 0 has 0x55AA but record {bad.Index + 1} has status 0x{bad.Status:x2}: a boot sector, not a partition table");
        }

        return error.Kind == FormatErrorKind.Corrupt
            ? FromMbr(mbr, disk, $"a damaged GPT on the disk was ignored: {error.Problem}")
            : FromMbr(mbr, disk);
    }

    private static PartitionTable FromGpt(MasterBootRecord mbr, GptPartitionTable gpt) =>
        new(PartitionTableType.Gpt, gpt.DiskGuidText, mbr, gpt.Partitions.Select(Partition.FromGpt).ToList(),
            gpt.Findings, gpt, gpt.SectorSize);

    private static PartitionTable FromMbr(MasterBootRecord mbr, IBlockSource disk, params string[] extraFindings)
    {
        var findings = new List<string>(extraFindings);
        findings.AddRange(MbrLayoutChecker.Check(mbr, disk.Length / disk.LogicalSectorSize));
        return new PartitionTable(PartitionTableType.Mbr, mbr.DiskSignatureHex, mbr,
            mbr.Partitions.Select(Partition.FromMbr).ToList(), findings, null, disk.LogicalSectorSize);
    }
}
