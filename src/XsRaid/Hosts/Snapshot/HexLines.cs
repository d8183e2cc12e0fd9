namespace XsRaid.Hosts.Snapshot;

/// <summary>Decodes `od -An -v -tx1` output ("  0a ff 00 ..." lines) back to bytes.</summary>
public static class HexLines
{
    /// <summary>The bytes (at most <paramref name="maxLength"/>), or null when a token is not a two-digit hex byte.</summary>
    public static byte[]? Decode(IEnumerable<string> lines, long maxLength)
    {
        var output = new List<byte>((int)Math.Min(maxLength, 1 << 20));
        foreach (var line in lines)
        {
            foreach (var token in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (token.Length != 2 || !IsHex(token[0]) || !IsHex(token[1]))
                {
                    return null;
                }

                if (output.Count < maxLength)
                {
                    output.Add(Convert.ToByte(token, 16));
                }
            }
        }

        return [.. output];
    }

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);
}
