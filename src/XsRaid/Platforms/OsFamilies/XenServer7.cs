using System.Text.RegularExpressions;
using XsRaid.Planning;
using XsRaid.Platforms.Bootloaders;
using XsRaid.Platforms.Initrd;
using XsRaid.Platforms.Layouts;

namespace XsRaid.Platforms.OsFamilies;

/// <summary>
/// XCP-ng 8.x and XenServer 7-8 (inventory PRODUCT_VERSION 7.x or 8.x): CentOS 7 dom0 with systemd, GRUB 2 at
/// /boot/grub/grub.cfg, dracut; ext3 root and logs found by LABEL=root-/logs-; converted into the installer's own
/// RAID shape, one whole-disk md127 with metadata 1.0 and the GPT inside it; the SR is made with xe.
/// </summary>
public sealed partial class XenServer7 : IOsFamily
{
    public const string InventoryPath = "/etc/xensource-inventory";

    public PlatformId Id => PlatformId.XcpNg;

    public string Name => "XCP-ng 8.x / XenServer 7-8";

    public string? Base => "CentOS 7 dom0";

    public string MdadmConfPath => "/etc/mdadm.conf";

    /// <summary>xapi's database, the RRDs and perfmon write under /; rsyslog writes /var/log, which is copied too.</summary>
    public IReadOnlyList<string> WritersToStop { get; } = ["xapi", "xcp-rrdd", "perfmon", "rsyslog"];

    public string WritersWhy =>
        "xapi and friends write their database continuously and rsyslog writes /var/log; stopping them makes the final copy consistent. Running VMs are not touched; the host reboots soon.";

    public string StopWritersSnippet => Snippets.StopSystemdServices;

    public IReadOnlyList<string> RsyncOptions { get; } = ["-aHAXx", "--numeric-ids", "--delete"];

    /// <summary>By label, as the installer names them: root=LABEL=root-xxxxxx.</summary>
    public bool NamesRootByUuid => false;

    /// <summary>The installer's array: metadata 1.0, so each member starts with the GPT and BIOS sees a plain disk.</summary>
    public MetadataPolicy Metadata { get; } = new("1.0", ["1.0"]);

    public IReadOnlyList<string> DiskTools { get; } = ["sgdisk", "mdadm", "mkfs.ext3", "e2label", "blkid", "mkswap", "swaplabel", "swapon", "swapoff"];

    public IReadOnlyList<string> CopyTools { get; } = ["rsync"];

    public StorageRepositoryCommands StorageRepository(string arrayDevice, string name, string srUuid, string? hostUuid) => new(
        [["xe", "sr-create", "content-type=user", $"device-config:device={arrayDevice}", $"host-uuid={hostUuid}", $"name-label={name}", "shared=false", "type=lvm"]],
        ["sh", "-c", "[ -n \"$(xe pbd-list params=sr-uuid device-config:device=\"$1\" --minimal)\" ]", "sh", arrayDevice],
        $"XCP-ng SR '{name}' (type lvm)");

    public IReadOnlyList<string> StorageRepositoryTools { get; } = ["xe"];

    public IInitrdTool Initrd { get; } = new Dracut();

    /// <summary>CentOS 7's mdadm package ships mdmonitor.service (XCP-ng 8.x, XenServer 7-8).</summary>
    public IMdMonitor MdMonitor { get; } = new Monitors.SystemdMdMonitor("mdmonitor");

    public IReadOnlyList<IBootloader> Bootloaders { get; } = [new Grub2Bios()];

    public DiskLayout Layout => DiskLayouts.XenServer7Bios;

    public IReadOnlyList<DiskLayout> Layouts { get; } = [DiskLayouts.XenServer7Bios, DiskLayouts.XenServer7BiosNoSr];

    /// <summary>
    /// PRIMARY_DISK and BACKUP_PARTITION as the installer writes them for an md primary disk: diskutil.idFromPartition
    /// takes the first /dev/disk/by-id link udev lists for the device (udev keeps links sorted, so md-name-* before
    /// md-uuid-*), and the backup partition is that link with -part2 (host-installer 8.2/8.3 diskutil.py, writeInventory).
    /// </summary>
    public ConfigFileRewrite? PrimaryDiskRewrite(HostFacts facts, string primaryDisk, string backupPartition) =>
        facts.Snapshot.File(InventoryPath) is { } inventory
            ? new ConfigFileRewrite(InventoryPath,
                BackupPartition().Replace(PrimaryDisk().Replace(inventory, $"PRIMARY_DISK='{primaryDisk}'"), $"BACKUP_PARTITION='{backupPartition}'"),
                $"The installer records the system disk for upgrades and restores; for its RAID that is md127 ({primaryDisk}).")
            : null;

    [GeneratedRegex("^PRIMARY_DISK='[^'\\n]*'", RegexOptions.Multiline)]
    private static partial Regex PrimaryDisk();

    [GeneratedRegex("^BACKUP_PARTITION='[^'\\n]*'", RegexOptions.Multiline)]
    private static partial Regex BackupPartition();
}
