using XsRaid.Devices;
using XsRaid.Formats;
using XsRaid.Formats.Mbr;
using XsRaid.Formats.Partitions;

namespace XsRaid.Inspection;

/// <summary>
/// Reads one disk: boot code, partition table and what each partition holds. Only the sectors the readers need
/// are read (the ends of the disk and of each partition), never the whole disk.
/// </summary>
public static class DiskInspector
{
    public static ReadResult<DiskReport> Inspect(IBlockSource disk)
    {
        var sector = disk.LogicalSectorSize;
        if (disk.Length < 2L * sector)
        {
            return FormatError.Truncated(
                disk.Name,
                $"is {disk.Length} bytes: too small to hold a partition table (needs at least {2 * sector} bytes)");
        }

        var first = disk.Read(0, 440);
        if (!first.IsOk)
        {
            return first.Error;
        }

        var bootCode = BootCodeNames.Of(BootCodeIdentifier.Identify(first.Value));
        var table = PartitionTableReader.Read(disk);
        PartitionTableReport tableReport;
        ContentReport diskContent;
        if (table.IsOk)
        {
            tableReport = Describe(disk, table.Value);
            diskContent = ContentProber.Probe(disk);
            if (diskContent.Type == ContentType.Unknown)
            {
                // blkid -p says only PTTYPE here: the whole disk carries a table, not a filesystem.
                diskContent = diskContent with { Findings = [.. diskContent.Findings, "holds a partition table"] };
            }
        }
        else if (table.Error.Kind == FormatErrorKind.NotPresent)
        {
            tableReport = PartitionTableReport.None([]);
            diskContent = ContentProber.Probe(disk);
        }
        else
        {
            return table.Error;
        }

        return new DiskReport(disk.Name, disk.Length, sector, bootCode, tableReport, diskContent);
    }

    private static PartitionTableReport Describe(IBlockSource disk, PartitionTable table)
    {
        var sector = table.SectorSize;
        var findings = table.Findings.ToList();
        var partitions = new List<PartitionReport>();
        foreach (var p in table.Partitions)
        {
            var (start, size) = ByteRange(p.FirstLba, p.LastLba, sector);
            ContentReport content;
            if (start is null || size is null)
            {
                findings.Add($"partition {p.Number} (LBA {p.FirstLba}-{p.LastLba}) does not fit in 2^63 bytes");
                content = new ContentReport(ContentType.Unknown) { Findings = ["beyond any disk"] };
            }
            else if (p.FirstLba < 0 || p.LastLba < p.FirstLba || start + size > disk.Length)
            {
                findings.Add($"partition {p.Number} (LBA {p.FirstLba}-{p.LastLba}) lies beyond the end of the disk");
                content = new ContentReport(ContentType.Unknown) { Findings = ["beyond the end of the disk"] };
            }
            else
            {
                content = ContentProber.Probe(disk.Slice(start.Value, size.Value, PartitionName(disk.Name, p.Number)));
            }

            partitions.Add(new PartitionReport(
                p.Number,
                p.FirstLba,
                p.LastLba,
                Math.Max(0, size ?? 0),
                p.TypeGuid?.ToString("D").ToUpperInvariant(),
                p.TypeCode,
                p.TypeName,
                p.UniqueGuid?.ToString("D").ToUpperInvariant(),
                p.Name,
                p.LegacyBiosBootable,
                content));
        }

        var type = table.Type == PartitionTableType.Gpt ? "gpt" : "mbr";
        return new PartitionTableReport(type, table.DiskGuid, findings, partitions);
    }

    /// <summary>Byte offset and size of LBAs first..last in checked arithmetic; null where a number overflows.</summary>
    private static (long? Start, long? Size) ByteRange(long first, long last, int sector)
    {
        try
        {
            return (checked(first * sector), checked((last - first + 1) * sector));
        }
        catch (OverflowException)
        {
            return (null, null);
        }
    }

    /// <summary>/dev/sda + 1 = /dev/sda1; /dev/nvme0n1 + 1 = /dev/nvme0n1p1; an image file gets "#1".</summary>
    public static string PartitionName(string disk, int number)
    {
        if (!disk.StartsWith("/dev/", StringComparison.Ordinal))
        {
            return $"{disk}#{number}";
        }

        return char.IsAsciiDigit(disk[^1]) ? $"{disk}p{number}" : $"{disk}{number}";
    }
}
