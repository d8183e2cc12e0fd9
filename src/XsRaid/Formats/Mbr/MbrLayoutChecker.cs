namespace XsRaid.Formats.Mbr;

/// <summary>
/// Problems of an MBR partition table on a device of a given size: each is a finding (a sentence), never an error,
/// so a damaged table can still be shown to the user.
/// </summary>
public static class MbrLayoutChecker
{
    public static IReadOnlyList<string> Check(MasterBootRecord mbr, long deviceSectors)
    {
        var findings = new List<string>();
        foreach (var p in mbr.Partitions)
        {
            var n = p.Index + 1;
            if (p.SectorCount == 0)
            {
                findings.Add($"MBR partition {n} (type {p.TypeCode}) has no sectors");
                continue;
            }

            if (p.FirstLba == 0)
            {
                findings.Add($"MBR partition {n} starts at LBA 0, over the MBR itself");
            }

            if (p.LastLba >= deviceSectors)
            {
                findings.Add(
                    $"MBR partition {n} (LBA {p.FirstLba}..{p.LastLba}) ends past the device's last LBA {deviceSectors - 1}");
            }

            if (p.IsExtended)
            {
                findings.Add(
                    $"MBR partition {n} is an extended partition (type {p.TypeCode}): the logical partitions inside it are not read");
            }
        }

        AddOverlaps(mbr.Partitions, findings);
        if (mbr.Partitions.Count(p => p.IsActive) > 1)
        {
            findings.Add("more than one MBR partition is marked active (0x80)");
        }

        return findings;
    }

    private static void AddOverlaps(IReadOnlyList<MbrPartitionRecord> records, List<string> findings)
    {
        var used = records.Where(p => p.SectorCount > 0).ToList();
        for (var i = 0; i < used.Count; i++)
        {
            for (var j = i + 1; j < used.Count; j++)
            {
                if (used[i].FirstLba <= used[j].LastLba && used[j].FirstLba <= used[i].LastLba)
                {
                    findings.Add($"MBR partitions {used[i].Index + 1} and {used[j].Index + 1} overlap");
                }
            }
        }
    }
}
