using System.Text;

namespace XsRaid.Formats.Gpt;

/// <summary>
/// Parses a GPT partition entry array. An entry whose type GUID is all zero is unused. An entry whose end in bytes
/// (last LBA + 1 times the sector size) does not fit a signed 64-bit number is left out with a finding, so every
/// byte offset and size computed from an entry is exact (an LBA of 2^55 never wraps to a small offset).
/// </summary>
public static class GptPartitionEntryReader
{
    public static (IReadOnlyList<GptPartitionEntry> Entries, IReadOnlyList<string> Findings) Parse(
        ReadOnlySpan<byte> array, uint count, uint entrySize, int sectorSize = 512)
    {
        var maxLba = (ulong)(long.MaxValue / Math.Max(1, sectorSize)) - 1;
        var entries = new List<GptPartitionEntry>();
        var findings = new List<string>();
        if (entrySize < GptConstants.MinEntrySize)
        {
            findings.Add($"partition entry size {entrySize} is smaller than {GptConstants.MinEntrySize}: no entry read");
            return (entries, findings);
        }

        long perEntry = entrySize;
        var available = (int)Math.Min(count, array.Length / perEntry);
        if (available < count)
        {
            findings.Add($"the entry array holds {available} of the {count} entries the header announces");
        }

        for (var i = 0; i < available; i++)
        {
            var f = new LittleEndianFields(array.Slice((int)(i * perEntry), GptConstants.MinEntrySize));
            var type = f.GuidMixedEndian(0);
            if (type == Guid.Empty)
            {
                continue;
            }

            var number = i + 1;
            var first = f.U64(32);
            var last = f.U64(40);
            if (first > maxLba || last > maxLba)
            {
                findings.Add($"partition {number} has an LBA whose byte offset is beyond 2^63 ({first}..{last}, {sectorSize}-byte sectors): left out");
                continue;
            }

            var attributes = f.U64(48);
            entries.Add(new GptPartitionEntry(
                number, type, GptTypes.CodeOf(type), GptTypes.NameOf(type), f.GuidMixedEndian(16), (long)first, (long)last,
                attributes, (attributes & GptConstants.LegacyBiosBootableAttribute) != 0,
                DecodeName(f.Slice(GptConstants.EntryNameOffset, GptConstants.EntryNameBytes))));
        }

        return (entries, findings);
    }

    /// <summary>UTF-16LE up to the first U+0000; invalid code units become U+FFFD (never an exception).</summary>
    private static string DecodeName(ReadOnlySpan<byte> field)
    {
        var end = field.Length;
        for (var i = 0; i + 1 < field.Length; i += 2)
        {
            if (field[i] == 0 && field[i + 1] == 0)
            {
                end = i;
                break;
            }
        }

        return Encoding.Unicode.GetString(field[..end]);
    }
}
