namespace XsRaid.Planning;

/// <summary>Phase 1: the degraded mirror on the target disk, the copy, and the one-shot boot into it.</summary>
public static class BuildMirrorSteps
{
    public static IEnumerable<PlanStep> Create(PlanContext c)
    {
        var target = c.TargetDevice;
        var numbers = c.Arrays.Select(a => a.PartitionNumber.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var firstMember = c.RootArray.TargetPartition;
        var startedWhen = new HostCheck($"{c.RootArray.Device} runs with {firstMember}", HostCommand.Sh(Snippets.ArrayHasMember, c.RootArray.Device, firstMember));

        if (c.Options.WipeTarget)
        {
            var wipes = c.Target.Report!.PartitionTable.Partitions
                .Select(p => HostCommand.Sh(Snippets.WipeSignatures, PlanContext.PartitionOf(target, p.Number)))
                .Append(HostCommand.Sh(Snippets.WipeSignatures, target))
                .Append(HostCommand.Of("sgdisk", "--zap-all", target));
            yield return Step(c, "wipe-target", "Wipe old signatures from the target disk",
                "--wipe-target: stale md superblocks, filesystems and partition tables on a reused disk are a top cause of failed conversions.",
                [.. wipes], target, startedWhen, null);
        }

        var sameLayout = new HostCheck($"{target} has {c.SourceDevice}'s partition layout with Linux RAID types",
            HostCommand.Sh(Snippets.LayoutCopied, [target, c.SourceDevice, .. numbers]));
        yield return Step(c, "partition-target", "Copy the partition layout to the target disk",
            "The mirror's members must have the system disk's partition sizes; new GUIDs keep the two disks distinct (sgdisk -R copies them), type Linux RAID marks the members.",
            [
                HostCommand.Of("sgdisk", $"--replicate={target}", c.SourceDevice),
                HostCommand.Of("sgdisk", "--randomize-guids", target),
                HostCommand.Of(["sgdisk", .. numbers.Select(n => $"--typecode={n}:{c.Layout.MemberTypeCode}"), .. c.Boot.MarkBootable(c.RootArray.PartitionNumber), target]),
                HostCommand.Sh(Snippets.RereadPartitionTable, target),
            ],
            target, sameLayout, sameLayout);

        foreach (var array in c.Arrays)
        {
            var running = new HostCheck($"{array.Device} runs with {array.TargetPartition}", HostCommand.Sh(Snippets.ArrayHasMember, array.Device, array.TargetPartition));
            yield return Step(c, $"create-{Name(array.Device)}", $"Create {array.Device} ({array.Role}) degraded on {array.TargetPartition}",
                $"RAID1 with the system disk's partition {array.PartitionNumber} 'missing' for now; metadata {array.Metadata} keeps the data at the partition start, the internal bitmap makes resyncs after a crash short.",
                [HostCommand.Sh(Snippets.StopOtherArrayHolding, array.Device, array.TargetPartition),
                    HostCommand.Of("mdadm", "--create", array.Device, "--run", $"--metadata={array.Metadata}", "--level=1", "--raid-devices=2",
                    "--bitmap=internal", array.TargetPartition, "missing")],
                target, running, running);
        }

        var root = c.RootArray.Device;
        var labelled = new HostCheck($"{root} carries the temporary label {c.TemporaryLabel}", HostCommand.Sh(Snippets.HasLabel, root, c.TemporaryLabel));
        yield return Step(c, "mkfs-root", $"Make the {c.Root.FsType} filesystem on {root}",
            $"The new root. It gets a temporary label ({c.TemporaryLabel}) so that while the old root exists no boot can confuse the two; the root label comes back in phase 2.",
            [HostCommand.Of(MkfsArgv(c))], target, labelled, labelled);

        var mounted = new HostCheck($"{PlanContext.NewRootMount} is mounted", HostCommand.Sh(Snippets.IsMounted, PlanContext.NewRootMount));
        var sourceView = PlanContext.NewRootMount + "-src";
        yield return Step(c, "mount-new-root", "Mount the new root, and bind the old root beside it",
            "The copy reads the old root through a bind mount, which also shows what mounts hide (static /dev nodes), and writes the array.",
            [HostCommand.Sh(Snippets.MountOnce, root, PlanContext.NewRootMount), HostCommand.Sh(Snippets.BindRootOnce, sourceView)],
            null, null, mounted);

        yield return Step(c, "copy-root-live", "Copy the running root onto the array (first pass, live)",
            "Most of the data moves while the host keeps running; the final pass after stopping writers is then short.",
            CopyCommands(c, sourceView), target, null, null) with { Kind = StepKind.Copy };

        if (c.Os.WritersToStop.Count > 0)
        {
            yield return Step(c, "stop-writers", "Stop the services that write to the root", c.Os.WritersWhy,
                [HostCommand.Sh(Snippets.StopServices, [.. c.Os.WritersToStop])], null, null, null);
        }

        yield return Step(c, "copy-root-final", "Copy the root again (final pass)",
            "Picks up what changed during the first pass.", CopyCommands(c, sourceView), target, null, null) with { Kind = StepKind.Copy };

        foreach (var step in ConfigureSteps(c))
        {
            yield return step;
        }
    }

    private static IEnumerable<PlanStep> ConfigureSteps(PlanContext c)
    {
        var confPath = c.InNewRoot(c.Os.MdadmConfPath);
        var confDone = new HostCheck($"{c.Os.MdadmConfPath} on the array lists every array by UUID",
            HostCommand.Sh(Snippets.MdadmConfListsArrays, [confPath, .. c.ArrayDevices]));
        yield return Step(c, "write-mdadm-conf", "Write mdadm.conf on the new root",
            "The initrd assembles the arrays from these ARRAY lines (by UUID); MAILADDR root lets mdadm --monitor report a failed disk.",
            [HostCommand.Sh(Snippets.WriteMdadmConf, [confPath, .. c.ArrayDevices])], c.TargetDevice, confDone, confDone);

        if (c.Facts.Fstab is { } fstab)
        {
            yield return WriteFileStep(c, "rewrite-fstab", "Point /etc/fstab on the new root at the array",
                $"/ is mounted as {c.NewRootSpec}; only the root line changes (other LABEL= entries are left alone).",
                c.InNewRoot("/etc/fstab"), ConfigRewrites.Fstab(fstab, c.NewRootSpec), c.TargetDevice);
        }

        yield return WriteFileStep(c, "rewrite-boot-config", "Point every boot entry of the new root at the array",
            $"root= becomes {c.NewRootSpec} in every entry of {c.Boot.ConfigPath}, nothing else changes.",
            c.InNewRoot(c.Boot.ConfigPath), c.Boot.RewriteRoot(c.Profile.BootConfig, c.NewRootSpec), c.TargetDevice);

        foreach (var step in InitrdBootCodeAndReboot(c,
            "The initrd must load raid1 and assemble the root array before it can mount /; it is made after mdadm.conf, whose arrays it assembles."))
        {
            yield return step;
        }
    }

    /// <summary>
    /// The end of phase 1 for every mirror scope: the initrd rebuilt in the new root (after mdadm.conf, <paramref name="why"/>),
    /// the bootloader's boot code on the target, then the one reboot.
    /// </summary>
    internal static IEnumerable<PlanStep> InitrdBootCodeAndReboot(PlanContext c, string why)
    {
        var initrd = "/boot/" + c.Profile.Initrd.FileName(c.KernelVersion);
        var rebuilt = new HostCheck($"{initrd} on the new root is not older than its {c.Os.MdadmConfPath}",
            HostCommand.Sh(Snippets.NotOlderThan, c.InNewRoot(initrd), c.InNewRoot(c.Os.MdadmConfPath)));
        yield return Step(c, "rebuild-initrd", "Rebuild the initrd inside the new root", why,
            [HostCommand.Sh(Snippets.InChroot, [PlanContext.NewRootMount, .. c.Profile.Initrd.Rebuild(c.KernelVersion)])],
            c.TargetDevice, rebuilt, rebuilt);

        foreach (var step in c.Boot.InstallOnTarget(c))
        {
            yield return step;
        }

        foreach (var step in RebootSteps.Create(c))
        {
            yield return step;
        }
    }

    internal static PlanStep WriteFileStep(PlanContext c, string id, string title, string why, string path, string content, string? writes)
    {
        var done = new HostCheck($"{path} has the new content", HostCommand.Sh(Snippets.FileEquals, path) with { Stdin = content });
        return Step(c, id, title, why, [HostCommand.WriteFile(path, content)], writes, done, done);
    }

    internal static PlanStep Step(PlanContext c, string id, string title, string why, IReadOnlyList<HostCommand> commands,
        string? writes, HostCheck? doneWhen, HostCheck? verify, PlanPhase phase = PlanPhase.BuildMirror) =>
        new(id, phase, title, why, commands, writes, doneWhen, verify);

    internal static string Name(string device) => device[(device.LastIndexOf('/') + 1)..];

    private static string[] MkfsArgv(PlanContext c)
    {
        var argv = new List<string> { "mkfs." + c.Root.FsType, "-q", "-L", c.TemporaryLabel };
        if (c.Os.NamesRootByUuid)
        {
            argv.AddRange(["-U", c.NewRootUuid]);
        }

        argv.Add(c.RootArray.Device);
        return [.. argv];
    }

    /// <summary>The copy of the old root onto the new one, after what the bootloader needs done before it.</summary>
    private static HostCommand[] CopyCommands(PlanContext c, string sourceView) =>
    [
        .. c.Boot.BeforeRootCopy(c),
        c.Facts.Snapshot.HasTool("rsync")
            ? HostCommand.Of(["rsync", .. c.Os.RsyncOptions, sourceView + "/", PlanContext.NewRootMount + "/"])
            : HostCommand.Of("cp", "-ax", sourceView + "/.", PlanContext.NewRootMount + "/"),
    ];
}
