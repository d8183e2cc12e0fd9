using XsRaid.Tests.Support;

namespace XsRaid.Tests.Formats.Partitions;

/// <summary>`blkid -p -o export DEVICE` as a dictionary (PTTYPE, PTUUID, ...).</summary>
internal static class BlkidProbe
{
    public static IReadOnlyDictionary<string, string> Export(string device)
    {
        var text = Tool.Run("blkid", "-p", "-o", "export", device).Stdout;
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('=', 2))
            .Where(kv => kv.Length == 2)
            .ToDictionary(kv => kv[0], kv => kv[1], StringComparer.Ordinal);
    }
}
