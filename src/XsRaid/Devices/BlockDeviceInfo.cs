namespace XsRaid.Devices;

/// <summary>Size and sector size of a Linux block device, from /sys/class/block (null when /sys does not know it).</summary>
public sealed record BlockDeviceInfo(long SizeBytes, int LogicalSectorSize)
{
    public static BlockDeviceInfo? Probe(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        string resolved;
        try
        {
            var info = new FileInfo(path);
            resolved = info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? info.FullName;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }

        var name = System.IO.Path.GetFileName(resolved);
        var sys = $"/sys/class/block/{name}";
        if (!long.TryParse(ReadSys($"{sys}/size"), out var sectors))
        {
            return null;
        }

        var logical = 512;
        var parentQueue = Directory.Exists($"{sys}/queue") ? $"{sys}/queue" : $"{sys}/../queue";
        if (int.TryParse(ReadSys($"{parentQueue}/logical_block_size"), out var l) && l > 0)
        {
            logical = l;
        }

        // /sys/class/block/X/size is always in 512-byte units, whatever the logical sector size.
        return new BlockDeviceInfo(sectors * 512, logical);
    }

    private static string ReadSys(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllText(path).Trim() : "";
        }
        catch (IOException)
        {
            return "";
        }
        catch (UnauthorizedAccessException)
        {
            return "";
        }
    }
}
