using XsRaid.Inspection;
using XsRaid.Platforms;
using XsRaid.Platforms.Layouts;

namespace XsRaid.Planning;

/// <summary>
/// Every rule that must pass before a plan exists: nothing is written by a refused plan. Each rule names what it
/// found and the way out.
/// </summary>
public static class SafetyRules
{
    public static IReadOnlyList<string> MissingTools(HostFacts facts, HostProfile profile, PlanOptions options)
    {
        var needed = new List<string>(profile.Tools) { "blockdev", "dd", "cmp", "chroot", "stat" };
        if (options.CreateSr)
        {
            needed.AddRange(profile.Os.StorageRepositoryTools);
        }

        return [.. needed.Distinct(StringComparer.Ordinal).Where(t => !facts.Snapshot.HasTool(t))];
    }

    public static Refusal? Tools(HostFacts facts, HostProfile profile, PlanOptions options)
    {
        var missing = MissingTools(facts, profile, options);
        return missing.Count == 0
            ? null
            : new Refusal(RuleIds.ToolMissing, $"the host lacks {string.Join(", ", missing)}, which the conversion runs.",
                "Install them from the platform's own packages (xsraid never installs anything on the host) and plan again.");
    }

    public static Refusal? Metadata(HostProfile profile, string metadata, DiskFacts source)
    {
        var allowed = profile.Os.Metadata.Allowed;
        if (!allowed.Contains(metadata))
        {
            return new Refusal(RuleIds.MetadataNotBootable,
                $"md metadata {metadata} cannot be booted on {profile.DisplayName}.",
                $"Use --metadata {string.Join(" or ", allowed)} (or auto).");
        }

        const long TwoTiB = 2L << 40;
        var large = source.Report?.PartitionTable.Partitions.FirstOrDefault(p => p.SizeBytes > TwoTiB);
        if (metadata == "0.90" && large is not null)
        {
            return new Refusal(RuleIds.MetadataNotBootable,
                $"partition {large.Number} is larger than 2 TiB, the limit of md metadata 0.90 for RAID1 members.",
                "Use --metadata 1.0.");
        }

        return null;
    }

    /// <summary>
    /// The system disk against the layout: every partition claimed by a role at its number, every required role there,
    /// the root role's partition mounted on /, no other mount or active swap on the disk that no role claims, and no
    /// storage role holding data that joining the mirror would destroy.
    /// </summary>
    /// <summary>
    /// Never an ambiguous md 0.90 array: each mirrored partition that would get 0.90 (by the family's policy for its
    /// role) must not have its superblock where the whole source or target disk's 0.90 superblock would be.
    /// </summary>
    public static IReadOnlyList<Refusal> AmbiguousSuperblocks(HostProfile profile, string rootMetadata, DiskFacts source, DiskFacts target)
    {
        var refusals = new List<Refusal>();
        foreach (var p in source.Report?.PartitionTable.Partitions ?? [])
        {
            if (profile.Layout.RoleAt(p.Number) is not { IsMirrored: true } role || profile.Os.Metadata.For(role, rootMetadata) != "0.90")
            {
                continue;
            }

            var start = p.FirstLba * source.Disk.LogicalSectorSize;
            foreach (var disk in new[] { source, target }.Where(d => Md090Placement.IsAmbiguous(start, p.SizeBytes, d.Disk.SizeBytes)))
            {
                refusals.Add(new Refusal(RuleIds.AmbiguousSuperblock,
                    $"the {role.Name} array on partition {p.Number} would get md metadata 0.90, whose superblock would sit exactly where {disk.Disk.DevicePath}'s own would: the whole disk would look like a member of the array.",
                    $"Use --metadata 1.0 if {profile.DisplayName} can boot it, or shrink partition {p.Number} by 64 KiB first."));
            }
        }

        return refusals;
    }

    /// <param name="keptStorage">The storage partition whose volume group the plan keeps (moves onto the mirror), if any: its own rules apply.</param>
    public static IReadOnlyList<Refusal> SourceLayout(HostFacts facts, DiskLayout layout, DiskFacts source, RootFacts root, string? keptStorage = null)
    {
        var refusals = new List<Refusal>();
        if (source.Report is null)
        {
            refusals.Add(new Refusal(RuleIds.SourceUnreadable, $"the snapshot could not read {source.Disk.DevicePath}: {source.ReadProblem}",
                "Run xsraid as root on the host (or log in as root) so the probe can read the disks."));
            return refusals;
        }

        var table = source.Report.PartitionTable;
        var partitions = table.Partitions;
        var shape = $"{source.Disk.DevicePath} has {(table.Type ?? "no partition table")} with {partitions.Count} partition(s)";
        var numbers = partitions.Select(p => p.Number).ToHashSet();
        if (table.Type != layout.TableType || root.PartitionNumber != layout.Root.Number
            || partitions.Any(p => layout.RoleAt(p.Number) is null || !Matches(layout.RoleAt(p.Number)!, p))
            || layout.Roles.Any(r => !r.Optional && !numbers.Contains(r.Number)))
        {
            refusals.Add(new Refusal(RuleIds.UnsupportedLayout,
                $"{shape} and / on partition {root.PartitionNumber?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"}; xsraid converts {layout.Description}.",
                "Convert this layout by hand."));
        }

        if (root.FsType is not ("ext2" or "ext3" or "ext4"))
        {
            refusals.Add(new Refusal(RuleIds.UnsupportedLayout, $"/ is {root.FsType}; xsraid copies ext2/3/4 roots.", "Convert this layout by hand."));
        }

        var claimed = layout.Roles.Select(r => r.MountPoint).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var otherMounts = facts.Mounts.Where(m => !claimed.Contains(m.MountPoint) && IsOnDisk(m.Device, source.Disk.Name)).ToList();
        if (otherMounts.Count > 0)
        {
            refusals.Add(new Refusal(RuleIds.UnsupportedLayout,
                $"{string.Join(", ", otherMounts.Select(m => $"{m.Device} on {m.MountPoint}"))} also live(s) on the system disk; only / is copied.",
                "Unmount it, or move its data onto /, and plan again."));
        }

        var swapRoles = layout.Roles.Where(r => r.Handling == RoleHandling.Swap).Select(r => DiskInspector.PartitionName(source.Disk.DevicePath, r.Number)).ToHashSet();
        var swap = facts.ActiveSwaps.Where(s => IsOnDisk(s, source.Disk.Name) && !swapRoles.Contains(s)).ToList();
        if (swap.Count > 0)
        {
            refusals.Add(new Refusal(RuleIds.UnsupportedLayout,
                $"swap partition {string.Join(", ", swap)} is on the system disk; xsraid expects swap in a file, as XenServer has it.",
                $"swapoff {string.Join(' ', swap)} and remove it from /etc/fstab, then plan again."));
        }

        foreach (var storage in partitions.Where(p => layout.RoleAt(p.Number)?.Handling == RoleHandling.Storage))
        {
            var device = DiskInspector.PartitionName(source.Disk.DevicePath, storage.Number);
            if (device == keptStorage)
            {
                continue;
            }

            var pv = facts.PhysicalVolumes.FirstOrDefault(v => v.Device == device);
            var sr = facts.SrDevices.Contains(device);
            if (sr || pv is not null || storage.Content.Type == ContentType.LvmPv)
            {
                var vg = pv is { VgName.Length: > 0 } ? pv.VgName : storage.Content.VgName;
                var what = sr ? $"a storage repository{(vg is { Length: > 0 } ? $" (LVM volume group {vg})" : "")}" : $"an LVM physical volume{(vg is { Length: > 0 } ? $" of volume group {vg}" : "")}";
                refusals.Add(new Refusal(RuleIds.StoragePartitionInUse,
                    $"{device} holds {what}; it would be destroyed when the disk joins the mirror.",
                    "Move the VMs off it and destroy the SR (xe sr-destroy) first; SR migration is not supported yet."));
            }
        }

        return refusals;
    }

    /// <summary>A partition holds what its role says it holds (type code, label prefix), where the role says.</summary>
    private static bool Matches(PartitionRole role, PartitionReport p) =>
        (role.GptTypeCode is null || string.Equals(p.TypeCode, role.GptTypeCode, StringComparison.OrdinalIgnoreCase))
        && (role.LabelPrefix is null || (p.Content.Label?.StartsWith(role.LabelPrefix, StringComparison.Ordinal) ?? false));

    public static IReadOnlyList<Refusal> Target(HostFacts facts, DiskFacts source, DiskFacts? target, PlanOptions options)
    {
        if (target is null)
        {
            var names = string.Join(", ", facts.Disks.Select(d => d.Disk.DevicePath));
            return [new Refusal(RuleIds.TargetNotFound, $"the host has no disk {options.Target} (disks: {names}).",
                "Name the new disk as /dev/sdX or /dev/disk/by-id/NAME.")];
        }

        if (target.Disk.Name == source.Disk.Name)
        {
            return [new Refusal(RuleIds.TargetIsSource, $"{options.Target} is the system disk (it holds /).",
                "Name the second, blank disk as the target.")];
        }

        var refusals = new List<Refusal>();
        var needed = RequiredTargetBytes(source);
        if (target.Disk.SizeBytes < needed)
        {
            refusals.Add(new Refusal(RuleIds.TargetTooSmall,
                $"{target.Disk.DevicePath} has {target.Disk.SizeBytes} bytes; the system disk's partitions need {needed}.",
                "Use a disk at least as large as the system disk."));
        }

        if (target.Disk.LogicalSectorSize != source.Disk.LogicalSectorSize)
        {
            refusals.Add(new Refusal(RuleIds.SectorSizeMismatch,
                $"{target.Disk.DevicePath} has {target.Disk.LogicalSectorSize}-byte logical sectors, the system disk {source.Disk.LogicalSectorSize}.",
                "Use a disk with the same logical sector size (a 512e disk for a 512-byte system disk)."));
        }

        var uses = TargetUses(facts, target.Disk.Name);
        if (uses.Count > 0)
        {
            refusals.Add(new Refusal(RuleIds.TargetInUse, $"{target.Disk.DevicePath} is in use: {string.Join("; ", uses)}.",
                "Stop using it (unmount, swapoff, mdadm --stop, vgchange -an) and plan again; --wipe-target does not override this."));
        }

        if (target.Report is null)
        {
            refusals.Add(new Refusal(RuleIds.TargetUnreadable, $"the snapshot could not read {target.Disk.DevicePath}: {target.ReadProblem}",
                "Run the probe as root so xsraid can check the disk is blank."));
        }
        else if (!options.WipeTarget)
        {
            var signatures = Signatures(target.Report);
            if (signatures.Count > 0)
            {
                refusals.Add(new Refusal(RuleIds.TargetHasSignatures,
                    $"{target.Disk.DevicePath} is not blank: {string.Join("; ", signatures)}.",
                    "If its data is not needed, plan again with --wipe-target."));
            }
        }

        return refusals;
    }

    /// <summary>The end of the last partition plus the backup GPT (33 sectors) and one spare sector.</summary>
    public static long RequiredTargetBytes(DiskFacts source)
    {
        var sector = source.Disk.LogicalSectorSize;
        var last = source.Report?.PartitionTable.Partitions.Select(p => p.LastLba).DefaultIfEmpty(0).Max() ?? 0;
        return (last + 1 + 33) * sector;
    }

    /// <summary>What on a disk makes it not blank: a partition table, signatures on it or on its partitions.</summary>
    public static IReadOnlyList<string> Signatures(DiskReport report)
    {
        var found = new List<string>();
        if (report.PartitionTable.Type is { } type)
        {
            found.Add($"a {type} partition table");
        }

        if (report.Content.Type is not (ContentType.Empty or ContentType.Unknown))
        {
            found.Add($"{report.Content.Type} on the whole disk");
        }
        else if (report.Content.Type == ContentType.Unknown && report.PartitionTable.Type is null)
        {
            found.Add("non-zero data at its start or end");
        }

        foreach (var p in report.PartitionTable.Partitions.Where(p => p.Content.Type != ContentType.Empty))
        {
            found.Add($"{p.Content.Type} on partition {p.Number}");
        }

        return found;
    }

    private static List<string> TargetUses(HostFacts facts, string disk)
    {
        var uses = new List<string>();
        uses.AddRange(facts.Mounts.Where(m => IsOnDisk(m.Device, disk)).Select(m => $"{m.Device} is mounted on {m.MountPoint}"));
        uses.AddRange(facts.ActiveSwaps.Where(s => IsOnDisk(s, disk)).Select(s => $"{s} is active swap"));
        uses.AddRange(facts.Arrays.Where(a => a.Members.Any(m => IsOnDisk("/dev/" + m, disk)))
            .Select(a => $"{a.Name} runs with member(s) {string.Join(", ", a.Members.Where(m => IsOnDisk("/dev/" + m, disk)))}"));
        uses.AddRange(facts.PhysicalVolumes.Where(p => IsOnDisk(p.Device, disk) && p.VgName.Length > 0)
            .Select(p => $"{p.Device} is a physical volume of volume group {p.VgName}"));
        return uses;
    }

    /// <summary>/dev/sdb and /dev/sdb1 are on disk sdb; /dev/sdbc is not. nvme0n1p1 is on nvme0n1.</summary>
    public static bool IsOnDisk(string device, string disk)
    {
        var name = device.StartsWith("/dev/", StringComparison.Ordinal) ? device[5..] : device;
        if (name == disk)
        {
            return true;
        }

        if (!name.StartsWith(disk, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = name[disk.Length..];
        if (char.IsAsciiDigit(disk[^1]))
        {
            return rest.Length > 1 && rest[0] == 'p' && rest[1..].All(char.IsAsciiDigit);
        }

        return rest.Length > 0 && rest.All(char.IsAsciiDigit);
    }
}
