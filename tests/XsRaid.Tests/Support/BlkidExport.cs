using XsRaid.Tests.Support;

namespace XsRaid.Tests.Support;

/// <summary>
/// The text of <c>blkid -p -o export</c>: KEY=value lines, in which blkid puts a backslash before a character
/// that is not safe in a shell word (<c>VERSION=LVM2\ 001</c>). Shared by the ext, swap and LVM tests.
/// </summary>
public static class BlkidExport
{
    public static Dictionary<string, string> Parse(string text)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new FormatException($"not a blkid export line: '{line}'");
            }

            values[line[..eq]] = Unescape(line[(eq + 1)..]);
        }

        return values;
    }

    /// <summary>Runs <c>blkid -p -o export PATH</c>; an empty result when blkid finds nothing (its exit 2).</summary>
    public static Dictionary<string, string> Probe(string path)
    {
        var result = Tool.Run("blkid", ["-p", "-o", "export", path], check: false);
        if (result.ExitCode == 2)
        {
            return new Dictionary<string, string>(StringComparer.Ordinal);
        }

        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"blkid -p {path} exited {result.ExitCode}: {result.Stderr}");
        }

        return Parse(result.Stdout);
    }

    private static string Unescape(string value)
    {
        var chars = new System.Text.StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\' && i + 1 < value.Length)
            {
                i++;
            }

            chars.Append(value[i]);
        }

        return chars.ToString();
    }
}
