using XsRaid.Formats.Mbr;
using XsRaid.Hosts.Snapshot;
using XsRaid.Inspection;

namespace XsRaid.Health;

/// <summary>
/// Whether each disk under the root array can boot alone, for the BIOS shapes xsraid makes today: boot code in the
/// MBR of every disk that holds a working member of the array / is on (read from the probe's captured first MiB).
/// No boot code = CRITICAL: the day the other disk dies, the BIOS finds nothing to start. UEFI hosts get a note
/// (their ESP and boot entries are not checked by this version).
/// </summary>
public static class BootCodeVerdicts
{
    public static IEnumerable<CheckFinding> For(HostSnapshot snapshot, IReadOnlyList<ArrayCondition> arrays, string? rootDevice)
    {
        if (snapshot.Meta.GetValueOrDefault("firmware") == "uefi")
        {
            yield return new(FindingState.Note, "uefi-not-checked", "boot", "UEFI boot not checked",
                "UEFI host: the ESP on each disk and the firmware's boot entries are not checked by this version");
            yield break;
        }

        var root = rootDevice is null ? null : arrays.FirstOrDefault(a => IsOn(rootDevice, a.Name));
        if (root is null)
        {
            yield return new(FindingState.Note, "root-not-mirrored", "boot", "/ not on md",
                $"/ is on {rootDevice ?? "an unknown device"}, not on an md array: no disk is checked for boot code");
            yield break;
        }

        var members = root.Health.Members.Where(m => !m.EndsWith(')')).ToList();
        var disks = members.Select(m => DiskOf(snapshot, m)).ToList();
        for (var i = 0; i < members.Count; i++)
        {
            if (disks[i] is null)
            {
                yield return ArrayVerdicts.NotCaptured("/dev/" + members[i], "disk", $"the disk holding {members[i]}");
            }
        }

        foreach (var disk in disks.OfType<SnapshotDisk>().DistinctBy(d => d.Name).OrderBy(d => d.Name, StringComparer.Ordinal))
        {
            yield return Verdict(disk, root.Name);
        }
    }

    private static CheckFinding Verdict(SnapshotDisk disk, string array)
    {
        var subject = disk.DevicePath;
        var head = disk.Regions.FirstOrDefault(r => r.Offset == 0 && r.Bytes.Length >= BootCodeIdentifier.BootCodeLength);
        if (disk.UnreadableReason is not null || head is null)
        {
            return ArrayVerdicts.NotCaptured(subject, "boot code", $"the first sector of {subject}");
        }

        var kind = BootCodeIdentifier.Identify(head.Bytes.Span[..BootCodeIdentifier.BootCodeLength]);
        return kind switch
        {
            BootCodeKind.Zeroed => new(FindingState.Critical, "no-boot-code", subject, $"{subject} no boot code",
                $"cannot boot alone: its MBR holds no boot code (the first 440 bytes are zero), so if the other disk of {array} dies the BIOS finds nothing to start"),
            BootCodeKind.Unknown => new(FindingState.Note, "boot-code-unknown", subject, $"{subject} boot code not recognised",
                "boot code not recognised (not syslinux or GRUB 2): xsraid cannot tell whether this disk boots alone"),
            _ => new(FindingState.Ok, "boot-code", subject, $"{subject} boot code {BootCodeNames.Of(kind)}",
                $"boot code {BootCodeNames.Of(kind)} in its MBR"),
        };
    }

    /// <summary>"/dev/md0" and "/dev/md127p1" (a partition of a whole-disk array) are on md0 / md127.</summary>
    private static bool IsOn(string device, string array) =>
        device == "/dev/" + array || device == "/dev/md/" + array[2..]
        || (device.StartsWith("/dev/" + array + "p", StringComparison.Ordinal) && device["/dev/".Length..].Length > array.Length + 1
            && device[("/dev/" + array + "p").Length..].All(char.IsAsciiDigit));

    /// <summary>The disk a member is (sda for a whole-disk member) or is a partition of.</summary>
    private static SnapshotDisk? DiskOf(HostSnapshot snapshot, string member) =>
        snapshot.Disks.FirstOrDefault(d => d.Name == member) ?? snapshot.Disks.FirstOrDefault(d => d.Partitions.Any(p => p.Name == member));
}
