using XsRaid.Platforms.Bootloaders;
using XsRaid.Platforms.Initrd;
using XsRaid.Platforms.Layouts;

namespace XsRaid.Platforms.OsFamilies;

/// <summary>
/// Debian (the lab host): extlinux in /boot/extlinux, initramfs-tools; md 1.0 so the filesystem starts at the
/// partition start, root=UUID=, mdadm.conf in /etc/mdadm; local storage is an LVM volume group.
/// </summary>
public sealed class Debian : IOsFamily
{
    public PlatformId Id => PlatformId.Debian;

    public string Name => "Debian";

    public string? Base => null;

    public string MdadmConfPath => "/etc/mdadm/mdadm.conf";

    public IReadOnlyList<string> WritersToStop { get; } = [];

    public string WritersWhy => "Services that write to the root continuously are stopped so the final copy is consistent.";

    public IReadOnlyList<string> RsyncOptions { get; } = ["-aHAXx", "--numeric-ids", "--delete"];

    public bool NamesRootByUuid => true;

    /// <summary>1.0 by default; with --metadata 0.90 only the root array gets it (the initramfs assembles the others from mdadm.conf, as 1.0).</summary>
    public MetadataPolicy Metadata { get; } = new("1.0", ["1.0", "0.90"], OtherArrays: "1.0");

    public IReadOnlyList<string> DiskTools { get; } = ["sgdisk", "mdadm", "mkfs.ext3", "e2label"];

    public IReadOnlyList<string> CopyTools { get; } = ["rsync"];

    /// <summary>No xapi on Debian: an LVM volume group named as XenServer names an SR's (VG_XenStorage-uuid).</summary>
    public StorageRepositoryCommands StorageRepository(string arrayDevice, string name, string srUuid, string? hostUuid) => new(
        [["pvcreate", "-y", arrayDevice], ["vgcreate", $"VG_XenStorage-{srUuid}", arrayDevice]],
        ["vgs", $"VG_XenStorage-{srUuid}"],
        $"LVM volume group VG_XenStorage-{srUuid}");

    public IReadOnlyList<string> StorageRepositoryTools { get; } = ["pvcreate", "vgcreate"];

    public IInitrdTool Initrd { get; } = new InitramfsTools();

    public IReadOnlyList<IBootloader> Bootloaders { get; } = [new Extlinux("/boot/extlinux", "/usr/lib/syslinux/mbr/gptmbr.bin")];

    public IMdMonitor MdMonitor { get; } = new Monitors.SystemdMdMonitor("mdmonitor");

    public DiskLayout Layout => DiskLayouts.XenServer6;
}
