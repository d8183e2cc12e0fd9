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
}
