using XsRaid.Formats.Mbr;

namespace XsRaid.Inspection;

/// <summary>Stable names of boot code kinds, as `inspect --json` prints them.</summary>
public static class BootCodeNames
{
    public static string Of(BootCodeKind kind) => kind switch
    {
        BootCodeKind.Zeroed => "zeroed",
        BootCodeKind.SyslinuxGptMbr => "syslinux-gptmbr",
        BootCodeKind.SyslinuxMbr => "syslinux-mbr",
        BootCodeKind.Grub2BootImg => "grub2",
        _ => "unknown",
    };
}
