using System.Globalization;
using XsRaid.Formats;

namespace XsRaid.Hosts.Snapshot;

/// <summary>
/// Turns the probe script's output (sections "@@kind args", lines prefixed with '|', "@@end") into a
/// <see cref="HostSnapshot"/>. Pure: the same text gives the same snapshot.
/// </summary>
public static class ProbeOutputParser
{
    private const string Structure = "probe output";

    public static ReadResult<HostSnapshot> Parse(string text)
    {
        var lines = text.EndsWith('\n') ? text[..^1].Split('\n') : text.Split('\n');
        if (lines.Length == 0 || lines[0].TrimEnd('\r') != "@@xsraid-probe 1")
        {
            return FormatError.NotPresent(Structure, "does not start with '@@xsraid-probe 1': not xsraid probe output");
        }

        var builder = new SnapshotBuilder();
        var done = false;
        var i = 1;
        while (i < lines.Length)
        {
            var header = lines[i++].TrimEnd('\r');
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
                return FormatError.Corrupt(Structure, $"line {i}: expected a section header, found '{Clip(header)}'");
            }

            var body = new List<string>();
            while (i < lines.Length && lines[i].TrimEnd('\r') != "@@end")
            {
                var line = lines[i++];
                if (!line.StartsWith('|'))
                {
                    return FormatError.Corrupt(Structure, $"line {i}: section line without '|' prefix: '{Clip(line)}'");
                }

                body.Add(line[1..]);
            }

            if (i >= lines.Length)
            {
                return FormatError.Truncated(Structure, $"section '{Clip(header)}' has no @@end: the output ended early");
            }

            i++;
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

        return builder.Build();
    }

    internal static string Clip(string s) => s.Length > 60 ? s[..60] + "..." : s;

    internal static bool TryLong(string s, out long value) =>
        long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
