namespace XsRaid.Tests.Formats.Mbr;

/// <summary>A data file shipped by a Debian package (boot code images); missing means the test fails naming the package.</summary>
internal static class PackageFile
{
    public static string SyslinuxMbr(string name) => Require($"/usr/lib/syslinux/mbr/{name}", "syslinux-common");

    public static string GrubBootImg => Require("/usr/lib/grub/i386-pc/boot.img", "grub-pc-bin");

    public static string Require(string path, string package) =>
        File.Exists(path)
            ? path
            : throw new InvalidOperationException($"the test needs {path}, which is not installed: apt-get install {package}");
}
