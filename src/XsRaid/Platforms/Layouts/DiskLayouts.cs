namespace XsRaid.Platforms.Layouts;

/// <summary>The disk layouts xsraid knows, as tables.</summary>
public static class DiskLayouts
{
    /// <summary>
    /// XenServer 6.x's installer layout (the Debian lab host has the same shape): GPT, 1 root mounted on /, 2 the
    /// backup partition of the same size, 3 the local storage (optional); one RAID1 per partition, md0..md2.
    /// </summary>
    public static readonly DiskLayout XenServer6 = new(
        "the XenServer 6.x layout: GPT, 1 root, 2 backup, optionally 3 local storage",
        "gpt",
        MirrorScope.PerPartition,
        "FD00",
        [
            new PartitionRole(RoleKind.Root, "root", 1, RoleHandling.Copy, "/dev/md0", MountPoint: "/"),
            new PartitionRole(RoleKind.Backup, "backup", 2, RoleHandling.Empty, "/dev/md1"),
            new PartitionRole(RoleKind.Storage, "storage", 3, RoleHandling.Storage, "/dev/md2", Optional: true),
        ]);

    /// <summary>The array XCP-ng's installer makes for "Software RAID": the whole disks, GPT inside.</summary>
    public static readonly WholeDiskArray InstallerArray = new("/dev/md127", "localhost:127");

    /// <summary>
    /// XCP-ng 8.x / XenServer 7-8 on BIOS with a local SR (host-installer backend.py, "5,2,1,4,6,3" on disk): 1 root,
    /// 2 backup, 3 local SR (LVM), 4 BIOS boot, 5 /var/log, 6 swap; mirrored the installer's way, as one whole-disk
    /// md127 with the same GPT inside it. The types are the installer's (0700, 8E00, EF02, 8200), never FD00.
    /// </summary>
    public static readonly DiskLayout XenServer7Bios = new(
        "the XCP-ng 8.x / XenServer 7-8 BIOS layout: GPT, 1 root, 2 backup, 3 local SR, 4 BIOS boot, 5 logs, 6 swap",
        "gpt",
        MirrorScope.WholeDisk,
        "",
        [
            new PartitionRole(RoleKind.Root, "root", 1, RoleHandling.Copy, "/dev/md127p1", MountPoint: "/", GptTypeCode: "0700", LabelPrefix: "root-"),
            new PartitionRole(RoleKind.Backup, "backup", 2, RoleHandling.Empty, "/dev/md127p2", GptTypeCode: "0700"),
            new PartitionRole(RoleKind.Storage, "storage", 3, RoleHandling.Storage, "/dev/md127p3", Optional: true, GptTypeCode: "8E00"),
            new PartitionRole(RoleKind.BiosBoot, "bios-boot", 4, RoleHandling.Empty, "/dev/md127p4", GptTypeCode: "EF02"),
            new PartitionRole(RoleKind.Logs, "logs", 5, RoleHandling.Copy, "/dev/md127p5", MountPoint: "/var/log", GptTypeCode: "0700", LabelPrefix: "logs-"),
            new PartitionRole(RoleKind.Swap, "swap", 6, RoleHandling.Swap, "/dev/md127p6", GptTypeCode: "8200", LabelPrefix: "swap-"),
        ],
        InstallerArray);

    /// <summary>
    /// The same installed without a local SR: the boot partition is number 3 (backend.py: max(primary+1, sr)+1) and
    /// there is no 4. With --create-sr the local SR gets partition 4, the first free number, after the last partition.
    /// </summary>
    public static readonly DiskLayout XenServer7BiosNoSr = XenServer7Bios with
    {
        Description = "the XCP-ng 8.x / XenServer 7-8 BIOS layout without a local SR: GPT, 1 root, 2 backup, 3 BIOS boot, 5 logs, 6 swap",
        Roles =
        [
            new PartitionRole(RoleKind.Root, "root", 1, RoleHandling.Copy, "/dev/md127p1", MountPoint: "/", GptTypeCode: "0700", LabelPrefix: "root-"),
            new PartitionRole(RoleKind.Backup, "backup", 2, RoleHandling.Empty, "/dev/md127p2", GptTypeCode: "0700"),
            new PartitionRole(RoleKind.BiosBoot, "bios-boot", 3, RoleHandling.Empty, "/dev/md127p3", GptTypeCode: "EF02"),
            new PartitionRole(RoleKind.Storage, "storage", 4, RoleHandling.Storage, "/dev/md127p4", Optional: true, GptTypeCode: "8E00"),
            new PartitionRole(RoleKind.Logs, "logs", 5, RoleHandling.Copy, "/dev/md127p5", MountPoint: "/var/log", GptTypeCode: "0700", LabelPrefix: "logs-"),
            new PartitionRole(RoleKind.Swap, "swap", 6, RoleHandling.Swap, "/dev/md127p6", GptTypeCode: "8200", LabelPrefix: "swap-"),
        ],
    };
}
