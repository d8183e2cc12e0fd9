namespace XsRaid.Platforms;

/// <summary>
/// What differs between the platforms xsraid converts. Everything else (the order of steps, the checks, the copy,
/// the arrays) is shared in the planner; an adapter holds only these differences.
/// </summary>
public interface IPlatform
{
    /// <summary>root= value and fstab device for the root array: "/dev/md0" or "UUID=...".</summary>
    string RootSpec(string arrayDevice, string filesystemUuid) => NamesRootByUuid ? "UUID=" + filesystemUuid : arrayDevice;

    PlatformId Id { get; }

    string DisplayName { get; }

    /// <summary>md metadata the platform's initrd can assemble the root array from ("0.90" or "1.0").</summary>
    string DefaultMetadata { get; }

    /// <summary>Metadata versions this platform can boot from, for --metadata.</summary>
    IReadOnlyList<string> AllowedMetadata { get; }

    /// <summary>True when root= and fstab name the root filesystem by UUID (so mkfs is given one), false for /dev/mdN.</summary>
    bool NamesRootByUuid { get; }

    /// <summary>A read-only check that the initrd holds raid1 and mdadm.conf.</summary>
    IReadOnlyList<string> InitrdCheck(string initrdPath);

    /// <summary>Commands that create the storage repository (or volume group) on the storage array, and its name.</summary>
    StorageRepositoryCommands StorageRepository(string arrayDevice, string name, string srUuid, string? hostUuid);

    string MdadmConfPath { get; }

    /// <summary>Directory extlinux is installed in and its config file (relative to a root).</summary>
    string ExtlinuxDirectory { get; }

    string ExtlinuxConfigPath { get; }

    /// <summary>Where the platform keeps syslinux's gptmbr.bin.</summary>
    string GptMbrPath { get; }

    /// <summary>The command that rebuilds the initrd inside the new root (run in a chroot).</summary>
    IReadOnlyList<string> InitrdCommand(string kernelVersion);

    /// <summary>The initrd file name under /boot for a kernel version.</summary>
    string InitrdFile(string kernelVersion);

    /// <summary>Services whose writes must stop before the final copy pass.</summary>
    IReadOnlyList<string> WritersToStop { get; }

    /// <summary>rsync options for the root copy (old rsync on CentOS 5 has no ACL/xattr options).</summary>
    IReadOnlyList<string> RsyncOptions { get; }

    /// <summary>Tools that must exist on the host for the plan to run.</summary>
    IReadOnlyList<string> RequiredTools { get; }

    /// <summary>Kernel arguments that make a failed boot reset instead of waiting at a console.</summary>
    string FailedBootArguments { get; }
}
