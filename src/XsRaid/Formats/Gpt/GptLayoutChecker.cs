namespace XsRaid.Formats.Gpt;

/// <summary>
/// Findings about the partitions of a GPT: reversed ranges, ranges outside the usable area or the device,
/// overlaps. Runs in O(n log n) and reports at most <see cref="MaxFindings"/> problems, whatever the entry count.
/// </summary>
internal static class GptLayoutChecker
{
    public const int MaxFindings = 64;

    public static IReadOnlyList<string> Check(IReadOnlyList<GptPartitionEntry> entries, GptHeader header, long deviceSectors)
    {
        var findings = new List<string>();
        var total = 0;
        void Add(string finding)
        {
            if (total++ < MaxFindings)
            {
                findings.Add(finding);
            }
        }

        foreach (var e in entries)
        {
            if (e.FirstLba > e.LastLba)
            {
                Add($"GPT partition {e.Number} ends (LBA {e.LastLba}) before it starts (LBA {e.FirstLba})");
            }
            else if (e.FirstLba < header.FirstUsableLba || e.LastLba > header.LastUsableLba)
            {
                Add($"GPT partition {e.Number} (LBA {e.FirstLba}..{e.LastLba}) is outside the usable area " +
                    $"{header.FirstUsableLba}..{header.LastUsableLba}");
            }

            if (e.LastLba >= deviceSectors)
            {
                Add($"GPT partition {e.Number} (LBA {e.FirstLba}..{e.LastLba}) ends past the device's last LBA {deviceSectors - 1}");
            }
        }

        GptPartitionEntry? reaching = null;
        foreach (var e in entries.Where(e => e.FirstLba <= e.LastLba).OrderBy(e => e.FirstLba))
        {
            if (reaching is not null && e.FirstLba <= reaching.LastLba)
            {
                Add($"GPT partitions {reaching.Number} and {e.Number} overlap");
            }

            if (reaching is null || e.LastLba > reaching.LastLba)
            {
                reaching = e;
            }
        }

        if (total > MaxFindings)
        {
            findings.Add($"... and {total - MaxFindings} more problems with the GPT partitions");
        }

        return findings;
    }
}
