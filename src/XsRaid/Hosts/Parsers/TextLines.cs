namespace XsRaid.Hosts.Parsers;

/// <summary>Splits text into numbered lines (LF or CRLF); a final terminator does not start an extra line.</summary>
internal static class TextLines
{
    /// <summary>Longer lines are reported, not parsed: no file these parsers read has lines near this size.</summary>
    public const int MaxLineLength = 16 * 1024;

    public static List<SourceLine> Split(string text)
    {
        var lines = new List<SourceLine>();
        var start = 0;
        var number = 1;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            var stop = end < 0 ? text.Length : end;
            var length = stop - start;
            if (length > 0 && text[stop - 1] == '\r')
            {
                length--;
            }

            lines.Add(new SourceLine(number++, text.Substring(start, length)));
            if (end < 0)
            {
                break;
            }

            start = end + 1;
        }

        return lines;
    }

    /// <summary>The lines of <paramref name="text"/> a parser can read; each over-long line is reported in <paramref name="issues"/> and left out.</summary>
    public static IEnumerable<SourceLine> Usable(string text, List<ParseIssue> issues)
    {
        foreach (var line in Split(text))
        {
            if (IsTooLong(line))
            {
                issues.Add(TooLong(line));
                continue;
            }

            yield return line;
        }
    }

    public static bool IsTooLong(SourceLine line) => line.Text.Length > MaxLineLength;

    public static ParseIssue TooLong(SourceLine line) =>
        ParseIssue.At(line.Number, line.Text, $"line longer than {MaxLineLength} characters");

    /// <summary>Whitespace-separated fields (spaces and tabs), like awk's default splitting.</summary>
    public static string[] Fields(string text) =>
        text.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Start and length of each whitespace-separated field, for edits that keep the blanks between them.</summary>
    public static List<(int Start, int Length)> FieldRanges(string text)
    {
        var ranges = new List<(int, int)>();
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && text[i] is ' ' or '\t')
            {
                i++;
            }

            var start = i;
            while (i < text.Length && text[i] is not (' ' or '\t'))
            {
                i++;
            }

            if (i > start)
            {
                ranges.Add((start, i - start));
            }
        }

        return ranges;
    }
}
