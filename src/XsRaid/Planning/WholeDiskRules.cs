using System.Globalization;
using XsRaid.Inspection;
using XsRaid.Platforms;
using XsRaid.Platforms.Layouts;

namespace XsRaid.Planning;

/// <summary>
/// The safety rules of a whole-disk conversion, beside the shared ones: a table the installer's RAID shape cannot be
/// made from (DOS, a vendor utility partition shifting the numbers), and a target whose array cannot hold the table.
/// </summary>
public static class WholeDiskRules
{
    /// <summary>The GPT's backup header and its entries at the end of the array.</summary>
    public const long BackupGptSectors = 33;

    public static IReadOnlyList<Refusal> Source(HostProfile profile, DiskFacts source)
    {
        var refusals = new List<Refusal>();
        if (source.Report?.PartitionTable is not { } table)
        {
            return refusals;
        }

        if (table.Type == "mbr")
        {
            refusals.Add(new Refusal(RuleIds.DosPartitionTable,
                $"{source.Disk.DevicePath} has a DOS (MBR) partition table (a host upgraded from a DOS-partitioned XenServer 6.x/7.x); the installer's RAID shape is a GPT inside md127.",
                "Convert the disk to GPT first (XCP-ng 8.3's upgrade does it with /var/preserve/safe2mbrupgrade), then plan again."));
        }

        var first = table.Partitions.FirstOrDefault(p => p.Number == 1);
        if (table.Type == "gpt" && first is not null && profile.Layout.Root.GptTypeCode is { } rootType
            && !string.Equals(first.TypeCode, rootType, StringComparison.OrdinalIgnoreCase))
        {
            refusals.Add(new Refusal(RuleIds.UtilityPartition,
                $"partition 1 of {source.Disk.DevicePath} is type {first.TypeCode}{(first.Content.Label is { } l ? $" labelled {l}" : "")}, not the root (0700): a preserved vendor utility partition (Dell's DELLUTILITY) shifts the installer's numbers by one, which xsraid does not convert.",
                "Convert this host by hand, or reinstall it with the installer's Software RAID."));
        }

        return refusals;
    }

    /// <summary>
    /// The GPT inside the array: the source's partitions at their starts, the one that reaches the source disk's end
    /// shrunk to the array's end (only if it starts empty: its content is not copied); with --create-sr and no
    /// storage partition, the layout's storage role after the last partition. Refused when it does not fit.
    /// </summary>
    public static (IReadOnlyList<InnerPartition> Table, IReadOnlyList<Refusal> Refusals) Table(
        DiskLayout layout, PlanOptions options, DiskFacts source, DiskFacts target)
    {
        var (sourceLastUsable, arrayLastUsable, alignment) = Bounds(source, target);
        var refusals = new List<Refusal>();
        var table = new List<InnerPartition>();
        foreach (var p in source.Report!.PartitionTable.Partitions.OrderBy(p => p.FirstLba))
        {
            var role = layout.RoleAt(p.Number)!;
            var reachesEnd = ReachesEnd(p, sourceLastUsable, alignment);
            var startsEmpty = role.Handling is RoleHandling.Empty or RoleHandling.Storage or RoleHandling.Swap;
            var shrinks = reachesEnd && startsEmpty;
            var needed = shrinks ? p.FirstLba + alignment : p.LastLba;
            if (needed > arrayLastUsable)
            {
                refusals.Add(new Refusal(RuleIds.TargetTooSmall,
                    $"partition {p.Number} ({role.Name}) of {source.Disk.DevicePath} ends at sector {N(p.LastLba)}; inside {layout.Array!.Device} on {target.Disk.DevicePath} the GPT ends at sector {N(arrayLastUsable)} at most (the array keeps up to 1 MiB at the end for metadata 1.0 and its bitmap){(shrinks ? "" : ", and its content is copied, so it cannot shrink")}.",
                    "Use a larger target disk."));
            }

            table.Add(new InnerPartition(p.Number, p.FirstLba, shrinks ? null : p.LastLba, p.TypeCode, p.LegacyBiosBootable, role, false));
        }

        if (options.CreateSr && !table.Any(p => p.Role.Handling == RoleHandling.Storage) && layout.FirstOf(RoleHandling.Storage) is { } storage)
        {
            var start = (((table.Max(p => p.LastLba ?? p.FirstLba) + 1) + alignment - 1) / alignment) * alignment;
            if (start + alignment > arrayLastUsable)
            {
                refusals.Add(new Refusal(RuleIds.TargetTooSmall,
                    $"--create-sr: {layout.Array!.Device} on {target.Disk.DevicePath} has no room after the last partition for the local SR (partition {N(storage.Number)}).",
                    "Use a larger target disk, or plan without --create-sr."));
            }

            table.Add(new InnerPartition(storage.Number, start, null, storage.GptTypeCode ?? "8E00", false, storage, true));
        }

        return (table, refusals);
    }

    /// <summary>
    /// The bytes partition <paramref name="p"/> of <paramref name="source"/> gets inside the array on
    /// <paramref name="target"/>: as before, or, if it reaches the source disk's end, from its start to the end of the
    /// GPT inside the array (the array's size estimated from below, as <see cref="Table"/> does).
    /// </summary>
    public static long InnerBytes(DiskFacts source, DiskFacts target, PartitionReport p)
    {
        var sector = source.Disk.LogicalSectorSize;
        var (sourceLastUsable, arrayLastUsable, alignment) = Bounds(source, target);
        return ReachesEnd(p, sourceLastUsable, alignment) ? Math.Max(0, arrayLastUsable - p.FirstLba + 1) * sector : p.SizeBytes;
    }

    /// <summary>Whether <paramref name="p"/> ends within the source disk's last MiB of usable sectors: the partition
    /// that takes the rest of the disk, so the one that gets the rest of the array.</summary>
    private static bool ReachesEnd(PartitionReport p, long sourceLastUsable, long alignment) =>
        p.LastLba > sourceLastUsable - alignment;

    /// <summary>The last usable sector of the source disk and of the GPT inside the array, and 1 MiB in sectors.</summary>
    private static (long SourceLastUsable, long ArrayLastUsable, long Alignment) Bounds(DiskFacts source, DiskFacts target)
    {
        var sector = source.Disk.LogicalSectorSize;
        return ((source.Disk.SizeBytes / sector) - 1 - BackupGptSectors,
            ((target.Disk.SizeBytes - WholeDiskArray.ReservedBytes) / sector) - 1 - BackupGptSectors,
            (1L << 20) / sector);
    }

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);
}
