namespace XsRaid.Planning;

/// <summary>
/// Phase 2 of a whole-disk conversion, only after / is verified inside the array: the original disk loses its table
/// and signatures, joins the array as a whole disk, resyncs, gets GRUB's boot code; then the original labels and the
/// files that name them come back.
/// </summary>
public static class WholeDiskJoinSteps
{
    public static IEnumerable<PlanStep> Create(PlanContext c)
    {
        var w = c.WholeDisk!;
        var md = w.Array.Device;
        var source = c.SourceDevice;
        yield return Step(c, "verify-root-on-array", $"Check that / is {c.NewRootDevice}",
            "Nothing touches the original disk unless the host really runs from the mirror; otherwise this is a roll-back.",
            [], null, null, new HostCheck($"/ is on {c.NewRootDevice}", HostCommand.Sh(Snippets.RootIsOn, c.NewRootDevice))) with { Kind = StepKind.Guard };

        var oldRoot = w.Root.SourcePartition;
        var oldMount = PlanContext.NewRootMount + "-old";
        var joined = new HostCheck($"{source} is a member of {md}", HostCommand.Sh(Snippets.ArrayHasMember, md, source));
        yield return Step(c, "make-mirror-default", "Make the mirror the default boot of the original disk",
            "Until the original disk is wiped, a reboot must come back on the mirror, not on the old root.",
            [HostCommand.Sh(Snippets.MountOnce, oldRoot, oldMount), c.Boot.MakeOneShotDefault(c, oldMount), HostCommand.Sh(Snippets.UnmountIfMounted, oldMount)],
            source, new HostCheck($"{oldRoot} is gone or {source} is a member of {md}", HostCommand.Sh(Snippets.PartitionGoneOrJoined, md, source, oldRoot)), null);

        // the volume group leaves the old storage partition before the original disk is wiped
        foreach (var step in c.VolumeGroupMove is { } move ? VolumeGroupMoveSteps.Create(move, PlanPhase.JoinMirror) : [])
        {
            yield return step;
        }

        var blank = new HostCheck($"{source} has no partition table of its own (or is a member of {md})", HostCommand.Sh(Snippets.BlankOrMemberOf, md, source));
        yield return Step(c, "wipe-source", $"Wipe {source}'s partition table and signatures",
            $"It joins {md} as a whole disk, as the installer's members are; its old table and filesystems must not be seen beside the array's. It refuses while anything on {source} is mounted or swap.",
            [HostCommand.Sh(Snippets.DiskUnused, source), HostCommand.Sh(Snippets.WipeSignatures, source), HostCommand.Of("sgdisk", "--zap-all", source), HostCommand.Sh(Snippets.RereadPartitionTable, source)],
            source, joined, blank);

        yield return Step(c, $"join-{BuildMirrorSteps.Name(md)}", $"Add {source} to {md}",
            "The whole disk joins; the mirror copies onto it from its first sector.",
            [HostCommand.Of("mdadm", md, "--add", source)], source, joined, joined);

        var clean = new HostCheck($"{md} is clean with both members", HostCommand.Sh(Snippets.ArraysClean, md));
        yield return Step(c, "raise-resync-speed", "Raise the resync speed floor",
            $"speed_limit_min {JoinMirrorSteps.ResyncFloorKBps} KB/s so the resync is not starved; restored afterwards.",
            [HostCommand.Sh(Snippets.SetResyncFloor, JoinMirrorSteps.ResyncFloorKBps)], null, clean, null);

        yield return Step(c, "wait-resync", "Wait for the resync",
            $"The original disk holds a full copy only when {md} is clean. A reset before the resync has passed the BIOS boot partition leaves {source} without GRUB's core.img: boot {c.TargetDevice} (see the notes).",
            [HostCommand.Sh("mdadm --wait \"$@\" >/dev/null 2>&1; exit 0", md)], null, clean, clean) with { Kind = StepKind.ResyncWait };

        yield return Step(c, "restore-resync-speed", "Restore the resync speed floor",
            "Back to the host's own setting.", [HostCommand.Sh(Snippets.SetResyncFloor, JoinMirrorSteps.OriginalResyncFloor(c))], null, null, null);

        yield return c.Boot.InstallOnSource(c);

        foreach (var v in w.Volumes)
        {
            var labelled = new HostCheck($"{v.Device} is labelled {v.Label}", HostCommand.Sh(Snippets.HasBlkidLabel, v.Device, v.Label));
            yield return Step(c, $"restore-label-{v.Role.Name}", $"Give {v.Device} its label {v.Label} back",
                "The old disk's copy is gone, so the label is unambiguous again; the installer and its upgrades find the install by these labels. udev is told, so /dev/disk/by-label has it at once." + (v.IsSwap ? " Swap in use is turned off for the relabel (on again once fstab names the label: activate-" + v.Role.Name + ")." : ""),
                [v.IsSwap ? HostCommand.Sh(Snippets.RelabelSwap, v.Device, v.Label) : HostCommand.Of("e2label", v.Device, v.Label), HostCommand.Sh(Snippets.TellUdev, v.Device)],
                v.Device, labelled, labelled);
        }

        if (c.Facts.Fstab is { } fstab)
        {
            yield return BuildMirrorSteps.WriteFileStep(c, "restore-fstab", "Give /etc/fstab its original labels back",
                "The host's own fstab, as the installer wrote it.", "/etc/fstab", fstab, c.NewRootDevice) with { Phase = PlanPhase.JoinMirror };
        }

        foreach (var v in w.Volumes.Where(v => v.IsSwap))
        {
            var on = new HostCheck($"{v.Device} is an active swap area", HostCommand.Sh(Snippets.SwapActive, v.Device));
            yield return Step(c, $"activate-{v.Role.Name}", $"Turn swap on {v.Device} on again",
                "As the host's boot does: under systemd through the swap unit of the fstab entry (daemon-reload first), so that systemd's view of the swap stays its own and the next shutdown turns it off cleanly; else swapon.",
                [HostCommand.Sh(Snippets.ActivateSwap, v.Device, "/dev/disk/by-label/" + v.Label)], null, on, on);
        }

        yield return BuildMirrorSteps.WriteFileStep(c, "restore-boot-config", $"Point every boot entry at {w.Root.Label}",
            $"{c.Boot.ConfigPath} as the installer writes it for a RAID install: the original label and rd.auto.",
            c.Boot.ConfigPath, c.Boot.RewriteRoot(c.Profile.BootConfig, "LABEL=" + w.Root.Label), c.NewRootDevice) with { Phase = PlanPhase.JoinMirror };

        var initrd = "/boot/" + c.Profile.Initrd.FileName(c.KernelVersion);
        yield return Step(c, "verify-mirror", "Verify the mirror",
            $"{md} clean with both members, GRUB's boot code on both disks, mdadm.conf lists {md} by UUID, the initrd holds raid1 and mdadm.conf, / inside the array.",
            [
                HostCommand.Sh(Snippets.ArraysClean, md),
                .. c.Boot.BootCodeChecks(c),
                HostCommand.Sh(Snippets.MdadmConfListsArrays, c.Os.MdadmConfPath, md),
                new HostCommand(c.Profile.Initrd.ContentCheck(initrd)),
                HostCommand.Sh(Snippets.RootIsOn, c.NewRootDevice),
            ],
            null, null, null) with { Kind = StepKind.VerifyOnly };
    }

    private static PlanStep Step(PlanContext c, string id, string title, string why, IReadOnlyList<HostCommand> commands,
        string? writes, HostCheck? doneWhen, HostCheck? verify) =>
        BuildMirrorSteps.Step(c, id, title, why, commands, writes, doneWhen, verify, PlanPhase.JoinMirror);
}
