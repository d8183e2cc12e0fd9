using XsRaid.Planning;
using XsRaid.Platforms.Layouts;

namespace XsRaid.Platforms;

/// <summary>
/// What an OS family decides for a conversion: where mdadm.conf lives, which services write to the root, how the
/// root is copied and named, the md metadata policy, how local storage is made, its initrd tool and the bootloaders
/// and disk layout it comes with. The order of steps, the checks and the copy are shared in the planner.
/// </summary>
public interface IOsFamily
{
    PlatformId Id { get; }

    /// <summary>The product name ("XenServer 6.x", "Debian").</summary>
    string Name { get; }

    /// <summary>What it is built on, shown beside the name ("CentOS 5 dom0"), or null.</summary>
    string? Base { get; }

    string MdadmConfPath { get; }

    /// <summary>Services whose writes must stop before the final copy pass.</summary>
    IReadOnlyList<string> WritersToStop { get; }

    /// <summary>Why those services are stopped (the step's explanation).</summary>
    string WritersWhy { get; }

    /// <summary>rsync options for the root copy (old rsync on CentOS 5 has no ACL/xattr options).</summary>
    IReadOnlyList<string> RsyncOptions { get; }

    /// <summary>True when root= and fstab name the root filesystem by UUID (so mkfs is given one), false for /dev/mdN.</summary>
    bool NamesRootByUuid { get; }

    /// <summary>root= value and fstab device for the root array: "/dev/md0" or "UUID=...".</summary>
    string RootSpec(string arrayDevice, string filesystemUuid) => NamesRootByUuid ? "UUID=" + filesystemUuid : arrayDevice;

    MetadataPolicy Metadata { get; }

    /// <summary>Tools for the disks and the copy that the family's conversion runs (besides bootloader and initrd).</summary>
    IReadOnlyList<string> DiskTools { get; }

    /// <summary>Tools the copy needs beyond the disk tools (rsync where the family has it), checked after the others.</summary>
    IReadOnlyList<string> CopyTools { get; }

    /// <summary>Commands that create the storage repository (or volume group) on the storage array, and its name.</summary>
    StorageRepositoryCommands StorageRepository(string arrayDevice, string name, string srUuid, string? hostUuid);

    /// <summary>Tools the storage repository commands need (checked only with --create-sr).</summary>
    IReadOnlyList<string> StorageRepositoryTools { get; }

    IInitrdTool Initrd { get; }

    /// <summary>The service that runs mdadm --monitor (`xsraid alerts` enables and restarts it).</summary>
    IMdMonitor MdMonitor { get; }

    /// <summary>The bootloaders this family can be converted with, in the order they are looked for.</summary>
    IReadOnlyList<IBootloader> Bootloaders { get; }

    DiskLayout Layout { get; }

    /// <summary>The layouts the family's installer makes, the one that fits the system disk is used (else <see cref="Layout"/>).</summary>
    IReadOnlyList<DiskLayout> Layouts => [Layout];

    /// <summary>The sh snippet that stops <see cref="WritersToStop"/> ($1.. = services).</summary>
    string StopWritersSnippet => Snippets.StopServices;

    /// <summary>
    /// The family's record of its system disk rewritten to name <paramref name="primaryDisk"/> and its backup partition
    /// <paramref name="backupPartition"/> (a whole-disk mirror), or null when the family keeps no such record.
    /// </summary>
    ConfigFileRewrite? PrimaryDiskRewrite(HostFacts facts, string primaryDisk, string backupPartition) => null;
}
