using XsRaid.Devices;
using XsRaid.Formats.Partitions;
using XsRaid.Tests.Formats.Mbr;
using XsRaid.Tests.Support;

namespace XsRaid.Tests.Formats.Gpt;

/// <summary>Disk images partitioned by the real sgdisk (sparse files), as the tests' starting points.</summary>
internal static class GptTestImages
{
    public const long MiB = 1024 * 1024;

    /// <summary>
    /// The XenServer 6.5 layout scaled to 64 MiB: 1 = root 0700 24 MiB legacy-BIOS-bootable, 2 = backup 0700
    /// 24 MiB, 3 = SR 8E00 the rest; syslinux gptmbr.bin in the first 440 bytes (as the installer puts it).
    /// </summary>
    public static string XenServerPattern(TempDir dir, string name = "xs65.img")
    {
        var img = dir.SparseFile(name, 64 * MiB);
        Tool.Run("sgdisk",
            "-n", "1:0:+24M", "-t", "1:0700", "-c", "1:root", "-A", "1:set:2",
            "-n", "2:0:+24M", "-t", "2:0700", "-c", "2:backup",
            "-n", "3:0:0", "-t", "3:8E00", "-c", "3:Local SR Ünïcødé ✓",
            img);
        WriteBootCode(img, PackageFile.SyslinuxMbr("gptmbr.bin"));
        return img;
    }

    /// <summary>
    /// EF02, EF00, 8300, FD00, 8200 and 8E00 partitions with non-ASCII and 36-character names, numbered 1-5 and 8
    /// (slots 6 and 7 left empty).
    /// </summary>
    public static string AllTypes(TempDir dir, string name = "types.img")
    {
        var img = dir.SparseFile(name, 64 * MiB);
        Tool.Run("sgdisk",
            "-n", "1:0:+1M", "-t", "1:EF02", "-c", "1:bios-boot",
            "-n", "2:0:+8M", "-t", "2:EF00", "-c", "2:EFI System",
            "-n", "3:0:+8M", "-t", "3:8300", "-c", "3:données ß 日本語",
            "-n", "4:0:+8M", "-t", "4:FD00", "-c", "4:ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", "-A", "4:set:2",
            "-n", "5:0:+8M", "-t", "5:8200", "-c", "5:swap",
            "-n", "8:0:0", "-t", "8:8E00", "-c", "8:LVM Ωmega ✓",
            img);
        return img;
    }

    /// <summary>A 1 MiB image (2 partitions, 8-sector alignment): small enough to copy thousands of times.</summary>
    public static string Small(TempDir dir, string name = "small.img")
    {
        var img = dir.SparseFile(name, MiB);
        Tool.Run("sgdisk", "-a", "8", "-n", "1:0:+256K", "-t", "1:FD00", "-c", "1:md", "-n", "2:0:0", "-t", "2:8E00", img);
        return img;
    }

    /// <summary>Reads the partition table of an image file or device (which must have one).</summary>
    public static PartitionTable ReadTable(string path)
    {
        using var source = FileBlockSource.Open(path).GetValueOrThrow();
        return PartitionTableReader.Read(source).GetValueOrThrow();
    }

    /// <summary>Puts 440 bytes of boot code at the start of an image the way installers do: dd bs=440 count=1.</summary>
    public static void WriteBootCode(string img, string bootCode) =>
        Tool.Run("dd", $"if={bootCode}", $"of={img}", "bs=440", "count=1", "conv=notrunc", "status=none");
}
