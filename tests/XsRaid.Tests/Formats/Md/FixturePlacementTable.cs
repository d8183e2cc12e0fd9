using System.Globalization;
using System.Text.RegularExpressions;

namespace XsRaid.Tests.Formats.Md;

/// <summary>
/// The "Where things are in each image" table of Fixtures/README.md, one entry per image file:
/// superblock offset, data offset, events and bitmap superblock offset as the fixture author measured them.
/// </summary>
public static partial class FixturePlacementTable
{
    public sealed record Entry(string Case, string File, long SuperblockOffset, long DataOffsetSectors, ulong Events, long? BitmapOffset);

    public static IReadOnlyList<Entry> Read(string readme)
    {
        var entries = new List<Entry>();
        var section = readme[readme.IndexOf("### Where things are in each image", StringComparison.Ordinal)..];
        foreach (var line in section.Split('\n').TakeWhile(l => !l.StartsWith("Formulas", StringComparison.Ordinal)))
        {
            var cells = line.Split('|', StringSplitOptions.TrimEntries);
            if (cells.Length != 10 || !cells[1].StartsWith("meta", StringComparison.Ordinal))
            {
                continue;
            }

            var kind = cells[2][..cells[2].IndexOf('-', StringComparison.Ordinal)];
            var indexes = Digits().Matches(cells[2]).Select(m => m.Value).ToList();
            var events = Digits().Matches(cells[6]).Select(m => ulong.Parse(m.Value, CultureInfo.InvariantCulture)).ToList();
            for (var i = 0; i < indexes.Count; i++)
            {
                entries.Add(new Entry(
                    cells[1],
                    $"{kind}-{indexes[i]}",
                    FirstNumber(cells[4]),
                    FirstNumber(cells[5]),
                    events[i],
                    cells[7] == "-" ? null : FirstNumber(cells[7])));
            }
        }

        return entries;
    }

    private static long FirstNumber(string cell) => long.Parse(Digits().Match(cell).Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();
}
