using System.Text.RegularExpressions;
using XsRaid.Tests.Support;

namespace XsRaid.Tests.Hosts.Parsers;

/// <summary>
/// The /proc/mdstat captures among the fixtures, each with the mdadm --detail files taken at the same
/// moment. The snapshot names come from the capture script's own "### snapshot X taken here" lines.
/// </summary>
internal static partial class MdFixtureSet
{
    public sealed record Capture(string MdstatPath, IReadOnlyList<string> DetailPaths)
    {
        public override string ToString() => Path.GetRelativePath(Fixtures.Root, MdstatPath);
    }

    public static IReadOnlyList<string> SnapshotNames()
    {
        var commands = Fixtures.Text("md/mdstat/commands.txt");
        return SnapshotLine().Matches(commands).Select(m => m.Groups[1].Value).ToList();
    }

    /// <summary>Every mdstat capture and the detail files that belong to it.</summary>
    public static IReadOnlyList<Capture> All()
    {
        var captures = new List<Capture>();
        foreach (var snapshot in SnapshotNames())
        {
            var name = Path.GetFileNameWithoutExtension(snapshot);
            var details = Directory.GetFiles(Fixtures.PathOf("md/detail-snapshots"), name + "--md*.txt");
            captures.Add(new Capture(Fixtures.PathOf("md/mdstat/" + snapshot), details.Order(StringComparer.Ordinal).ToList()));
        }

        // Each case directory (and other-levels/) has mdstat*.txt files with the detail*.txt of the same moment.
        foreach (var caseDir in Directory.GetDirectories(Fixtures.PathOf("md")).Order(StringComparer.Ordinal))
        {
            if (caseDir.EndsWith("mdstat", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var mdstat in Directory.GetFiles(caseDir, "mdstat*.txt").Order(StringComparer.Ordinal))
            {
                var suffix = Path.GetFileNameWithoutExtension(mdstat)["mdstat".Length..];
                var details = caseDir.EndsWith("other-levels", StringComparison.Ordinal)
                    ? Directory.GetFiles(caseDir, "md*-detail.txt")
                    : [Path.Combine(caseDir, "detail" + suffix + ".txt")];
                captures.Add(new Capture(mdstat, details.Order(StringComparer.Ordinal).ToList()));
            }
        }

        // outputs/proc-mdstat.txt was taken with md30..md36 running, as were other-levels/*-detail.txt.
        captures.Add(new Capture(
            Fixtures.PathOf("outputs/proc-mdstat.txt"),
            Directory.GetFiles(Fixtures.PathOf("md/other-levels"), "md*-detail.txt").Order(StringComparer.Ordinal).ToList()));
        return captures;
    }

    [GeneratedRegex(@"^### snapshot (\S+) taken here$", RegexOptions.Multiline)]
    private static partial Regex SnapshotLine();
}
