using System.Globalization;
using System.Text.RegularExpressions;

namespace XsRaid.Tests.Formats.Md;

/// <summary>The text of <c>sgdisk -p</c>: the logical sector size and the partition rows.</summary>
public sealed partial record SgdiskPrintText(int LogicalSectorSize, IReadOnlyList<SgdiskPrintText.Partition> Partitions)
{
    /// <summary>One row; <paramref name="EndSector"/> is inclusive, as sgdisk prints it.</summary>
    public sealed record Partition(int Number, long StartSector, long EndSector)
    {
        public long SectorCount => EndSector - StartSector + 1;
    }

    public static SgdiskPrintText Parse(string text)
    {
        var size = SectorSize().Match(text);
        if (!size.Success)
        {
            throw new FormatException("sgdisk -p text has no 'Sector size (logical/physical)' line");
        }

        var partitions = Row().Matches(text)
            .Select(m => new Partition(
                int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture),
                long.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture),
                long.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture)))
            .ToList();
        return new SgdiskPrintText(int.Parse(size.Groups[1].Value, CultureInfo.InvariantCulture), partitions);
    }

    public Partition Number(int n) => Partitions.Single(p => p.Number == n);

    [GeneratedRegex(@"Sector size \(logical/physical\): (\d+)/\d+ bytes")]
    private static partial Regex SectorSize();

    [GeneratedRegex(@"^\s+(\d+)\s+(\d+)\s+(\d+)\s+\S+ \S+\s+[0-9A-F]{4}", RegexOptions.Multiline)]
    private static partial Regex Row();
}
