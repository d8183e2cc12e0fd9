using XsRaid.Tests.Formats.Gpt;
using XsRaid.Tests.Support;

namespace XsRaid.Tests.Formats.Mbr;

/// <summary>
/// Installs GRUB 2's boot.img into a disk image with the real grub-bios-setup, as grub-install does (it patches
/// the core.img sector, the drive check and the BPB). grub-bios-setup insists on finding the device that holds
/// its directory in the device map, so boot.img and core.img are put on a small ext2 loop device mapped as (hd1).
/// The disk needs a BIOS boot partition (EF02) for core.img.
/// </summary>
internal static class GrubSetup
{
    public static void Install(TempDir dir, string disk)
    {
        var staging = Directory.CreateDirectory(dir.File("grub-staging")).FullName;
        var core = Path.Combine(staging, "core.img");
        Tool.Run("grub-mkimage", "-O", "i386-pc", "-o", core, "-p", "(hd0,gpt2)/boot/grub", "biosdisk", "part_gpt", "ext2");

        var fs = dir.SparseFile("grub-dir.img", 8 * GptTestImages.MiB);
        Tool.Run("mke2fs", "-q", "-F", fs);
        var mountPoint = Directory.CreateDirectory(dir.File("grub-dir")).FullName;
        using var loop = LoopDevice.Attach(fs);
        Tool.Run("mount", loop.Path, mountPoint);
        try
        {
            File.Copy(PackageFile.GrubBootImg, Path.Combine(mountPoint, "boot.img"));
            File.Copy(core, Path.Combine(mountPoint, "core.img"));
            var map = dir.File("device.map");
            File.WriteAllText(map, $"(hd0) {disk}\n(hd1) {loop.Path}\n");
            Tool.Run("grub-bios-setup", "-d", mountPoint, "-m", map, disk);
        }
        finally
        {
            Tool.Run("umount", [mountPoint], check: false);
        }
    }
}
