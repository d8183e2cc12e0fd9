namespace XsRaid.Hosts.Parsers;

/// <summary>Reads /proc/swaps: a "Filename Type Size Used Priority" header, then one row per active swap area.</summary>
public static class ProcSwapsParser
{
    public static Parsed<IReadOnlyList<SwapEntry>> Parse(string text)
    {
        var issues = new List<ParseIssue>();
        var swaps = new List<SwapEntry>();
        var sawHeader = false;
        foreach (var line in TextLines.Usable(text, issues))
        {
            var f = TextLines.Fields(line.Text);
            if (f.Length == 0)
            {
                continue;
            }

            if (!sawHeader && f[0] == "Filename")
            {
                sawHeader = true;
                continue;
            }

            var size = f.Length == 5 ? TextNumbers.Long(f[2]) : null;
            var used = f.Length == 5 ? TextNumbers.Long(f[3]) : null;
            var priority = f.Length == 5 ? TextNumbers.SignedInt(f[4]) : null;
            if (size is null || used is null || priority is null)
            {
                issues.Add(ParseIssue.At(line.Number, line.Text, "not 'filename type size used priority'"));
                continue;
            }

            swaps.Add(new SwapEntry(OctalEscapes.Decode(f[0]), f[1], size.Value, used.Value, priority.Value));
        }

        if (!sawHeader)
        {
            issues.Add(ParseIssue.At(0, "", "no 'Filename Type Size Used Priority' header"));
        }

        return new Parsed<IReadOnlyList<SwapEntry>>(swaps, issues);
    }
}
