namespace XsRaid.Hosts.Parsers;

/// <summary>
/// Splits an mboot.c32 command line at its " --- " separators (a "---" word), as mboot.c32 does, keeping
/// where each part starts and ends so an edit can change one part in place.
/// </summary>
internal static class MultibootParts
{
    public const string Separator = "---";

    /// <summary>Start and length of each part's text (first to last word), in order.</summary>
    public static List<(int Start, int Length)> Split(string commandLine)
    {
        var parts = new List<(int, int)>();
        int? start = null;
        var end = 0;
        foreach (var (fieldStart, fieldLength) in TextLines.FieldRanges(commandLine))
        {
            if (commandLine.AsSpan(fieldStart, fieldLength).SequenceEqual(Separator))
            {
                parts.Add(start is { } s ? (s, end - s) : (fieldStart, 0));
                start = null;
                continue;
            }

            start ??= fieldStart;
            end = fieldStart + fieldLength;
        }

        parts.Add(start is { } last ? (last, end - last) : (commandLine.Length, 0));
        return parts;
    }

    /// <summary>The file (first word) and the arguments (the rest) of one part.</summary>
    public static MultibootModule Module(string commandLine, (int Start, int Length) part)
    {
        var text = commandLine.Substring(part.Start, part.Length);
        var fields = TextLines.FieldRanges(text);
        if (fields.Count == 0)
        {
            return new MultibootModule("", "");
        }

        var path = text.Substring(fields[0].Start, fields[0].Length);
        var args = fields.Count > 1 ? text[fields[1].Start..] : "";
        return new MultibootModule(path, args);
    }

    /// <summary>Where the arguments of one part start and how long they are (after its file word).</summary>
    public static (int Start, int Length) ArgumentsRange(string commandLine, (int Start, int Length) part)
    {
        var fields = TextLines.FieldRanges(commandLine.Substring(part.Start, part.Length));
        return fields.Count > 1
            ? (part.Start + fields[1].Start, part.Length - fields[1].Start)
            : (part.Start + part.Length, 0);
    }
}
