using System.Globalization;
using XsRaid.Formats.Partitions;
using XsRaid.Tests.Formats.Gpt;
using XsRaid.Tests.Formats.Lvm;
using XsRaid.Tests.Formats.Mbr;
using XsRaid.Tests.Support;

namespace XsRaid.Tests.Inspection;

/// <summary>
/// A whole XenServer-6.5-pattern disk made by the real tools: sgdisk (p1 0700 legacy-bootable, p2 0700, p3 8E00),
/// gptmbr.bin in the MBR, `mke2fs -t ext3 -L root-abcdefgh` on p1, mkswap on p2, and pvcreate/vgcreate on p3
/// (each reached by offset: this machine's kernel has no partition parser).
/// </summary>
public sealed class HostDiskImage : IDisposable
{
    public const string RootLabel = "root-abcdefgh";
    public const string SwapLabel = "swap-xs";
    public const long MiB = 1024 * 1024;

    private readonly TempDir _dir = new();

    public HostDiskImage(long sizeBytes = 256 * MiB, long rootBytes = 96 * MiB, bool withSwap = true, bool withPv = true)
    {
        Path = _dir.SparseFile("host.img", sizeBytes);
        Tool.Run("sgdisk",
            "-n", $"1:0:+{rootBytes / MiB}M", "-t", "1:0700", "-c", "1:root", "-A", "1:set:2",
            "-n", "2:0:+32M", "-t", "2:0700", "-c", "2:backup",
            "-n", "3:0:0", "-t", "3:8E00", "-c", "3:sr",
            Path);
        GptTestImages.WriteBootCode(Path, PackageFile.SyslinuxMbr("gptmbr.bin"));
        Table = GptTestImages.ReadTable(Path);
        var root = Table.Find(1)!;
        Tool.Run("mke2fs", "-q", "-F", "-t", "ext3", "-L", RootLabel,
            "-E", "offset=" + Offset(1).ToString(CultureInfo.InvariantCulture),
            Path, (root.SizeBytes(512) / 1024).ToString(CultureInfo.InvariantCulture) + "k");
        if (withSwap)
        {
            using var loop = LoopDevice.Attach(Path, offset: Offset(2), sizeLimit: Size(2));
            Tool.Run("mkswap", "-L", SwapLabel, loop.Path);
        }

        if (withPv)
        {
            VgName = "VG_XenStorage-" + Guid.NewGuid().ToString("D");
            using var lvm = new LvmOnLoop(Path, Offset(3), Size(3));
            lvm.PvCreate();
            lvm.VgCreate(VgName);
            lvm.Run("vgchange", "-an", VgName);
            lvm.KeepOnDispose();
        }
    }

    public string Path { get; }

    public PartitionTable Table { get; }

    public string? VgName { get; }

    public long Offset(int partition) => Table.Find(partition)!.OffsetBytes(512);

    public long Size(int partition) => Table.Find(partition)!.SizeBytes(512);

    /// <summary>blkid -p on partition N, reached by offset and size.</summary>
    public Dictionary<string, string> Blkid(int partition)
    {
        var result = Tool.Run("blkid", ["-p", "-o", "export", "-O", Offset(partition).ToString(CultureInfo.InvariantCulture),
            "-S", Size(partition).ToString(CultureInfo.InvariantCulture), Path], check: false);
        return result.ExitCode == 2 ? new(StringComparer.Ordinal) : BlkidExport.Parse(result.Stdout);
    }

    public void Dispose() => _dir.Dispose();
}
