namespace XsRaid.Formats.Gpt;

/// <summary>
/// Findings about the two GPT copies: which is damaged or missing, where they disagree, and where a header's
/// areas do not fit the device or each other.
/// </summary>
internal static class GptConsistencyChecker
{
    public static void AddFindings(GptCopy primary, GptCopy backup, GptCopy inUse, long sectors, int ss, List<string> findings)
    {
        AddCopyProblems(primary, findings);
        AddCopyProblems(backup, findings);
        if (ReferenceEquals(inUse, backup))
        {
            findings.Add($"the partitions were read from the backup GPT (header at LBA {backup.Lba})");
        }

        if (primary.Header is { } p && backup.Header is { } b)
        {
            AddDisagreements(p, b, findings);
        }

        if (primary.Header is { } ph)
        {
            AddPrimaryPlacement(ph, sectors, ss, findings);
        }

        if (backup.Header is { } bh)
        {
            AddBackupPlacement(bh, sectors, ss, findings);
        }
    }

    private static void AddCopyProblems(GptCopy copy, List<string> findings)
    {
        if (copy.HeaderError is { } e)
        {
            findings.Add(copy.HeaderMissing
                ? $"no {copy.Role} GPT header at LBA {copy.Lba}: {e.Problem}"
                : $"the {copy.Role} GPT header at LBA {copy.Lba} is unusable: {e.Problem}");
        }
        else if (copy.EntriesProblem is { } problem)
        {
            findings.Add($"the {copy.Role} GPT partition entry array is unusable: {problem}");
        }
    }

    private static void AddDisagreements(GptHeader p, GptHeader b, List<string> findings)
    {
        void Differ(string what, object primaryValue, object backupValue)
        {
            if (!Equals(primaryValue, backupValue))
            {
                findings.Add($"the primary and backup GPT headers disagree on the {what} ({primaryValue} vs {backupValue})");
            }
        }

        Differ("disk GUID", GptTypes.Format(p.DiskGuid), GptTypes.Format(b.DiskGuid));
        Differ("revision", p.RevisionText, b.RevisionText);
        Differ("first usable LBA", p.FirstUsableLba, b.FirstUsableLba);
        Differ("last usable LBA", p.LastUsableLba, b.LastUsableLba);
        Differ("number of partition entries", p.PartitionEntryCount, b.PartitionEntryCount);
        Differ("partition entry size", p.PartitionEntrySize, b.PartitionEntrySize);
        Differ("partition entry array CRC32", $"0x{p.PartitionEntriesCrc32:X8}", $"0x{b.PartitionEntriesCrc32:X8}");
        if (p.AlternateLba != b.MyLba)
        {
            findings.Add($"the primary GPT header points to a backup at LBA {p.AlternateLba}, but the backup is at LBA {b.MyLba}");
        }
    }

    private static void AddPrimaryPlacement(GptHeader h, long sectors, int ss, List<string> findings)
    {
        AddUsableRange(h, "primary", sectors, findings);
        var last = h.PartitionArrayLastLba(ss);
        if (h.PartitionEntriesLba < 2 || last >= h.FirstUsableLba)
        {
            findings.Add($"the primary GPT entry array (LBA {h.PartitionEntriesLba}..{last}) overlaps the header or " +
                $"the usable area (from LBA {h.FirstUsableLba})");
        }
    }

    private static void AddBackupPlacement(GptHeader h, long sectors, int ss, List<string> findings)
    {
        AddUsableRange(h, "backup", sectors, findings);
        if (h.MyLba != sectors - 1)
        {
            findings.Add($"the backup GPT header is at LBA {h.MyLba}, not at the device's last LBA {sectors - 1}");
        }

        if (h.AlternateLba != 1)
        {
            findings.Add($"the backup GPT header points to a primary at LBA {h.AlternateLba}, not LBA 1");
        }

        var last = h.PartitionArrayLastLba(ss);
        if (h.PartitionEntriesLba <= h.LastUsableLba || last >= h.MyLba)
        {
            findings.Add($"the backup GPT entry array (LBA {h.PartitionEntriesLba}..{last}) is not between the last " +
                $"usable LBA {h.LastUsableLba} and the backup header at LBA {h.MyLba}");
        }
    }

    private static void AddUsableRange(GptHeader h, string role, long sectors, List<string> findings)
    {
        if (h.LastUsableLba >= sectors)
        {
            findings.Add($"the {role} GPT header's last usable LBA {h.LastUsableLba} is past the device's last LBA {sectors - 1}");
        }
    }
}
