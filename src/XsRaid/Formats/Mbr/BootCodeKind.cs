namespace XsRaid.Formats.Mbr;

/// <summary>Which boot loader's first stage occupies the 440 boot-code bytes of sector 0.</summary>
public enum BootCodeKind
{
    /// <summary>All 440 bytes are zero: no boot code was ever written (a disk partitioned by sgdisk/sfdisk only).</summary>
    Zeroed,

    /// <summary>syslinux gptmbr.bin (or its _c/_f variants): boots the GPT partition with attribute bit 2.</summary>
    SyslinuxGptMbr,

    /// <summary>syslinux mbr.bin (or its _c/_f variants): boots the MBR partition marked active.</summary>
    SyslinuxMbr,

    /// <summary>GRUB 2 boot.img as grub-install/grub-bios-setup writes it.</summary>
    Grub2BootImg,

    /// <summary>Something else, or fewer than 440 bytes.</summary>
    Unknown,
}
