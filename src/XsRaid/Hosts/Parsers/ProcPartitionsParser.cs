namespace XsRaid.Hosts.Parsers;

/// <summary>Reads /proc/partitions: a "major minor  #blocks  name" header, a blank line, then one row per block device.</summary>
public static class ProcPartitionsParser
{
    public static Parsed<IReadOnlyList<ProcPartition>> Parse(string text)
    {
        var issues = new List<ParseIssue>();
        var rows = new List<ProcPartition>();
        var sawHeader = false;
        foreach (var line in TextLines.Usable(text, issues))
        {
            var f = TextLines.Fields(line.Text);
            if (f.Length == 0)
            {
                continue;
            }

            if (f[0] == "major")
            {
                sawHeader = true;
                continue;
            }

            var major = TextNumbers.Int(f[0]);
            var minor = f.Length > 1 ? TextNumbers.Int(f[1]) : null;
            var blocks = f.Length > 2 ? TextNumbers.Long(f[2]) : null;
            if (f.Length != 4 || major is null || minor is null || blocks is null)
            {
                issues.Add(ParseIssue.At(line.Number, line.Text, "not 'major minor #blocks name'"));
                continue;
            }

            rows.Add(new ProcPartition(major.Value, minor.Value, blocks.Value, f[3]));
        }

        if (!sawHeader)
        {
            issues.Add(ParseIssue.At(0, "", "no 'major minor  #blocks  name' header"));
        }

        return new Parsed<IReadOnlyList<ProcPartition>>(rows, issues);
    }
}
