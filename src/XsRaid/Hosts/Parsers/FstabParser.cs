namespace XsRaid.Hosts.Parsers;

/// <summary>
/// Reads /etc/fstab (fstab(5)): comments and blank lines are kept as lines without an entry; an entry has
/// four to six whitespace-separated fields with blanks inside a field written as \040.
/// </summary>
public static class FstabParser
{
    private static readonly (string Tag, FstabSpecKind Kind)[] Tags =
    [
        ("LABEL=", FstabSpecKind.Label),
        ("UUID=", FstabSpecKind.Uuid),
        ("PARTLABEL=", FstabSpecKind.PartLabel),
        ("PARTUUID=", FstabSpecKind.PartUuid),
    ];

    public static Parsed<Fstab> Parse(string text)
    {
        var issues = new List<ParseIssue>();
        var lines = RawLine.Split(text).Select(raw => ParseLine(raw, issues)).ToList();
        return new Parsed<Fstab>(new Fstab(lines), issues);
    }

    internal static FstabLine ParseLine(RawLine raw, List<ParseIssue> issues)
    {
        if (raw.Text.Length > TextLines.MaxLineLength)
        {
            issues.Add(ParseIssue.At(raw.Number, raw.Text, $"line longer than {TextLines.MaxLineLength} characters"));
            return new FstabLine(raw, null);
        }

        var f = TextLines.Fields(raw.Text);
        if (f.Length == 0 || f[0].StartsWith('#'))
        {
            return new FstabLine(raw, null);
        }

        int? freq = f.Length > 4 ? TextNumbers.Int(f[4]) : null;
        int? pass = f.Length > 5 ? TextNumbers.Int(f[5]) : null;
        if (f.Length is < 4 or > 6 || (f.Length > 4 && freq is null) || (f.Length > 5 && pass is null))
        {
            issues.Add(ParseIssue.At(raw.Number, raw.Text, "not 'spec file vfstype options [freq [passno]]'"));
            return new FstabLine(raw, null);
        }

        var spec = OctalEscapes.Decode(f[0]);
        var (kind, value) = Classify(spec);
        var entry = new FstabEntry(
            spec,
            kind,
            value,
            OctalEscapes.Decode(f[1]),
            OctalEscapes.Decode(f[2]),
            OctalEscapes.Decode(f[3]).Split(','),
            freq,
            pass);
        return new FstabLine(raw, entry);
    }

    private static (FstabSpecKind Kind, string Value) Classify(string spec)
    {
        foreach (var (tag, kind) in Tags)
        {
            if (spec.StartsWith(tag, StringComparison.Ordinal))
            {
                var value = spec[tag.Length..];
                if (value.Length >= 2 && value[0] is '"' or '\'' && value[^1] == value[0])
                {
                    value = value[1..^1];
                }

                return (kind, value);
            }
        }

        return (spec.StartsWith('/') ? FstabSpecKind.Path : FstabSpecKind.Other, spec);
    }
}
