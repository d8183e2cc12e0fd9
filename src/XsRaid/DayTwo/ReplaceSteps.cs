using System.Globalization;
using XsRaid.Planning;

namespace XsRaid.DayTwo;

/// <summary>
/// The steps of a replacement, in order: what is left of the failed disk's members leaves the arrays; the new disk
/// gets the survivor's partition table (new GUIDs, Linux RAID types, not bootable until it holds a full copy); each of
/// its partitions joins its array; the resync is waited for; the profile's bootloader puts its boot code on the new
/// disk; then everything is verified. No reboot.
/// </summary>
public static class ReplaceSteps
{
    public static IEnumerable<PlanStep> Create(ReplaceContext c)
    {
        var newDisk = c.NewDevice;
        var numbers = c.Arrays.Select(a => a.PartitionNumber.ToString(CultureInfo.InvariantCulture)).ToArray();
        foreach (var array in c.Arrays.Where(a => a.FailedPartition is not null))
        {
            var failed = array.FailedPartition!;
            var gone = c.Failed is null && c.Facts.Disks.All(d => !SafetyRules.IsOnDisk(failed, d.Disk.Name));
            if (gone)
            {
                var noFaulty = new HostCheck($"{array.Device} lists no faulty member", HostCommand.Sh(ReplaceSnippets.NoFaultyMember, array.Device));
                yield return Step($"remove-detached-{Name(array.Device)}", $"Remove {failed} (its disk is gone) from {array.Device}",
                    "md still lists the member of a disk that was taken out; it leaves the array so the new partition takes its slot.",
                    [HostCommand.Sh(ReplaceSnippets.RemoveDetached, array.Device)], array.Device, noFaulty, noFaulty);
                continue;
            }

            var removed = new HostCheck($"{array.Device} no longer lists {failed}", HostCommand.Sh(ReplaceSnippets.ArrayLacksMember, array.Device, failed));
            yield return Step($"remove-failed-{Name(array.Device)}", $"Fail and remove {failed} from {array.Device}",
                "What is left of the failed disk's member leaves the array (marked failed first if md has not done so).",
                [HostCommand.Sh(ReplaceSnippets.FailAndRemove, array.Device, failed)], array.Device, removed, removed);
        }

        var sameLayout = new HostCheck($"{newDisk} has {c.SurvivorDevice}'s partition layout with Linux RAID types",
            HostCommand.Sh(Snippets.LayoutCopied, [newDisk, c.SurvivorDevice, .. numbers]));
        if (c.Options.WipeTarget)
        {
            var wipes = c.NewDisk.Report!.PartitionTable.Partitions
                .Select(p => HostCommand.Sh(Snippets.WipeSignatures, PlanContext.PartitionOf(newDisk, p.Number)))
                .Append(HostCommand.Sh(Snippets.WipeSignatures, newDisk))
                .Append(HostCommand.Of("sgdisk", "--zap-all", newDisk));
            yield return Step("wipe-new-disk", "Wipe old signatures from the new disk",
                "--wipe-target: stale md superblocks, filesystems and partition tables on a reused disk must not be taken for members.",
                [.. wipes], newDisk, sameLayout, null);
        }

        var boot = c.RootArray.PartitionNumber;
        yield return Step("partition-new-disk", $"Copy {c.SurvivorDevice}'s partition table to the new disk",
            ("Same partitions, new GUIDs (sgdisk -R, then -G), type Linux RAID on each member. " + c.Profile.Boot.ClearBootableWhy(boot)).Trim(),
            [
                HostCommand.Of("sgdisk", $"--replicate={newDisk}", c.SurvivorDevice),
                HostCommand.Of(["sgdisk", "--randomize-guids", .. numbers.Select(n => $"--typecode={n}:{c.Profile.Layout.MemberTypeCode}"), .. c.Profile.Boot.ClearBootable(boot), newDisk]),
                HostCommand.Sh(Snippets.RereadPartitionTable, newDisk),
            ],
            newDisk, sameLayout, sameLayout);

        foreach (var array in c.Arrays)
        {
            var member = new HostCheck($"{array.Device} has {array.NewPartition}", HostCommand.Sh(Snippets.ArrayHasMember, array.Device, array.NewPartition));
            yield return Step($"add-{Name(array.Device)}", $"Add {array.NewPartition} to {array.Device}",
                "Stale signatures are wiped first, then the partition joins and md copies the survivor's member onto it.",
                [HostCommand.Sh(Snippets.WipeSignatures, array.NewPartition), HostCommand.Of("mdadm", array.Device, "--add", array.NewPartition)],
                newDisk, member, member);
        }

        var clean = new HostCheck("every array is clean with both members", HostCommand.Sh(Snippets.ArraysClean, c.ArrayDevices));
        yield return Step("raise-resync-speed", "Raise the resync speed floor",
            $"speed_limit_min {JoinMirrorSteps.ResyncFloorKBps} KB/s so the resync is not starved; restored afterwards.",
            [HostCommand.Sh(Snippets.SetResyncFloor, JoinMirrorSteps.ResyncFloorKBps)], null, clean, null);

        yield return Step("wait-resync", "Wait for the resync",
            "The new disk holds a full copy only when every array is clean.",
            [HostCommand.Sh("mdadm --wait \"$@\" >/dev/null 2>&1; exit 0", c.ArrayDevices)], null, clean, clean) with { Kind = StepKind.ResyncWait };

        yield return Step("restore-resync-speed", "Restore the resync speed floor",
            "Back to the host's own setting.", [HostCommand.Sh(Snippets.SetResyncFloor, OriginalResyncFloor(c))], null, null, null);

        var hasBootCode = c.Profile.Boot.HasBootCodeOn(newDisk);
        yield return Step("boot-code-new-disk", $"Write the {c.Profile.Boot.Name} boot code to the new disk and mark partition {boot} bootable",
            "Either disk boots alone again: boot code in both MBRs, the root partition bootable on both (only now that it holds a full copy).",
            c.Profile.Boot.WriteBootCode(newDisk, boot), newDisk, null, hasBootCode);

        yield return Step("verify-replacement", "Verify the mirror",
            "Every array clean with both members, boot code on both disks, mdadm.conf lists the arrays by UUID, / on its array.",
            [
                HostCommand.Sh(Snippets.ArraysClean, c.ArrayDevices),
                c.Profile.Boot.HasBootCodeOn(c.SurvivorDevice).Command,
                hasBootCode.Command,
                HostCommand.Sh(Snippets.MdadmConfListsArrays, [c.Profile.Os.MdadmConfPath, .. c.ArrayDevices]),
                HostCommand.Sh(Snippets.RootIsOn, c.RootArray.Device),
            ],
            null, null, null) with { Kind = StepKind.VerifyOnly };
    }

    private static string OriginalResyncFloor(ReplaceContext c) =>
        c.Facts.Snapshot.File("/proc/sys/dev/raid/speed_limit_min")?.Trim() is { Length: > 0 } v && v.All(char.IsAsciiDigit) ? v : "1000";

    private static string Name(string device) => device[(device.LastIndexOf('/') + 1)..];

    private static PlanStep Step(string id, string title, string why, IReadOnlyList<HostCommand> commands, string? writes, HostCheck? doneWhen, HostCheck? verify) =>
        new(id, PlanPhase.Replace, title, why, commands, writes, doneWhen, verify);
}
