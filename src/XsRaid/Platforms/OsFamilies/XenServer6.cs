using XsRaid.Platforms.Bootloaders;
using XsRaid.Platforms.Initrd;
using XsRaid.Platforms.Layouts;

namespace XsRaid.Platforms.OsFamilies;

/// <summary>
/// XenServer 6.0-6.5: CentOS 5 dom0, extlinux in /boot with mboot.c32 entries, a nash initrd made by mkinitrd, which
/// only autodetects 0.90 arrays on partitions of type Linux RAID; root=/dev/md0; the SR is made with xe.
/// </summary>
public sealed class XenServer6 : IOsFamily
{
    public PlatformId Id => PlatformId.XenServer6;

    public string Name => "XenServer 6.x";

    public string? Base => "CentOS 5 dom0";

    public string MdadmConfPath => "/etc/mdadm.conf";

    public IReadOnlyList<string> WritersToStop { get; } = ["xapi", "xcp-rrdd", "v6d", "perfmon", "xenstored-stats"];

    public string WritersWhy =>
        "xapi and friends write their database continuously; stopping them makes the final copy consistent. Running VMs are not touched; the host reboots soon.";

    public IReadOnlyList<string> RsyncOptions { get; } = ["-aHx", "--numeric-ids", "--delete"];

    public bool NamesRootByUuid => false;

    /// <summary>
    /// The root array 0.90: nash's raidautorun (in the initrd mkinitrd makes) only autodetects 0.90. The other arrays
    /// 1.0: rc.sysinit assembles them with `mdadm -A -s` from /etc/mdadm.conf (before LVM starts), and a 1.x
    /// superblock records its own offset, so unlike 0.90 on the last partition it never makes the whole disk look
    /// like a member.
    /// </summary>
    public MetadataPolicy Metadata { get; } = new("0.90", ["0.90"], OtherArrays: "1.0");

    public IReadOnlyList<string> DiskTools { get; } = ["sgdisk", "mdadm", "mkfs.ext3", "e2label"];

    public IReadOnlyList<string> CopyTools { get; } = [];

    public StorageRepositoryCommands StorageRepository(string arrayDevice, string name, string srUuid, string? hostUuid) => new(
        [["xe", "sr-create", "content-type=user", $"device-config:device={arrayDevice}", $"host-uuid={hostUuid}", $"name-label={name}", "shared=false", "type=lvm"]],
        ["sh", "-c", "[ -n \"$(xe pbd-list params=sr-uuid device-config:device=\"$1\" --minimal)\" ]", "sh", arrayDevice],
        $"XenServer SR '{name}' (type lvm)");

    public IReadOnlyList<string> StorageRepositoryTools { get; } = [];

    public IInitrdTool Initrd { get; } = new MkinitrdNash();

    public IReadOnlyList<IBootloader> Bootloaders { get; } = [new Extlinux("/boot", "/usr/share/syslinux/gptmbr.bin")];

    public IMdMonitor MdMonitor { get; } = new Monitors.SysVMdMonitor("mdmonitor");

    public DiskLayout Layout => DiskLayouts.XenServer6;
}
