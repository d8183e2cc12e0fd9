namespace XsRaid.Hosts.Parsers;

/// <summary>Reads /proc/mounts: six whitespace-separated fields per line, blanks inside a field written as \040.</summary>
public static class ProcMountsParser
{
    public static Parsed<IReadOnlyList<MountEntry>> Parse(string text)
    {
        var issues = new List<ParseIssue>();
        var mounts = new List<MountEntry>();
        foreach (var line in TextLines.Usable(text, issues))
        {
            var f = TextLines.Fields(line.Text);
            if (f.Length == 0)
            {
                continue;
            }

            var dump = f.Length == 6 ? TextNumbers.Int(f[4]) : null;
            var pass = f.Length == 6 ? TextNumbers.Int(f[5]) : null;
            if (dump is null || pass is null)
            {
                issues.Add(ParseIssue.At(line.Number, line.Text, "not 'device mountpoint type options dump pass'"));
                continue;
            }

            mounts.Add(new MountEntry(
                OctalEscapes.Decode(f[0]),
                OctalEscapes.Decode(f[1]),
                OctalEscapes.Decode(f[2]),
                OctalEscapes.Decode(f[3]).Split(','),
                dump.Value,
                pass.Value));
        }

        return new Parsed<IReadOnlyList<MountEntry>>(mounts, issues);
    }
}
