using XsRaid.Hosts.Parsers;
using XsRaid.Inspection;
using XsRaid.Platforms;
using XsRaid.Platforms.Layouts;

namespace XsRaid.Planning;

/// <summary>
/// The volume group on the system disk's storage partition that the plan keeps, and the size of what it moves onto,
/// estimated from below: the storage array of a per-partition layout (<see cref="MdDataSize"/>), or the storage
/// partition inside a whole-disk array (<see cref="WholeDiskRules.InnerBytes"/>).
/// </summary>
public sealed record StorageMove(KeptVolumeGroup VolumeGroup, int PartitionNumber, long ArrayBytes)
{
    /// <summary>On a per-partition layout: the storage array is made over the partition with the role's metadata.</summary>
    public static StorageMove? Find(HostFacts facts, HostProfile profile, DiskFacts source, string rootMetadata) =>
        Find(facts, profile, source, (p, role) => MdDataSize.Estimate(p.SizeBytes, profile.Os.Metadata.For(role, rootMetadata)));

    /// <summary>On a whole-disk layout: the storage partition keeps its number and start inside the array on <paramref name="target"/>.</summary>
    public static StorageMove? FindWholeDisk(HostFacts facts, HostProfile profile, DiskFacts source, DiskFacts target) =>
        Find(facts, profile, source, (p, _) => WholeDiskRules.InnerBytes(source, target, p));

    private static StorageMove? Find(HostFacts facts, HostProfile profile, DiskFacts source, Func<PartitionReport, PartitionRole, long> arrayBytes)
    {
        foreach (var p in source.Report?.PartitionTable.Partitions ?? [])
        {
            if (profile.Layout.RoleAt(p.Number) is not { Handling: RoleHandling.Storage } role
                || KeptVolumeGroupReader.Read(facts, DiskInspector.PartitionName(source.Disk.DevicePath, p.Number)) is not { } vg)
            {
                continue;
            }

            return new StorageMove(vg, p.Number, arrayBytes(p, role));
        }

        return null;
    }

    /// <summary>The move onto the storage array planned for this partition.</summary>
    public VolumeGroupMove Move(IReadOnlyList<ArrayPlan> arrays)
    {
        var array = arrays.Single(a => a.PartitionNumber == PartitionNumber);
        return Move(array.Device);
    }

    /// <summary>
    /// The move onto <paramref name="arrayDevice"/> (the same-numbered partition inside a whole-disk array), whose stable
    /// name <paramref name="stableName"/> is what a PBD should name.
    /// </summary>
    public VolumeGroupMove Move(string arrayDevice, string? stableName = null) =>
        new(VolumeGroup.Name, VolumeGroup.Device, arrayDevice, VolumeGroup.Extents!.MetadataAreaBytes) { StableName = stableName };

    /// <summary>
    /// What the admin must do about a XenServer SR whose PBD names the old partition: xsraid does not repoint it, since
    /// that needs the SR unplugged, so every VM on it shut down.
    /// </summary>
    public static IEnumerable<string> Notes(HostFacts facts, VolumeGroupMove move)
    {
        if (facts.Snapshot.Commands.GetValueOrDefault("xe-pbd-list") is not { ExitCode: 0 } capture)
        {
            yield break;
        }

        foreach (var pbd in XeListParser.Parse(capture.Output).Value.Select(XePhysicalBlockDevice.From).OfType<XePhysicalBlockDevice>())
        {
            if (pbd.DeviceConfig.GetValueOrDefault("device") is not { } device
                || !device.Split(',').Any(d => HostFactsReader.Resolve(facts.Snapshot, d) == move.OldDevice))
            {
                continue;
            }

            yield return $"the SR {pbd.SrUuid} stays as it is, with its volume group {move.VgName} on {move.ArrayDevice}; its PBD {pbd.Uuid} still names " +
                $"device-config:device={device}, the old partition {move.OldDevice}, which the conversion makes part of the mirror. The SR still plugs at boot (the LVM SR driver, " +
                "xapi-project/sm drivers/LVHDSR.py attach, finds the volume group by its name), but the driver reads that device's size " +
                "(_expand_size) and `xe sr-destroy` runs pvremove on it (delete -> lvutil.removeVG), which must never touch the mirror's disks. " +
                "xsraid does not change the PBD: that needs the SR unplugged, so every VM on it shut down. When they are, run: " +
                $"xe pbd-unplug uuid={pbd.Uuid}; xe pbd-destroy uuid={pbd.Uuid}; " +
                $"xe pbd-create host-uuid={pbd.HostUuid} sr-uuid={pbd.SrUuid} device-config:device={move.PbdDevice} (it prints the new PBD's uuid); " +
                "xe pbd-plug uuid=NEW-PBD-UUID; then start the VMs.";
        }
    }
}
