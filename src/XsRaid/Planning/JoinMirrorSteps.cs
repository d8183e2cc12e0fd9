namespace XsRaid.Planning;

/// <summary>
/// Phase 2, only after / is verified on the array: the original disk is re-partitioned from the mirror's, joins
/// every array, resyncs, and gets its boot code back.
/// </summary>
public static class JoinMirrorSteps
{
    public const string ResyncFloorKBps = "100000";

    public static IEnumerable<PlanStep> Create(PlanContext c)
    {
        var source = c.SourceDevice;
        var numbers = c.Arrays.Select(a => a.PartitionNumber.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        yield return Step(c, "verify-root-on-array", $"Check that / is {c.RootArray.Device}",
            "Nothing touches the original disk unless the host really runs from the mirror; otherwise this is a roll-back.",
            [], null, null, new HostCheck($"/ is on {c.RootArray.Device}", HostCommand.Sh(Snippets.RootIsOn, c.RootArray.Device))) with { Kind = StepKind.Guard };

        var oldRoot = c.RootArray.SourcePartition;
        var oldMount = PlanContext.NewRootMount + "-old";
        var joined = new HostCheck($"{oldRoot} is already part of {c.RootArray.Device}", HostCommand.Sh(Snippets.ArrayHasMember, c.RootArray.Device, oldRoot));
        yield return Step(c, "make-mirror-default", "Make the mirror the default boot of the original disk",
            "Until the original disk has joined, a reboot must come back on the mirror, not on the old root.",
            [
                HostCommand.Sh(Snippets.MountOnce, oldRoot, oldMount),
                c.Boot.MakeOneShotDefault(c, oldMount),
                HostCommand.Sh(Snippets.UnmountIfMounted, oldMount),
            ],
            source, joined, null);

        // the volume group leaves the old storage partition before anything rewrites the original disk's table
        foreach (var step in c.VolumeGroupMove is { } move ? VolumeGroupMoveSteps.Create(move, PlanPhase.JoinMirror) : [])
        {
            yield return step;
        }

        var layout = new HostCheck($"{source} has {c.TargetDevice}'s layout with Linux RAID types", HostCommand.Sh(Snippets.LayoutCopied, [source, c.TargetDevice, .. numbers]));
        yield return Step(c, "repartition-source", "Copy the mirror's partition layout to the original disk",
            ("Same layout, new GUIDs. " + c.Boot.ClearBootableWhy(c.RootArray.PartitionNumber)).Trim(),
            [
                HostCommand.Of("sgdisk", $"--replicate={source}", c.TargetDevice),
                HostCommand.Of(["sgdisk", "--randomize-guids", .. c.Boot.ClearBootable(c.RootArray.PartitionNumber), source]),
                HostCommand.Sh(Snippets.RereadPartitionTable, source),
            ],
            source, layout, layout);

        foreach (var array in c.Arrays)
        {
            var member = new HostCheck($"{array.Device} has {array.SourcePartition}", HostCommand.Sh(Snippets.ArrayHasMember, array.Device, array.SourcePartition));
            yield return Step(c, $"join-{BuildMirrorSteps.Name(array.Device)}", $"Add {array.SourcePartition} to {array.Device}",
                "Stale signatures are wiped first, then the partition joins and the mirror copies onto it.",
                [HostCommand.Sh(Snippets.WipeSignatures, array.SourcePartition), HostCommand.Of("mdadm", array.Device, "--add", array.SourcePartition)],
                source, member, member);
        }

        var clean = new HostCheck("every array is clean with both members", HostCommand.Sh(Snippets.ArraysClean, c.ArrayDevices));
        yield return Step(c, "raise-resync-speed", "Raise the resync speed floor",
            $"speed_limit_min {ResyncFloorKBps} KB/s so the resync is not starved; restored afterwards.",
            [HostCommand.Sh(Snippets.SetResyncFloor, ResyncFloorKBps)], null, clean, null);

        yield return Step(c, "wait-resync", "Wait for the resync",
            "The original disk holds a full copy only when every array is clean.",
            [HostCommand.Sh("mdadm --wait \"$@\" >/dev/null 2>&1; exit 0", c.ArrayDevices)], null, clean, clean) with { Kind = StepKind.ResyncWait };

        yield return Step(c, "restore-resync-speed", "Restore the resync speed floor",
            "Back to the host's own setting.", [HostCommand.Sh(Snippets.SetResyncFloor, OriginalResyncFloor(c))], null, null, null);

        yield return c.Boot.InstallOnSource(c);

        if (c.Root.Label is { Length: > 0 } label)
        {
            var labelled = new HostCheck($"{c.RootArray.Device} is labelled {label}", HostCommand.Sh(Snippets.HasLabel, c.RootArray.Device, label));
            yield return Step(c, "restore-root-label", $"Give the root filesystem its label {label} back",
                "The old root is gone, so the label is unambiguous again; tools that look for it find the mirror. udev is told, so /dev/disk/by-label has it at once.",
                [HostCommand.Of("e2label", c.RootArray.Device, label), HostCommand.Sh(Snippets.TellUdev, c.RootArray.Device)], c.RootArray.Device, labelled, labelled);
        }

        var initrd = "/boot/" + c.Profile.Initrd.FileName(c.KernelVersion);
        yield return Step(c, "verify-mirror", "Verify the mirror",
            "Every array clean with both members, boot code on both disks, mdadm.conf lists the arrays by UUID, the initrd holds raid1 and mdadm.conf, / on the array.",
            [
                HostCommand.Sh(Snippets.ArraysClean, c.ArrayDevices),
                .. c.Boot.BootCodeChecks(c),
                HostCommand.Sh(Snippets.MdadmConfListsArrays, [c.Os.MdadmConfPath, .. c.ArrayDevices]),
                new HostCommand(c.Profile.Initrd.ContentCheck(initrd)),
                HostCommand.Sh(Snippets.RootIsOn, c.RootArray.Device),
            ],
            null, null, null) with { Kind = StepKind.VerifyOnly };
    }

    internal static string OriginalResyncFloor(PlanContext c) =>
        c.Facts.Snapshot.File("/proc/sys/dev/raid/speed_limit_min")?.Trim() is { Length: > 0 } v && v.All(char.IsAsciiDigit) ? v : "1000";

    private static PlanStep Step(PlanContext c, string id, string title, string why, IReadOnlyList<HostCommand> commands,
        string? writes, HostCheck? doneWhen, HostCheck? verify) =>
        BuildMirrorSteps.Step(c, id, title, why, commands, writes, doneWhen, verify, PlanPhase.JoinMirror);
}
