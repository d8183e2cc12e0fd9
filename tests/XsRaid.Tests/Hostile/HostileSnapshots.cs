using System.IO.Compression;
using XsRaid.Hosts.Snapshot;
using XsRaid.Tests.Support;

namespace XsRaid.Tests.Hostile;

/// <summary>
/// Snapshot directories broken as an attacker or a clumsy admin would break them, each built from a good save of
/// the lab-debian sample: truncations, garbage, huge and sparse files, links (to /dev/zero, out of the directory),
/// FIFOs, traversal names, control characters, numbers that overflow. Every one must be refused with one line.
/// </summary>
public static class HostileSnapshots
{
    public const string Sda = "disks/sda/";

    /// <summary>512 MiB of zeroes, gzip-compressed once per test run (about 500 KiB).</summary>
    private static readonly Lazy<string> GzipBomb = new(() =>
    {
        var path = Path.Combine(Path.GetTempPath(), $"xsraid-gzip-bomb-{Environment.ProcessId}.gz");
        using (var file = File.Create(path))
        using (var gz = new GZipStream(file, CompressionLevel.Fastest))
        {
            var zeroes = new byte[1 << 20];
            for (var i = 0; i < 512; i++)
            {
                gz.Write(zeroes);
            }
        }

        return path;
    });

    /// <summary>Case name -> what to do to a saved good snapshot directory.</summary>
    public static readonly IReadOnlyDictionary<string, Action<string>> Cases = new Dictionary<string, Action<string>>(StringComparer.Ordinal)
    {
        ["empty directory"] = Clear,
        ["meta.txt only (no disks)"] = dir => Directory.Delete(Path.Combine(dir, "disks"), recursive: true),
        ["regions.txt truncated mid-line"] = dir => Truncate(Path.Combine(dir, Sda + "regions.txt"), 14),
        ["region file truncated"] = dir => Truncate(Path.Combine(dir, Sda + "bytes-0.bin"), 1000),
        ["region file is garbage, named .gz"] = dir =>
        {
            File.WriteAllBytes(Path.Combine(dir, Sda + "bytes-0.bin.gz"), Garbage(4096, 1));
            PointRegionAt(dir, "bytes-0.bin.gz");
        },
        ["gzip bomb (512 MiB of zeroes for a 1 MiB region)"] = dir =>
        {
            File.Copy(GzipBomb.Value, Path.Combine(dir, Sda + "bytes-0.bin.gz"));
            PointRegionAt(dir, "bytes-0.bin.gz");
        },
        ["sparse 8 GiB file in files/"] = dir => Sparse(Path.Combine(dir, "files/etc/huge"), 8L << 30),
        ["sparse 4 GiB region file"] = dir => Sparse(Path.Combine(dir, Sda + "bytes-0.bin"), 4L << 30),
        ["region file is a symlink to /dev/zero"] = dir => Link(Path.Combine(dir, Sda + "bytes-0.bin"), "/dev/zero"),
        ["meta.txt is a symlink to /dev/zero"] = dir => Link(Path.Combine(dir, "meta.txt"), "/dev/zero"),
        ["meta.txt is a symlink out of the directory"] = dir => Link(Path.Combine(dir, "meta.txt"), "/etc/hostname"),
        ["disks/sdb is a symlink to a directory"] = dir =>
        {
            Directory.Delete(Path.Combine(dir, "disks/sdb"), recursive: true);
            Directory.CreateSymbolicLink(Path.Combine(dir, "disks/sdb"), Path.Combine(dir, "disks/sda"));
        },
        ["region file is a FIFO"] = dir => Fifo(Path.Combine(dir, Sda + "bytes-0.bin")),
        ["meta.txt is a FIFO"] = dir => Fifo(Path.Combine(dir, "meta.txt")),
        ["regions.txt names ../../.. (traversal)"] = dir => PointRegionAt(dir, "../../../" + OutsideCopy(dir)),
        ["regions.txt names an absolute path"] = dir => PointRegionAt(dir, Path.Combine(Path.GetDirectoryName(dir)!, OutsideCopy(dir))),
        ["disk directory name with ESC, OSC and BEL"] = dir =>
            Directory.Move(Path.Combine(dir, "disks/sdb"), Path.Combine(dir, "disks/sd\u001b]0;owned\u0007b")),
        ["file name with a newline"] = dir => File.WriteAllText(Path.Combine(dir, "files/etc/fst\nab"), "x\n"),
        ["partition start overflows (2^55 sectors)"] = dir =>
            File.WriteAllText(Path.Combine(dir, Sda + "partitions.txt"), "sda1 1 36028797018963968 2048\n"),
        ["disk size overflows (2^55 sectors)"] = dir => Replace(Path.Combine(dir, Sda + "sys.txt"), "size=", "size=36028797018963968\nx="),
        ["sector size absurd"] = dir => Replace(Path.Combine(dir, Sda + "sys.txt"), "queue/logical_block_size=", "queue/logical_block_size=4294967808\nx="),
        ["sys.txt is garbage"] = dir => File.WriteAllBytes(Path.Combine(dir, Sda + "sys.txt"), Garbage(5000, 2)),
        ["by-id name with a NUL"] = dir => File.AppendAllText(Path.Combine(dir, "by-id.txt"), "ata-evil\0name=../../sdb\n"),
        ["nested 40 directories deep"] = dir =>
            Directory.CreateDirectory(Path.Combine(dir, "files", string.Join('/', Enumerable.Repeat("d", 40)))),
        ["every file emptied"] = dir =>
        {
            foreach (var f in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories))
            {
                File.WriteAllBytes(f, []);
            }
        },
    };

    /// <summary>Saves the lab-debian sample into a new directory <paramref name="name"/> under <paramref name="parent"/>.</summary>
    public static string Good(TempDir parent, string name)
    {
        var dir = Path.Combine(parent.Path, name);
        SnapshotStore.Save(SnapshotSources.FromSample("lab-debian").GetValueOrThrow(), dir);
        return dir;
    }

    private static void Clear(string dir)
    {
        Directory.Delete(dir, recursive: true);
        Directory.CreateDirectory(dir);
    }

    private static void Truncate(string file, int length)
    {
        var bytes = File.ReadAllBytes(file);
        File.WriteAllBytes(file, bytes[..Math.Min(length, bytes.Length)]);
    }

    private static void Sparse(string file, long length)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        using var fs = new FileStream(file, FileMode.Create, FileAccess.Write);
        fs.SetLength(length);
    }

    private static void Link(string file, string target)
    {
        File.Delete(file);
        File.CreateSymbolicLink(file, target);
    }

    private static void Fifo(string file)
    {
        File.Delete(file);
        Tool.Run("mkfifo", file);
    }

    private static byte[] Garbage(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    /// <summary>Makes regions.txt's first line (offset 0, 1 MiB) name <paramref name="file"/>.</summary>
    private static void PointRegionAt(string dir, string file)
    {
        var path = Path.Combine(dir, Sda + "regions.txt");
        var lines = File.ReadAllLines(path);
        lines[0] = $"0 1048576 {file}";
        File.WriteAllLines(path, lines);
    }

    /// <summary>A copy of the first region next to the snapshot directory, so a traversal would load good bytes.</summary>
    private static string OutsideCopy(string dir)
    {
        var name = "outside-" + Path.GetFileName(dir) + ".bin";
        File.Copy(Path.Combine(dir, Sda + "bytes-0.bin"), Path.Combine(Path.GetDirectoryName(dir)!, name), overwrite: true);
        return name;
    }

    private static void Replace(string file, string prefix, string replacement) =>
        File.WriteAllLines(file, File.ReadAllLines(file).Select(l => l.StartsWith(prefix, StringComparison.Ordinal) ? replacement + l[prefix.Length..] : l));
}
