namespace XsRaid.Platforms;

public enum BootloaderKind
{
    None,
    Extlinux,
    Grub2,
}
