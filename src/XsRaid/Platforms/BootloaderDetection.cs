using XsRaid.Hosts.Snapshot;
using XsRaid.Platforms.Bootloaders;

namespace XsRaid.Platforms;

/// <summary>Which bootloader a snapshot shows, by the config files it has (to name it; the profile picks the instance).</summary>
public static class BootloaderDetection
{
    public static readonly string[] GrubConfigs = ["/boot/grub/grub.cfg", "/boot/grub2/grub.cfg", "/boot/efi/EFI/xenserver/grub.cfg"];

    public static BootloaderKind Detect(HostSnapshot snapshot) =>
        Extlinux.ConfigCandidates.Any(p => snapshot.File(p) is not null) ? BootloaderKind.Extlinux
        : GrubConfigs.Any(p => snapshot.File(p) is not null) ? BootloaderKind.Grub2
        : BootloaderKind.None;
}
