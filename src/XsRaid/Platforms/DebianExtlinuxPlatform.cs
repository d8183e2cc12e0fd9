namespace XsRaid.Platforms;

/// <summary>
/// Debian with extlinux and initramfs-tools (the lab host): md 1.0 so the filesystem starts at the partition start,
/// root=UUID=, mdadm.conf in /etc/mdadm, initrd by update-initramfs.
/// </summary>
public sealed class DebianExtlinuxPlatform : IPlatform
{
    public PlatformId Id => PlatformId.Debian;

    public string DisplayName => "Debian (extlinux, initramfs-tools)";

    public string DefaultMetadata => "1.0";

    public IReadOnlyList<string> AllowedMetadata { get; } = ["1.0", "0.90"];

    public bool NamesRootByUuid => true;

    public IReadOnlyList<string> InitrdCheck(string initrdPath) =>
        ["sh", "-c", "l=$(lsinitramfs \"$1\") && echo \"$l\" | grep -q 'raid1.ko' && echo \"$l\" | grep -q 'etc/mdadm/mdadm.conf'", "sh", initrdPath];

    /// <summary>No xapi on Debian: an LVM volume group named as XenServer names an SR's (VG_XenStorage-uuid).</summary>
    public StorageRepositoryCommands StorageRepository(string arrayDevice, string name, string srUuid, string? hostUuid) => new(
        [["pvcreate", "-y", arrayDevice], ["vgcreate", $"VG_XenStorage-{srUuid}", arrayDevice]],
        ["vgs", $"VG_XenStorage-{srUuid}"],
        $"LVM volume group VG_XenStorage-{srUuid}");

    public string MdadmConfPath => "/etc/mdadm/mdadm.conf";

    public string ExtlinuxDirectory => "/boot/extlinux";

    public string ExtlinuxConfigPath => "/boot/extlinux/extlinux.conf";

    public string GptMbrPath => "/usr/lib/syslinux/mbr/gptmbr.bin";

    public IReadOnlyList<string> InitrdCommand(string kernelVersion) => ["update-initramfs", "-u", "-k", kernelVersion];

    public string InitrdFile(string kernelVersion) => $"initrd.img-{kernelVersion}";

    public IReadOnlyList<string> WritersToStop { get; } = [];

    public IReadOnlyList<string> RsyncOptions { get; } = ["-aHAXx", "--numeric-ids", "--delete"];

    public IReadOnlyList<string> RequiredTools { get; } =
        ["sgdisk", "mdadm", "mkfs.ext3", "e2label", "extlinux", "update-initramfs", "rsync"];

    /// <summary>initramfs-tools honours panic=: it reboots instead of dropping to a shell.</summary>
    public string FailedBootArguments => "panic=30";
}
