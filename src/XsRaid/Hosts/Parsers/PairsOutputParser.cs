using System.Globalization;
using System.Text;

namespace XsRaid.Hosts.Parsers;

/// <summary>
/// Reads the -P/--pairs output of lsblk, findmnt and blkid-like util-linux tools: per line,
/// NAME="value" separated by single spaces. Inside the quotes util-linux writes '"', '\', '`', '$' and
/// control characters as \xHH escapes; those are decoded (as UTF-8 bytes).
/// </summary>
public static class PairsOutputParser
{
    public static Parsed<IReadOnlyList<PairsRow>> Parse(string text)
    {
        var issues = new List<ParseIssue>();
        var rows = new List<PairsRow>();
        foreach (var line in TextLines.Usable(text, issues))
        {
            if (line.Text.Trim().Length == 0)
            {
                continue;
            }

            var pairs = ParseLine(line.Text, out var problem);
            if (pairs is null)
            {
                issues.Add(ParseIssue.At(line.Number, line.Text, problem!));
                continue;
            }

            rows.Add(new PairsRow(line.Number, pairs));
        }

        return new Parsed<IReadOnlyList<PairsRow>>(rows, issues);
    }

    private static List<KeyValuePair<string, string>>? ParseLine(string text, out string? problem)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        var i = 0;
        while (true)
        {
            while (i < text.Length && text[i] == ' ')
            {
                i++;
            }

            if (i >= text.Length)
            {
                problem = null;
                return pairs;
            }

            var eq = text.IndexOf("=\"", i, StringComparison.Ordinal);
            if (eq <= i || text.AsSpan(i, eq - i).ContainsAny(' ', '"'))
            {
                problem = "expected NAME=\"value\"";
                return null;
            }

            var close = text.IndexOf('"', eq + 2);
            if (close < 0)
            {
                problem = "unterminated value";
                return null;
            }

            var value = Unescape(text[(eq + 2)..close]);
            if (value is null)
            {
                problem = "bad \\x escape";
                return null;
            }

            pairs.Add(new(text[i..eq], value));
            i = close + 1;
            if (i < text.Length && text[i] != ' ')
            {
                problem = "no blank after a value";
                return null;
            }
        }
    }

    private static string? Unescape(string value)
    {
        if (!value.Contains('\\', StringComparison.Ordinal))
        {
            return value;
        }

        var result = new StringBuilder(value.Length);
        var pending = new List<byte>();
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] != '\\')
            {
                Flush();
                result.Append(value[i]);
                continue;
            }

            if (value.Length - i < 4 || value[i + 1] != 'x'
                || !byte.TryParse(value.AsSpan(i + 2, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var b))
            {
                return null;
            }

            pending.Add(b);
            i += 3;
        }

        Flush();
        return result.ToString();

        void Flush()
        {
            if (pending.Count > 0)
            {
                result.Append(Encoding.UTF8.GetString(pending.ToArray()));
                pending.Clear();
            }
        }
    }
}
