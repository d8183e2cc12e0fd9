using XsRaid.Hosts.Parsers;
using XsRaid.Hosts.Snapshot;
using XsRaid.Inspection;
using XsRaid.Platforms;

namespace XsRaid.Planning;

/// <summary>
/// What the planner needs to know about a host, read from a snapshot by <see cref="HostFactsReader"/>: pure data.
/// <see cref="EfiBoot"/> is the firmware's boot entries ("efibootmgr -v"), null when the probe did not capture them
/// (a BIOS host, no efibootmgr, or an older snapshot).
/// </summary>
public sealed record HostFacts(
    HostSnapshot Snapshot,
    PlatformId Platform,
    string PlatformName,
    BootloaderKind Bootloader,
    bool Uefi,
    string? KernelVersion,
    string? InstallationUuid,
    RootFacts? Root,
    IReadOnlyList<DiskFacts> Disks,
    IReadOnlyList<MountFacts> Mounts,
    IReadOnlyList<string> ActiveSwaps,
    IReadOnlyList<ActiveArrayFacts> Arrays,
    IReadOnlyList<PhysicalVolumeFacts> PhysicalVolumes,
    IReadOnlyList<string> SrDevices,
    string? Fstab,
    EfiBootManagerState? EfiBoot)
{
    public DiskFacts? Disk(string nameOrPath) =>
        Disks.FirstOrDefault(d => d.Disk.Name == nameOrPath || d.Disk.DevicePath == nameOrPath
            || d.Disk.ByIdNames.Any(n => n == nameOrPath || "/dev/disk/by-id/" + n == nameOrPath));
}

/// <summary>Where / is: the device, its disk and partition number, the filesystem and how fstab/root= name it.</summary>
public sealed record RootFacts(string Device, string? DiskName, int? PartitionNumber, string FsType, string? Label, string? Uuid, string? RootArgument);

/// <summary>A disk with what inspecting its captured bytes showed (null report when the bytes were not readable).</summary>
public sealed record DiskFacts(SnapshotDisk Disk, DiskReport? Report, string? ReadProblem)
{
    public DiskIdentity Identity => new(Disk.DevicePath, Disk.SizeBytes, Disk.LogicalSectorSize, Disk.Model, Disk.Serial, Disk.Wwid, Disk.ByIdNames);
}

public sealed record MountFacts(string Device, string MountPoint, string FsType);

/// <summary>An md array the host runs now (from /proc/mdstat) and its member devices (sda1, ...).</summary>
public sealed record ActiveArrayFacts(string Name, string Level, IReadOnlyList<string> Members);

/// <summary>An LVM physical volume and its volume group (empty when none).</summary>
public sealed record PhysicalVolumeFacts(string Device, string VgName);
