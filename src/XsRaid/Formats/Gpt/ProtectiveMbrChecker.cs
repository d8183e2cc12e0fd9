using XsRaid.Formats.Mbr;

namespace XsRaid.Formats.Gpt;

/// <summary>Findings about sector 0 in front of a GPT: missing, hybrid, or a 0xEE record that does not fit.</summary>
internal static class ProtectiveMbrChecker
{
    public static IEnumerable<string> Check(ReadResult<MasterBootRecord> parsed, long sectors)
    {
        if (!parsed.IsOk)
        {
            yield return $"sector 0 could not be read as an MBR: {parsed.Error.Problem}";
            yield break;
        }

        var mbr = parsed.Value;
        if (!mbr.HasBootSignature)
        {
            yield return "no protective MBR: sector 0 has no 0x55AA signature";
            yield break;
        }

        if (!mbr.ClaimsGpt)
        {
            yield return "no protective MBR: sector 0 has no 0xEE record";
            yield break;
        }

        if (mbr.IsHybrid)
        {
            yield return $"hybrid MBR: sector 0 has a 0xEE record and {mbr.Partitions.Count - 1} other records";
        }

        foreach (var record in mbr.Partitions.Where(p => p.Type == MbrConstants.GptProtectiveType))
        {
            if (record.FirstLba != 1)
            {
                yield return $"the protective 0xEE record starts at LBA {record.FirstLba}, not LBA 1";
            }

            if (record.LastLba >= sectors)
            {
                yield return $"the protective 0xEE record (LBA {record.FirstLba}..{record.LastLba}) ends past the " +
                    $"device's last LBA {sectors - 1}";
            }
        }
    }
}
