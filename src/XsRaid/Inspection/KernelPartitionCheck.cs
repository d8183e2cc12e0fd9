using XsRaid.Hosts.Snapshot;

namespace XsRaid.Inspection;

/// <summary>
/// Compares the partitions the host's kernel reports (/sys/block: number, start, size) with the partition table
/// read from the disk's bytes. A contradiction (a partition only one of them has, or at another place) means the
/// kernel has not re-read a changed table, or the snapshot was edited: it is reported as a finding of the table.
/// MBR extended partitions and logical partitions (5 and up) are left out: the kernel's records of those are not
/// table entries.
/// </summary>
public static class KernelPartitionCheck
{
    private static readonly string[] ExtendedTypes = ["05", "0f", "85"];

    public static IReadOnlyList<string> Contradictions(SnapshotDisk disk, DiskReport report)
    {
        var table = report.PartitionTable;
        var mbr = table.Type == "mbr";
        var sector = report.LogicalSectorSize;
        var findings = new List<string>();
        var kernel = disk.Partitions.Where(p => !mbr || p.Number <= 4).ToList();
        var entries = table.Partitions.Where(p => !mbr || !ExtendedTypes.Contains(p.TypeCode.ToLowerInvariant())).ToList();
        foreach (var k in kernel)
        {
            var entry = entries.FirstOrDefault(p => p.Number == k.Number);
            if (entry is null)
            {
                if (!(mbr && table.Partitions.Any(p => p.Number == k.Number)))
                {
                    findings.Add($"the kernel has {k.Name} (partition {k.Number}), which the partition table does not hold");
                }

                continue;
            }

            var start = (decimal)entry.FirstLba * sector;
            var size = (decimal)entry.SizeBytes;
            if (start != (decimal)k.StartSector * 512 || size != (decimal)k.SizeSectors * 512)
            {
                findings.Add($"the kernel's {k.Name} (start {k.StartSector}, {k.SizeSectors} sectors of 512 bytes) contradicts "
                    + $"partition {entry.Number} of the table (LBA {entry.FirstLba}-{entry.LastLba}, {sector}-byte sectors)");
            }
        }

        foreach (var entry in entries.Where(e => kernel.All(k => k.Number != e.Number)))
        {
            findings.Add($"partition {entry.Number} of the table (LBA {entry.FirstLba}-{entry.LastLba}) is not known to the kernel");
        }

        return findings;
    }

    /// <summary>The report with the contradictions added to its table's findings.</summary>
    public static DiskReport WithContradictions(SnapshotDisk disk, DiskReport report)
    {
        var found = Contradictions(disk, report);
        return found.Count == 0
            ? report
            : report with { PartitionTable = report.PartitionTable with { Findings = [.. report.PartitionTable.Findings, .. found] } };
    }
}
