namespace XsRaid.Hosts.Parsers;

/// <summary>
/// One line of an editable file exactly as stored: its text and its terminator ("\n", "\r\n", or "" for a
/// last line without one). Concatenating Text + Terminator of every line gives back the file byte for byte.
/// </summary>
public readonly record struct RawLine(int Number, string Text, string Terminator)
{
    public override string ToString() => Text + Terminator;

    internal static List<RawLine> Split(string text)
    {
        var lines = new List<RawLine>();
        var start = 0;
        var number = 1;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0)
            {
                lines.Add(new RawLine(number, text[start..], ""));
                break;
            }

            var crlf = end > start && text[end - 1] == '\r';
            lines.Add(new RawLine(number++, text[start..(crlf ? end - 1 : end)], crlf ? "\r\n" : "\n"));
            start = end + 1;
        }

        return lines;
    }

    internal static string Join(IEnumerable<RawLine> lines) => string.Concat(lines.Select(l => l.Text + l.Terminator));
}
