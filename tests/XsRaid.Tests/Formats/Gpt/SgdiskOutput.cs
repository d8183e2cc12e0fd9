using System.Globalization;
using System.Text.RegularExpressions;
using XsRaid.Tests.Support;

namespace XsRaid.Tests.Formats.Gpt;

/// <summary>One row of `sgdisk -p`. sgdisk cuts names longer than 22 characters to 19 plus "...".</summary>
internal sealed record SgdiskRow(int Number, long Start, long End, string Code, string Name)
{
    public bool NameCut => Name.EndsWith("...", StringComparison.Ordinal);
}

/// <summary>What `sgdisk -p IMG` says about a disk, parsed from its text.</summary>
internal sealed record SgdiskPrint(
    long Sectors, int SectorSize, string DiskGuid, int EntryCount, long EntriesFirst, long EntriesLast,
    long FirstUsable, long LastUsable, IReadOnlyList<SgdiskRow> Rows)
{
    public static SgdiskPrint Of(string device) => Parse(Tool.Run("sgdisk", "-p", device).Stdout);

    public static SgdiskPrint Parse(string text)
    {
        var rows = Regex.Matches(text, @"^\s+(\d+)\s+(\d+)\s+(\d+)\s+[\d.]+ \S+\s+([0-9A-F]{4})(?:  (.*))?$", RegexOptions.Multiline)
            .Select(m => new SgdiskRow(Int(m, 1), Long(m, 2), Long(m, 3), m.Groups[4].Value, m.Groups[5].Value.TrimEnd('\r')))
            .ToList();
        var entries = Match(text, @"^Main partition table begins at sector (\d+) and ends at sector (\d+)");
        var usable = Match(text, @"^First usable sector is (\d+), last usable sector is (\d+)");
        return new SgdiskPrint(
            Long(Match(text, @"^Disk .+: (\d+) sectors,"), 1),
            Int(Match(text, @"^Sector size \(logical(?:/physical)?\): (\d+)"), 1),
            Match(text, @"^Disk identifier \(GUID\): (\S+)").Groups[1].Value,
            Int(Match(text, @"^Partition table holds up to (\d+) entries"), 1),
            Long(entries, 1), Long(entries, 2), Long(usable, 1), Long(usable, 2), rows);
    }

    internal static System.Text.RegularExpressions.Match Match(string text, string pattern)
    {
        var m = Regex.Match(text, pattern, RegexOptions.Multiline);
        m.Success.ShouldBeTrue($"sgdisk output has no line matching {pattern}:\n{text}");
        return m;
    }

    internal static long Long(System.Text.RegularExpressions.Match m, int group) =>
        long.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);

    private static int Int(System.Text.RegularExpressions.Match m, int group) =>
        int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);
}

/// <summary>What `sgdisk -i N IMG` says about one partition.</summary>
internal sealed record SgdiskPartitionInfo(
    Guid TypeGuid, string TypeName, Guid UniqueGuid, long First, long Last, ulong Attributes, string Name)
{
    public static SgdiskPartitionInfo Of(string device, int number) =>
        Parse(Tool.Run("sgdisk", "-i", number.ToString(CultureInfo.InvariantCulture), device).Stdout);

    public static SgdiskPartitionInfo Parse(string text)
    {
        var type = SgdiskPrint.Match(text, @"^Partition GUID code: (\S+) \((.*)\)$");
        return new SgdiskPartitionInfo(
            Guid.Parse(type.Groups[1].Value),
            type.Groups[2].Value,
            Guid.Parse(SgdiskPrint.Match(text, @"^Partition unique GUID: (\S+)").Groups[1].Value),
            SgdiskPrint.Long(SgdiskPrint.Match(text, @"^First sector: (\d+)"), 1),
            SgdiskPrint.Long(SgdiskPrint.Match(text, @"^Last sector: (\d+)"), 1),
            ulong.Parse(SgdiskPrint.Match(text, @"^Attribute flags: ([0-9A-Fa-f]{16})").Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture),
            SgdiskPrint.Match(text, @"^Partition name: '(.*)'$").Groups[1].Value);
    }
}

/// <summary>
/// What `sgdisk -v IMG` says. When a CRC or header is bad it prints "Main header: OK|ERROR" and three more such
/// lines (on stderr); they are null when it did not print them (everything checked out).
/// </summary>
internal sealed record SgdiskVerification(
    string Output, bool NoProblems, bool? MainHeaderOk, bool? BackupHeaderOk, bool? MainTableOk, bool? BackupTableOk)
{
    public static SgdiskVerification Of(string device)
    {
        var r = Tool.Run("sgdisk", ["-v", device], check: false);
        var all = r.Stdout + r.Stderr;
        return new SgdiskVerification(
            all,
            all.Contains("No problems found", StringComparison.Ordinal) && !all.Contains("ERROR", StringComparison.Ordinal),
            Status(all, "Main header"), Status(all, "Backup header"),
            Status(all, "Main partition table"), Status(all, "Backup partition table"));
    }

    private static bool? Status(string text, string what)
    {
        var m = Regex.Match(text, $"^{what}: (OK|ERROR)$", RegexOptions.Multiline);
        return m.Success ? m.Groups[1].Value == "OK" : null;
    }
}
