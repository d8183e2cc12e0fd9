namespace XsRaid.Tests.Formats.Md;

/// <summary>KEY=VALUE lines, as printed by <c>mdadm --examine --export</c> and <c>blkid -o export</c>.</summary>
public static class KeyValueText
{
    public static IReadOnlyDictionary<string, string> Parse(string text)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n'))
        {
            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                values[line[..eq].Trim()] = line[(eq + 1)..].TrimEnd('\r');
            }
        }

        return values;
    }
}
