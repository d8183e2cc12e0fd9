using XsRaid.Health;
using XsRaid.Inspection;
using XsRaid.Planning;
using XsRaid.Platforms;

namespace XsRaid.DayTwo;

/// <summary>
/// `xsraid replace`: a new disk takes the place of a failed or missing one in a per-partition mirror. Pure: the same
/// facts and options give the same plan. The survivor is the disk that holds the arrays' complete members; the new
/// disk must pass the conversion's target rules against it (size, sector size, not in use, blank unless
/// --wipe-target); a replacement already under way (the new disk laid out like the survivor, its partitions blank or
/// members of these arrays) is continued rather than refused.
/// </summary>
public static class ReplacePlanner
{
    public static DayTwoResult Plan(HostFacts facts, ReplaceOptions options)
    {
        var (profile, profileRefusals) = ProfileResolver.Resolve(facts);
        return profile is null ? DayTwoResult.Refused(profileRefusals) : Plan(facts, profile, options);
    }

    public static DayTwoResult Plan(HostFacts facts, HostProfile profile, ReplaceOptions options)
    {
        var arrays = MirrorArrays.Read(facts.Snapshot).Where(a => a.IsMirror || !a.IsRunning).ToList();
        var rootDevice = HealthCheck.RootDevice(facts.Snapshot);
        var rootArray = arrays.FirstOrDefault(a => a.Device == rootDevice);
        if (rootArray is null)
        {
            return DayTwoResult.Refused([new Refusal(DayTwoRules.NoMirror,
                $"/ is on {rootDevice ?? "an unknown device"}, not on a RAID1 array: there is no mirror to repair.",
                "Make the mirror first (xsraid plan / convert).")]);
        }

        var newDisk = facts.Disk(options.NewDisk);
        if (newDisk is null)
        {
            return DayTwoResult.Refused([new Refusal(RuleIds.TargetNotFound,
                $"the host has no disk {options.NewDisk} (disks: {string.Join(", ", facts.Disks.Select(d => d.Disk.DevicePath))}).",
                "Name the new disk as /dev/sdX or /dev/disk/by-id/NAME.")]);
        }

        var failed = options.FailedDisk is { } failedName ? facts.Disk(failedName) : null;
        if (options.FailedDisk is not null && failed is null)
        {
            return DayTwoResult.Refused([new Refusal(DayTwoRules.FailedDiskNotFound,
                $"the host has no disk {options.FailedDisk}; if it was taken out already, say --missing.",
                "Name the failed disk as the host sees it now, or use --missing.")]);
        }

        var mirrored = arrays.Where(a => a.Members.Any(m => DiskOf(facts, m.Device) != newDisk.Disk.Name)).ToList();
        var holders = mirrored.SelectMany(a => a.Members).Where(m => !m.Faulty)
            .Select(m => DiskOf(facts, m.Device)).OfType<string>()
            .Where(d => d != newDisk.Disk.Name && d != failed?.Disk.Name)
            .Distinct(StringComparer.Ordinal).ToList();
        if (holders.Count > 1)
        {
            return DayTwoResult.Refused([new Refusal(DayTwoRules.FailedDiskUnclear,
                $"members of the arrays are on {string.Join(" and ", holders.Select(h => "/dev/" + h))}: which one is to be replaced is not clear.",
                "Name it with --failed DISK.")]);
        }

        var survivor = holders.Count == 1 ? facts.Disk(holders[0]) : null;
        var refusals = new List<Refusal>();
        refusals.AddRange(SurvivorRefusals(facts, mirrored, survivor, failed));
        if (survivor is null || refusals.Count > 0)
        {
            return DayTwoResult.Refused(refusals.Count > 0 ? refusals : [new Refusal(DayTwoRules.SurvivorNotHealthy,
                "no disk holds a complete member of the arrays.", "Restore from backup; there is nothing to copy from.")]);
        }

        var wholeDisk = mirrored.Where(a => a.Members.Any(m => "/dev/" + m.Device == survivor.Disk.DevicePath)).ToList();
        if (wholeDisk.Count > 0)
        {
            return DayTwoResult.Refused([new Refusal(RuleIds.UnsupportedLayout,
                $"{string.Join(", ", wholeDisk.Select(a => a.Device))} mirror(s) the whole disk {survivor.Disk.DevicePath}; xsraid replaces members of per-partition mirrors.",
                "Replace the disk by hand (mdadm --add the whole new disk).")]);
        }

        var plannedArrays = Arrays(facts, mirrored, survivor, newDisk);
        var inProgress = UnderWay(facts, survivor, newDisk, plannedArrays);
        var targetFacts = inProgress ? facts with { Arrays = [.. facts.Arrays.Where(a => plannedArrays.All(p => p.Device != "/dev/" + a.Name))] } : facts;
        var targetRefusals = SafetyRules.Target(targetFacts, survivor, newDisk, new PlanOptions(options.NewDisk, WipeTarget: options.WipeTarget))
            .Where(r => !(inProgress && r.Rule == RuleIds.TargetHasSignatures));
        refusals.AddRange(targetRefusals);
        if (MissingTools(facts) is { Count: > 0 } missing)
        {
            refusals.Add(new Refusal(RuleIds.ToolMissing, $"the host lacks {string.Join(", ", missing)}, which the replacement runs.",
                "Install them from the platform's own packages (xsraid never installs anything on the host) and plan again."));
        }

        if (refusals.Count > 0)
        {
            return DayTwoResult.Refused(refusals);
        }

        var context = new ReplaceContext(facts, profile, options with { WipeTarget = options.WipeTarget && !inProgress }, survivor, newDisk, failed,
            plannedArrays, plannedArrays.Single(a => a.Device == rootArray.Device));
        return DayTwoResult.Ok(new DayTwoPlan("replace", facts.Snapshot.HostName, profile.DisplayName, survivor.Identity, newDisk.Identity,
            failed?.Disk.DevicePath, plannedArrays, [.. ReplaceSteps.Create(context)], Notes(context, inProgress)));
    }

    /// <summary>The kernel name of the disk a member partition (sda1) is on, when that disk is in the facts.</summary>
    public static string? DiskOf(HostFacts facts, string member) =>
        facts.Disks.FirstOrDefault(d => SafetyRules.IsOnDisk("/dev/" + member, d.Disk.Name))?.Disk.Name;

    private static IEnumerable<Refusal> SurvivorRefusals(HostFacts facts, IReadOnlyList<MirrorArray> arrays, DiskFacts? survivor, DiskFacts? failed)
    {
        foreach (var array in arrays)
        {
            var onSurvivor = survivor is null ? null : array.Members.FirstOrDefault(m => DiskOf(facts, m.Device) == survivor.Disk.Name);
            var onFailed = failed is null ? null : array.Members.FirstOrDefault(m => DiskOf(facts, m.Device) == failed.Disk.Name);
            if (!array.IsRunning)
            {
                yield return new Refusal(DayTwoRules.SurvivorNotHealthy, $"{array.Device} is not running (inactive).",
                    "Start it first (mdadm --run, or assemble it from the surviving disk) and look at why it stopped; then plan again.");
            }
            else if (onSurvivor is not { InSync: true })
            {
                var where = survivor is null ? "no remaining disk" : survivor.Disk.DevicePath;
                yield return onFailed is { InSync: true, Faulty: false }
                    ? new Refusal(DayTwoRules.FailedIsOnlyCopy,
                        $"{array.Device}'s only complete member is /dev/{onFailed.Device} on the disk to be replaced ({failed!.Disk.DevicePath}); {where} has no complete copy of it.",
                        "Let the array finish its resync (xsraid check shows it), or replace the other disk.")
                    : new Refusal(DayTwoRules.SurvivorNotHealthy,
                        $"{where} holds no complete member of {array.Device} ({(onSurvivor is null ? "no member there" : onSurvivor.Faulty ? $"/dev/{onSurvivor.Device} is faulty" : $"/dev/{onSurvivor.Device} is still being rebuilt")}).",
                        "Wait for a running rebuild to end, or restore from backup; a replacement copies from the surviving disk only.");
            }
        }
    }

    private static List<ReplaceArray> Arrays(HostFacts facts, IReadOnlyList<MirrorArray> arrays, DiskFacts survivor, DiskFacts newDisk)
    {
        var partitions = survivor.Report?.PartitionTable.Partitions ?? [];
        var result = new List<ReplaceArray>();
        foreach (var array in arrays)
        {
            var member = array.Members.First(m => DiskOf(facts, m.Device) == survivor.Disk.Name && m.InSync);
            var partition = partitions.First(p => DiskInspector.PartitionName(survivor.Disk.DevicePath, p.Number) == "/dev/" + member.Device);
            var leftover = array.Members.FirstOrDefault(m => DiskOf(facts, m.Device) is var d && d != survivor.Disk.Name && d != newDisk.Disk.Name);
            result.Add(new ReplaceArray(array.Device, partition.Number, "/dev/" + member.Device,
                DiskInspector.PartitionName(newDisk.Disk.DevicePath, partition.Number), leftover is null ? null : "/dev/" + leftover.Device));
        }

        return [.. result.OrderBy(a => a.PartitionNumber)];
    }

    /// <summary>
    /// A replacement of an earlier run: the new disk has the survivor's partitions (numbers, starts, ends), and each
    /// of them is blank or a member of its array (the add ran, the resync may still run).
    /// </summary>
    private static bool UnderWay(HostFacts facts, DiskFacts survivor, DiskFacts newDisk, IReadOnlyList<ReplaceArray> arrays)
    {
        var mine = newDisk.Report?.PartitionTable.Partitions;
        var theirs = survivor.Report?.PartitionTable.Partitions;
        if (mine is null || theirs is null || mine.Count != theirs.Count || mine.Count == 0
            || mine.Zip(theirs).Any(p => p.First.Number != p.Second.Number || p.First.FirstLba != p.Second.FirstLba || p.First.LastLba != p.Second.LastLba))
        {
            return false;
        }

        return arrays.All(a => facts.Arrays.Any(f => "/dev/" + f.Name == a.Device && f.Members.Any(m => "/dev/" + m == a.NewPartition))
            || mine.First(p => p.Number == a.PartitionNumber).Content.Type is ContentType.Empty);
    }

    /// <summary>The tools the replacement's commands run (the boot code is written with dd, not the bootloader's installer).</summary>
    private static readonly string[] Tools = ["mdadm", "sgdisk", "blockdev", "dd", "cmp", "stat"];

    private static List<string> MissingTools(HostFacts facts) => [.. Tools.Where(t => !facts.Snapshot.HasTool(t))];

    private static List<string> Notes(ReplaceContext c, bool inProgress)
    {
        var notes = new List<string>();
        if (inProgress)
        {
            notes.Add($"{c.NewDisk.Disk.DevicePath} already has {c.Survivor.Disk.DevicePath}'s layout from an earlier run: the replacement continues (steps already done are skipped).");
        }

        notes.Add($"mdadm.conf and the initrd stay as they are: the arrays keep their UUIDs (a member is replaced, no array is made), and both name the arrays by UUID.");
        if (c.NewDisk.Disk.SizeBytes > c.Survivor.Disk.SizeBytes)
        {
            notes.Add($"{c.NewDisk.Disk.DevicePath} is larger than {c.Survivor.Disk.DevicePath}; the extra space stays unused.");
        }

        return notes;
    }
}
