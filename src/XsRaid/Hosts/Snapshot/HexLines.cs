using System.Globalization;

namespace XsRaid.Hosts.Snapshot;

/// <summary>
/// Decodes od's hex dumps back to bytes, in either of the two forms the probe has printed:
/// `od -Ad -tx1` (today's: "0000016 0a ff ..." lines led by the decimal offset, a "*" line for lines repeating the
/// one before up to the next offset, and a last line holding only the end offset), and `od -An -v -tx1` (older
/// snapshots: "  0a ff 00 ..." lines, every byte written out, which made a 1 MiB region a 3 MiB dump).
/// </summary>
public static class HexLines
{
    /// <summary>The bytes (at most <paramref name="maxLength"/>), or null when the dump is not one of od's.</summary>
    public static byte[]? Decode(IEnumerable<string> lines, long maxLength)
    {
        var rows = lines.Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(t => t.Length > 0).ToList();
        var addressed = rows.Count > 0 && (rows[0][0] == "*" || rows[0][0].Length != 2);
        var output = new List<byte>((int)Math.Min(maxLength, 1 << 20));
        return addressed ? DecodeAddressed(rows, maxLength, output) : DecodePlain(rows, maxLength, output);
    }

    private static byte[]? DecodePlain(List<string[]> rows, long maxLength, List<byte> output)
    {
        foreach (var row in rows)
        {
            if (!AppendBytes(row, 0, maxLength, output, out _))
            {
                return null;
            }
        }

        return [.. output];
    }

    // Each row: OFFSET [BYTE...]; "*" alone repeats the row before until the next row's offset. An offset must be
    // where the bytes so far end (or, after "*", at or past it); anything else is not od's.
    private static byte[]? DecodeAddressed(List<string[]> rows, long maxLength, List<byte> output)
    {
        byte[] previous = [];
        var repeating = false;
        long position = 0;
        foreach (var row in rows)
        {
            if (row is ["*"])
            {
                if (repeating || previous.Length == 0)
                {
                    return null;
                }

                repeating = true;
                continue;
            }

            if (!long.TryParse(row[0], NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
            {
                return null;
            }

            if (repeating)
            {
                if (offset < position || (offset - position) % previous.Length != 0)
                {
                    return null;
                }

                for (var at = position; at < offset && output.Count < maxLength; at += previous.Length)
                {
                    output.AddRange(previous.AsSpan(0, (int)Math.Min(previous.Length, maxLength - output.Count)));
                }

                position = offset;
                repeating = false;
            }
            else if (offset != position)
            {
                return null;
            }

            if (!AppendBytes(row, 1, maxLength, output, out var count))
            {
                return null;
            }

            if (count > 0)
            {
                previous = row[1..].Select(t => Convert.ToByte(t, 16)).ToArray();
                position += count;
            }
        }

        return repeating ? null : [.. output];
    }

    private static bool AppendBytes(string[] tokens, int from, long maxLength, List<byte> output, out int count)
    {
        count = 0;
        for (var i = from; i < tokens.Length; i++)
        {
            var token = tokens[i];
            if (token.Length != 2 || !IsHex(token[0]) || !IsHex(token[1]))
            {
                return false;
            }

            if (output.Count < maxLength)
            {
                output.Add(Convert.ToByte(token, 16));
            }

            count++;
        }

        return true;
    }

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);
}
