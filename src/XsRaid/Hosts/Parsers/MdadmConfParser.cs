namespace XsRaid.Hosts.Parsers;

/// <summary>
/// Reads mdadm.conf (mdadm.conf(5)): '#' starts a comment, a line that starts with white space continues the
/// previous one, keywords may be abbreviated to three letters and are case-insensitive, "tag=value" words.
/// Only ARRAY, MAILADDR and PROGRAM matter here; other keywords are skipped.
/// </summary>
public static class MdadmConfParser
{
    public static Parsed<MdadmConf> Parse(string text)
    {
        var issues = new List<ParseIssue>();
        var arrays = new List<MdadmConfArray>();
        var mail = new List<string>();
        string? program = null;
        foreach (var (line, words) in Statements(text, issues))
        {
            var keyword = words[0].ToLowerInvariant();
            if (Is(keyword, "array"))
            {
                var device = words.Length > 1 && !words[1].Contains('=', StringComparison.Ordinal) ? words[1] : null;
                var tags = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var word in words.Skip(device is null ? 1 : 2))
                {
                    var eq = word.IndexOf('=', StringComparison.Ordinal);
                    if (eq > 0)
                    {
                        tags[word[..eq].ToLowerInvariant()] = word[(eq + 1)..];
                    }
                    else
                    {
                        issues.Add(ParseIssue.At(line, string.Join(' ', words), $"ARRAY word '{word}' is not tag=value"));
                    }
                }

                arrays.Add(new MdadmConfArray(line, device, tags));
            }
            else if (Is(keyword, "mailaddr"))
            {
                mail.AddRange(words.Skip(1));
            }
            else if (Is(keyword, "program"))
            {
                program = words.Length > 1 ? words[1] : program;
            }
        }

        return new Parsed<MdadmConf>(new MdadmConf(arrays, mail, program), issues);
    }

    /// <summary>mdadm accepts any prefix of at least three letters of a keyword.</summary>
    private static bool Is(string word, string keyword) =>
        word.Length >= 3 && keyword.StartsWith(word, StringComparison.Ordinal);

    /// <summary>Logical lines (continuations joined), comments removed, split into words; with the first physical line's number.</summary>
    private static IEnumerable<(int Line, string[] Words)> Statements(string text, List<ParseIssue> issues)
    {
        var current = new List<string>();
        var start = 0;
        foreach (var line in TextLines.Usable(text, issues))
        {
            var hash = line.Text.IndexOf('#', StringComparison.Ordinal);
            var content = hash < 0 ? line.Text : line.Text[..hash];
            var words = TextLines.Fields(content);
            if (words.Length == 0)
            {
                continue;
            }

            if (line.Text.Length > 0 && char.IsWhiteSpace(line.Text[0]) && current.Count > 0)
            {
                current.AddRange(words);
                continue;
            }

            if (current.Count > 0)
            {
                yield return (start, [.. current]);
            }

            current = [.. words];
            start = line.Number;
        }

        if (current.Count > 0)
        {
            yield return (start, [.. current]);
        }
    }
}
