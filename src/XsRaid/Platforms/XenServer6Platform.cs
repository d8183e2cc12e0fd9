namespace XsRaid.Platforms;

/// <summary>
/// XenServer 6.0-6.5: CentOS 5 dom0, extlinux with mboot.c32 entries, nash initrd made by mkinitrd, which only
/// autodetects 0.90 arrays on partitions of type Linux RAID; root=/dev/md0.
/// </summary>
public sealed class XenServer6Platform : IPlatform
{
    public PlatformId Id => PlatformId.XenServer6;

    public string DisplayName => "XenServer 6.x (CentOS 5 dom0, extlinux, mkinitrd)";

    public string DefaultMetadata => "0.90";

    public IReadOnlyList<string> AllowedMetadata { get; } = ["0.90"];

    public bool NamesRootByUuid => false;

    /// <summary>mkinitrd makes a gzip cpio; nash's init script must load raid1 and autorun the arrays.</summary>
    public IReadOnlyList<string> InitrdCheck(string initrdPath) =>
        ["sh", "-c", "zcat \"$1\" | cpio -t 2>/dev/null | grep -q 'raid1.ko' && zcat \"$1\" | cpio -i --to-stdout init 2>/dev/null | grep -q raidautorun", "sh", initrdPath];

    public StorageRepositoryCommands StorageRepository(string arrayDevice, string name, string srUuid, string? hostUuid) => new(
        [["xe", "sr-create", "content-type=user", $"device-config:device={arrayDevice}", $"host-uuid={hostUuid}", $"name-label={name}", "shared=false", "type=lvm"]],
        ["sh", "-c", "[ -n \"$(xe pbd-list params=sr-uuid device-config:device=\"$1\" --minimal)\" ]", "sh", arrayDevice],
        $"XenServer SR '{name}' (type lvm)");

    public string MdadmConfPath => "/etc/mdadm.conf";

    public string ExtlinuxDirectory => "/boot";

    public string ExtlinuxConfigPath => "/boot/extlinux.conf";

    public string GptMbrPath => "/usr/share/syslinux/gptmbr.bin";

    public IReadOnlyList<string> InitrdCommand(string kernelVersion) =>
        ["mkinitrd", "-f", "--with=raid1", "/boot/" + InitrdFile(kernelVersion), kernelVersion];

    public string InitrdFile(string kernelVersion) => $"initrd-{kernelVersion}.img";

    public IReadOnlyList<string> WritersToStop { get; } = ["xapi", "xcp-rrdd", "v6d", "perfmon", "xenstored-stats"];

    public IReadOnlyList<string> RsyncOptions { get; } = ["-aHx", "--numeric-ids", "--delete"];

    public IReadOnlyList<string> RequiredTools { get; } =
        ["sgdisk", "mdadm", "mkfs.ext3", "e2label", "extlinux", "mkinitrd"];

    public string FailedBootArguments => "panic=30";
}
