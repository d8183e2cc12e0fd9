using System.Globalization;
using System.Text;
using XsRaid.Formats;

namespace XsRaid.Hosts.Snapshot;

/// <summary>
/// Turns the probe script's output (sections "@@kind args", lines prefixed with '|', "@@end") into a
/// <see cref="HostSnapshot"/>. Pure: the same text gives the same snapshot.
/// </summary>
public static class ProbeOutputParser
{
    private const string Structure = "probe output";

    public static ReadResult<HostSnapshot> Parse(string text) => Parse(Encoding.UTF8.GetBytes(text));

    /// <summary>Parses UTF-8 output line by line, so only one section's lines are held as strings at a time.</summary>
    public static ReadResult<HostSnapshot> Parse(ReadOnlySpan<byte> utf8)
    {
        var lines = new Utf8Lines(utf8);
        if (!lines.TryNext(out var first) || first.TrimEnd('\r') != "@@xsraid-probe 1")
        {
            return FormatError.NotPresent(Structure, "does not start with '@@xsraid-probe 1': not xsraid probe output");
        }

        var builder = new SnapshotBuilder();
        var done = false;
        while (lines.TryNext(out var line))
        {
            var header = line.TrimEnd('\r');
            if (header.Length == 0)
            {
                continue;
            }

            if (header == "@@done")
            {
                done = true;
                break;
            }

            if (!header.StartsWith("@@", StringComparison.Ordinal))
            {
                return FormatError.Corrupt(Structure, $"line {lines.Number}: expected a section header, found '{Clip(header)}'");
            }

            var body = new List<string>();
            var ended = false;
            while (lines.TryNext(out var bodyLine))
            {
                if (bodyLine.TrimEnd('\r') == "@@end")
                {
                    ended = true;
                    break;
                }

                if (!bodyLine.StartsWith('|'))
                {
                    return FormatError.Corrupt(Structure, $"line {lines.Number}: section line without '|' prefix: '{Clip(bodyLine)}'");
                }

                body.Add(bodyLine[1..]);
            }

            if (!ended)
            {
                return FormatError.Truncated(Structure, $"section '{Clip(header)}' has no @@end: the output ended early");
            }

            var problem = builder.Add(header[2..].Split(' ', StringSplitOptions.RemoveEmptyEntries), body);
            if (problem is not null)
            {
                return FormatError.Corrupt(Structure, $"section '{Clip(header)}': {problem}");
            }
        }

        if (!done)
        {
            return FormatError.Truncated(Structure, "no @@done line: the probe was interrupted or its output cut off");
        }

        return builder.Build(Structure);
    }

    /// <summary>The lines of UTF-8 text split at '\n' (which never occurs inside a multi-byte sequence); a final '\n' ends the last line.</summary>
    private ref struct Utf8Lines(ReadOnlySpan<byte> text)
    {
        private ReadOnlySpan<byte> _rest = text;
        private bool _finished = text.IsEmpty;

        public int Number { get; private set; }

        public bool TryNext(out string line)
        {
            if (_finished)
            {
                line = "";
                return false;
            }

            var newline = _rest.IndexOf((byte)'\n');
            var bytes = newline < 0 ? _rest : _rest[..newline];
            line = Encoding.UTF8.GetString(bytes);
            _rest = newline < 0 ? [] : _rest[(newline + 1)..];
            _finished = newline < 0 || _rest.IsEmpty;
            Number++;
            return true;
        }
    }

    internal static string Clip(string s) => s.Length > 60 ? s[..60] + "..." : s;

    internal static bool TryLong(string s, out long value) =>
        long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
