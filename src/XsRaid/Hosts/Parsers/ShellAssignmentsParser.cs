using System.Text;

namespace XsRaid.Hosts.Parsers;

/// <summary>
/// Reads files made of shell variable assignments: /etc/os-release, /etc/xensource-inventory,
/// "mdadm --detail --export", "blkid -o export". Each line is a comment, blank, or NAME=word where word may
/// mix unquoted text, '...' and "..." parts, with the shell's backslash rules. A value the shell would
/// expand ($, `) or split (unquoted blank) is reported, not guessed at.
/// </summary>
public static class ShellAssignmentsParser
{
    public static Parsed<ShellAssignments> Parse(string text)
    {
        var issues = new List<ParseIssue>();
        var items = new List<ShellAssignment>();
        foreach (var line in TextLines.Usable(text, issues))
        {
            var t = line.Text.Trim();
            if (t.Length == 0 || t[0] == '#')
            {
                continue;
            }

            var eq = t.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || !IsName(t.AsSpan(0, eq)))
            {
                issues.Add(ParseIssue.At(line.Number, line.Text, "not a NAME=value assignment"));
                continue;
            }

            var (value, problem) = Unquote(t[(eq + 1)..]);
            if (problem is not null)
            {
                issues.Add(ParseIssue.At(line.Number, line.Text, problem));
                continue;
            }

            items.Add(new ShellAssignment(line.Number, t[..eq], value));
        }

        return new Parsed<ShellAssignments>(new ShellAssignments(items), issues);
    }

    private static bool IsName(ReadOnlySpan<char> name)
    {
        if (name.Length == 0 || char.IsAsciiDigit(name[0]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Quote removal for one shell word; returns a problem instead of a value when the shell would do more.</summary>
    private static (string Value, string? Problem) Unquote(string word)
    {
        var value = new StringBuilder(word.Length);
        var i = 0;
        while (i < word.Length)
        {
            var c = word[i];
            switch (c)
            {
                case '\'':
                    var close = word.IndexOf('\'', i + 1);
                    if (close < 0)
                    {
                        return ("", "unterminated single quote");
                    }

                    value.Append(word, i + 1, close - i - 1);
                    i = close + 1;
                    break;
                case '"':
                    i++;
                    while (true)
                    {
                        if (i >= word.Length)
                        {
                            return ("", "unterminated double quote");
                        }

                        var d = word[i];
                        if (d == '"')
                        {
                            i++;
                            break;
                        }

                        if (d is '$' or '`')
                        {
                            return ("", "value uses shell expansion ($ or `)");
                        }

                        if (d == '\\' && i + 1 < word.Length && word[i + 1] is '$' or '`' or '"' or '\\')
                        {
                            value.Append(word[i + 1]);
                            i += 2;
                        }
                        else
                        {
                            value.Append(d);
                            i++;
                        }
                    }

                    break;
                case '\\':
                    if (i + 1 >= word.Length)
                    {
                        return ("", "backslash at the end of the line");
                    }

                    value.Append(word[i + 1]);
                    i += 2;
                    break;
                case ' ' or '\t':
                    return word[i..].Trim().Length == 0 || word[i..].TrimStart().StartsWith('#')
                        ? (value.ToString(), null)
                        : ("", "unquoted blank: the shell would split this value");
                case '$' or '`':
                    return ("", "value uses shell expansion ($ or `)");
                case ';' or '&' or '|' or '<' or '>' or '(' or ')':
                    return ("", $"unquoted shell operator '{c}'");
                default:
                    value.Append(c);
                    i++;
                    break;
            }
        }

        return (value.ToString(), null);
    }
}
