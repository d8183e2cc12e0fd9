using System.Text;

namespace XsRaid.Hosts.Parsers;

/// <summary>
/// The kernel's and getmntent's escaping of blanks in mount tables: "\040" (space), "\011" (tab),
/// "\012" (newline), "\134" (backslash) — a backslash and exactly three octal digits.
/// </summary>
public static class OctalEscapes
{
    public static string Decode(string text)
    {
        if (!text.Contains('\\', StringComparison.Ordinal))
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && IsOctal(text, i + 1) && IsOctal(text, i + 2) && IsOctal(text, i + 3))
            {
                var value = ((text[i + 1] - '0') * 64) + ((text[i + 2] - '0') * 8) + (text[i + 3] - '0');
                result.Append((char)value);
                i += 3;
            }
            else
            {
                result.Append(text[i]);
            }
        }

        return result.ToString();
    }

    /// <summary>Escapes what would break a whitespace-separated table: space, tab, newline, backslash.</summary>
    public static string Encode(string text)
    {
        var result = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            result.Append(c switch
            {
                ' ' => "\\040",
                '\t' => "\\011",
                '\n' => "\\012",
                '\\' => "\\134",
                _ => c.ToString(),
            });
        }

        return result.ToString();
    }

    private static bool IsOctal(string text, int at) => at < text.Length && text[at] is >= '0' and <= '7';
}
