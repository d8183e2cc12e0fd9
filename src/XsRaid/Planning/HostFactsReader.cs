using System.Globalization;
using XsRaid.Hosts.Parsers;
using XsRaid.Hosts.Snapshot;
using XsRaid.Inspection;
using XsRaid.Platforms;

namespace XsRaid.Planning;

/// <summary>
/// Reads the planner's facts out of a snapshot: pure parsers for the text, the on-disk readers for the captured bytes.
/// </summary>
public static class HostFactsReader
{
    public static HostFacts Read(HostSnapshot snapshot)
    {
        var disks = snapshot.Disks.Select(Inspect).ToList();
        var mounts = snapshot.File("/proc/mounts") is { } m ? ProcMountsParser.Parse(m).Value : [];
        var cmdline = snapshot.File("/proc/cmdline") is { } c ? KernelCommandLineParser.Parse(c).Value : null;
        var (platform, platformName, inventory) = Platform(snapshot);
        var swaps = snapshot.File("/proc/swaps") is { } s ? ProcSwapsParser.Parse(s).Value : [];
        var arrays = snapshot.File("/proc/mdstat") is { } md
            ? MdstatParser.Parse(md).Value.Arrays.Select(a => new ActiveArrayFacts(a.Name, a.Level ?? "", [.. a.Members.Select(x => x.Device)])).ToList()
            : [];
        return new HostFacts(
            snapshot,
            platform,
            platformName,
            BootloaderDetection.Detect(snapshot),
            snapshot.Meta.GetValueOrDefault("firmware") == "uefi",
            snapshot.Meta.GetValueOrDefault("uname")?.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(),
            inventory?.InstallationUuid,
            Root(snapshot, disks, mounts, cmdline),
            disks,
            [.. mounts.Select(e => new MountFacts(Resolve(snapshot, e.Device), e.MountPoint, e.FsType))],
            [.. swaps.Where(w => w.Type == "partition").Select(w => Resolve(snapshot, w.Filename))],
            arrays,
            PhysicalVolumes(snapshot),
            SrDevices(snapshot),
            snapshot.File("/etc/fstab"),
            EfiBoot(snapshot));
    }

    private static DiskFacts Inspect(SnapshotDisk disk)
    {
        if (disk.UnreadableReason is { } reason)
        {
            return new DiskFacts(disk, null, reason);
        }

        var report = DiskInspector.Inspect(disk.AsBlockSource());
        return report.IsOk ? new DiskFacts(disk, report.Value, null) : new DiskFacts(disk, null, report.Error.ToString());
    }

    private static (PlatformId, string, XensourceInventory?) Platform(HostSnapshot snapshot)
    {
        if (snapshot.File("/etc/xensource-inventory") is { } text)
        {
            var inventory = XensourceInventoryParser.Parse(text).Value;
            var brand = inventory.ProductBrand ?? "XenServer";
            var version = inventory.ProductVersion ?? "?";
            var major = int.TryParse(version.Split('.')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0;
            var id = major is 7 or 8 ? (brand.Contains("XCP", StringComparison.OrdinalIgnoreCase) ? PlatformId.XcpNg : PlatformId.XenServer7Plus)
                : major == 6 && !brand.Contains("XCP", StringComparison.OrdinalIgnoreCase) ? PlatformId.XenServer6
                : PlatformId.Unknown;
            return (id, $"{brand} {version}", inventory);
        }

        if (snapshot.File("/etc/os-release") is { } os)
        {
            var release = OsReleaseParser.Parse(os).Value;
            var name = release.Values.GetValueOrDefault("PRETTY_NAME") ?? release.Id;
            return (release.Id == "debian" ? PlatformId.Debian : PlatformId.Unknown, name, null);
        }

        return (PlatformId.Unknown, snapshot.File("/etc/redhat-release")?.Trim() ?? "an unknown system", null);
    }

    private static RootFacts? Root(HostSnapshot snapshot, IReadOnlyList<DiskFacts> disks, IReadOnlyList<MountEntry> mounts, KernelCommandLine? cmdline)
    {
        var mount = mounts.LastOrDefault(e => e.MountPoint == "/" && e.FsType != "rootfs");
        if (mount is null)
        {
            return null;
        }

        var rootArgument = cmdline?.Root;
        var device = Resolve(snapshot, mount.Device);
        var located = Locate(disks, device);
        if (located is null && rootArgument is not null && !device.StartsWith("/dev/md", StringComparison.Ordinal))
        {
            located = LocateBySpec(disks, rootArgument) ?? Locate(disks, Resolve(snapshot, rootArgument));
        }

        if (located is null)
        {
            return new RootFacts(device, null, null, mount.FsType, null, null, rootArgument);
        }

        var (disk, partition) = located.Value;
        return new RootFacts(
            DiskInspector.PartitionName(disk.Disk.DevicePath, partition.Number),
            disk.Disk.Name,
            partition.Number,
            mount.FsType is "ext2" or "ext3" or "ext4" ? partition.Content.Type : mount.FsType,
            partition.Content.Label,
            partition.Content.Uuid,
            rootArgument);
    }

    private static (DiskFacts Disk, PartitionReport Partition)? Locate(IReadOnlyList<DiskFacts> disks, string device)
    {
        foreach (var disk in disks)
        {
            foreach (var p in disk.Report?.PartitionTable.Partitions ?? [])
            {
                if (DiskInspector.PartitionName(disk.Disk.DevicePath, p.Number) == device)
                {
                    return (disk, p);
                }
            }
        }

        return null;
    }

    /// <summary>root=LABEL=x or root=UUID=x: the partition whose filesystem carries it.</summary>
    private static (DiskFacts Disk, PartitionReport Partition)? LocateBySpec(IReadOnlyList<DiskFacts> disks, string spec)
    {
        var eq = spec.IndexOf('=', StringComparison.Ordinal);
        if (eq < 0)
        {
            return null;
        }

        var (kind, value) = (spec[..eq], spec[(eq + 1)..]);
        foreach (var disk in disks)
        {
            foreach (var p in disk.Report?.PartitionTable.Partitions ?? [])
            {
                var matches = kind switch
                {
                    "LABEL" => p.Content.Label == value,
                    "UUID" => string.Equals(p.Content.Uuid, value, StringComparison.OrdinalIgnoreCase),
                    _ => false,
                };
                if (matches)
                {
                    return (disk, p);
                }
            }
        }

        return null;
    }

    /// <summary>/dev/disk/by-id/NAME (or any symlink the probe listed) to /dev/sdX; other names unchanged.</summary>
    public static string Resolve(HostSnapshot snapshot, string device)
    {
        const string ById = "/dev/disk/by-id/";
        if (device.StartsWith(ById, StringComparison.Ordinal) && snapshot.ByIdLinks.TryGetValue(device[ById.Length..], out var target))
        {
            return "/dev/" + target[(target.LastIndexOf('/') + 1)..];
        }

        return device;
    }

    private static List<PhysicalVolumeFacts> PhysicalVolumes(HostSnapshot snapshot)
    {
        if (snapshot.Commands.GetValueOrDefault("pvs") is not { ExitCode: 0 } pvs)
        {
            return [];
        }

        var rows = LvmReportParser.ParseSeparated(pvs.Output, ["pv_name", "vg_name", "pv_size", "pv_uuid", "pv_attr"]).Value;
        return [.. rows.Select(LvmPhysicalVolume.From).OfType<LvmPhysicalVolume>()
            .Select(pv => new PhysicalVolumeFacts(Resolve(snapshot, pv.Name), pv.VgName))];
    }

    /// <summary>The "efibootmgr -v" capture, parsed; null when the probe took none (or efibootmgr failed).</summary>
    private static EfiBootManagerState? EfiBoot(HostSnapshot snapshot) =>
        snapshot.Commands.GetValueOrDefault("efibootmgr-v") is { ExitCode: 0 } capture
            ? EfiBootManagerParser.Parse(capture.Output).Value
            : null;

    private static List<string> SrDevices(HostSnapshot snapshot)
    {
        if (snapshot.Commands.GetValueOrDefault("xe-pbd-list") is not { ExitCode: 0 } pbds)
        {
            return [];
        }

        return [.. XeListParser.Parse(pbds.Output).Value.Select(XePhysicalBlockDevice.From).OfType<XePhysicalBlockDevice>()
            .Select(p => p.DeviceConfig.GetValueOrDefault("device"))
            .OfType<string>()
            .SelectMany(d => d.Split(',', StringSplitOptions.RemoveEmptyEntries))
            .Select(d => Resolve(snapshot, d))];
    }
}
