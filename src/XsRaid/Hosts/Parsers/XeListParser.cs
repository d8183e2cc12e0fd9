namespace XsRaid.Hosts.Parsers;

/// <summary>
/// Reads the output of xe list commands (sr-list, pbd-list, host-list, with or without params=): records of
/// right-aligned "name ( RO): value" lines separated by blank lines; and the "--minimal" form, one line of
/// comma-separated values.
/// </summary>
public static class XeListParser
{
    public static Parsed<IReadOnlyList<XeRecord>> Parse(string text)
    {
        var issues = new List<ParseIssue>();
        var records = new List<XeRecord>();
        var fields = new List<XeField>();
        foreach (var line in TextLines.Usable(text, issues))
        {
            if (line.Text.Trim().Length == 0)
            {
                Close();
                continue;
            }

            var field = ReadField(line.Text);
            if (field is null)
            {
                issues.Add(ParseIssue.At(line.Number, line.Text, "not a 'name ( RO): value' line"));
            }
            else if (fields.Any(f => f.Name == field.Name))
            {
                issues.Add(ParseIssue.At(line.Number, line.Text, $"field '{field.Name}' twice in one record"));
            }
            else
            {
                fields.Add(field);
            }
        }

        Close();
        return new Parsed<IReadOnlyList<XeRecord>>(records, issues);

        void Close()
        {
            if (fields.Count > 0)
            {
                records.Add(new XeRecord(fields));
                fields = [];
            }
        }
    }

    /// <summary>The "--minimal" form: values separated by commas on one line ("" when nothing matched).</summary>
    public static IReadOnlyList<string> ParseMinimal(string text) =>
        text.Trim().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>"name (TAG)[padding]: value", TAG being " RO", " RW", "MRO", "MRW", "SRO" or "SRW".</summary>
    private static XeField? ReadField(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var close = colon < 0 ? -1 : text.AsSpan(0, colon).TrimEnd().Length - 1;
        if (close < 6 || text[close] != ')' || text[close - 4] != '(' || text[close - 5] != ' ')
        {
            return null;
        }

        var name = text[..(close - 5)].Trim();
        var tag = text.AsSpan(close - 3, 3);
        XeFieldKind? kind = tag[0] switch
        {
            ' ' => XeFieldKind.Scalar,
            'M' => XeFieldKind.Map,
            'S' => XeFieldKind.Set,
            _ => null,
        };
        if (name.Length == 0 || name.Contains(' ', StringComparison.Ordinal) || kind is null || tag[1] != 'R' || tag[2] is not ('O' or 'W'))
        {
            return null;
        }

        return new XeField(name, kind.Value, tag[2] == 'W', text[(colon + 1)..].Trim());
    }
}
