using System.Text;

namespace XsRaid.Hosts.Parsers;

/// <summary>
/// Splits a line into words with the shell's quoting rules ('...' literal, "..." with \" \\ \$ \` escapes,
/// backslash outside quotes), which GRUB's script syntax shares. Nothing is expanded: "$x" stays "$x".
/// Returns null for an unterminated quote.
/// </summary>
internal static class ShellWords
{
    public static List<string>? Split(string line)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c is ' ' or '\t')
            {
                if (inWord)
                {
                    words.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                }

                continue;
            }

            inWord = true;
            if (c == '\'')
            {
                var close = line.IndexOf('\'', i + 1);
                if (close < 0)
                {
                    return null;
                }

                word.Append(line, i + 1, close - i - 1);
                i = close;
            }
            else if (c == '"')
            {
                for (i++; ; i++)
                {
                    if (i >= line.Length)
                    {
                        return null;
                    }

                    if (line[i] == '"')
                    {
                        break;
                    }

                    if (line[i] == '\\' && i + 1 < line.Length && line[i + 1] is '"' or '\\' or '$' or '`')
                    {
                        i++;
                    }

                    word.Append(line[i]);
                }
            }
            else if (c == '\\' && i + 1 < line.Length)
            {
                word.Append(line[++i]);
            }
            else
            {
                word.Append(c);
            }
        }

        if (inWord)
        {
            words.Add(word.ToString());
        }

        return words;
    }
}
