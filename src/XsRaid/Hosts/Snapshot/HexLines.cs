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
            if (ParseBytes(row, 0) is not { } bytes)
            {
                return null;
            }

            Append(output, bytes, maxLength);
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
                    Append(output, previous, maxLength);
                }

                position = offset;
                repeating = false;
            }
            else if (offset != position)
            {
                return null;
            }

            if (ParseBytes(row, 1) is not { } bytes)
            {
                return null;
            }

            Append(output, bytes, maxLength);
            if (bytes.Length > 0)
            {
                previous = bytes;
                position += bytes.Length;
            }
        }

        return repeating ? null : [.. output];
    }

    /// <summary>The tokens from <paramref name="from"/> on as bytes, or null when one is not a two-digit hex byte.</summary>
    private static byte[]? ParseBytes(string[] tokens, int from)
    {
        var bytes = new byte[tokens.Length - from];
        for (var i = from; i < tokens.Length; i++)
        {
            var token = tokens[i];
            if (token.Length != 2 || !IsHex(token[0]) || !IsHex(token[1]))
            {
                return null;
            }

            bytes[i - from] = Convert.ToByte(token, 16);
        }

        return bytes;
    }

    /// <summary>Appends as much of <paramref name="bytes"/> as fits under <paramref name="maxLength"/>.</summary>
    private static void Append(List<byte> output, byte[] bytes, long maxLength) =>
        output.AddRange(bytes.AsSpan(0, (int)Math.Min(bytes.Length, Math.Max(0, maxLength - output.Count))));

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);
}
