using System.Diagnostics;

namespace XsRaid.Benchmarks;

/// <summary>Disk images in the XenServer 6.5 pattern made by the real sgdisk and mke2fs (sparse files).</summary>
public static class SparseDiskImages
{
    public static string Create(string directory, string name, long sizeBytes, string rootSize)
    {
        var path = Path.Combine(directory, name);
        using (var fs = new FileStream(path, FileMode.Create))
        {
            fs.SetLength(sizeBytes);
        }

        Run("sgdisk", "-n", $"1:0:+{rootSize}", "-t", "1:0700", "-A", "1:set:2", "-n", $"2:0:+{rootSize}", "-t", "2:0700",
            "-n", "3:0:0", "-t", "3:8E00", path);
        Run("mke2fs", "-q", "-F", "-t", "ext3", "-L", "root-benchmrk", "-E", "offset=1048576", path, rootSize);
        return path;
    }

    private static void Run(string tool, params string[] args)
    {
        var psi = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"cannot start {tool} (apt-get install gdisk e2fsprogs)");
        p.WaitForExit();
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} failed: {p.StandardError.ReadToEnd()}");
        }
    }
}
