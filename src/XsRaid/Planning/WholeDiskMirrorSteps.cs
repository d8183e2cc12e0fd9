using System.Globalization;
using System.Text.RegularExpressions;
using XsRaid.Platforms.Layouts;

namespace XsRaid.Planning;

/// <summary>
/// Phase 1 of a whole-disk conversion, the installer's RAID shape: md127 over the whole target disk, degraded, with
/// the system disk's GPT inside it; new filesystems with temporary labels, the copy, the new root's files, the initrd
/// and the boot code; then the one reboot (shared <see cref="RebootSteps"/>).
/// </summary>
public static class WholeDiskMirrorSteps
{
    public static IEnumerable<PlanStep> Create(PlanContext c)
    {
        var w = c.WholeDisk!;
        var md = w.Array.Device;
        var target = c.TargetDevice;
        var running = new HostCheck($"{md} runs with {target}", HostCommand.Sh(Snippets.ArrayHasMember, md, target));

        var wipes = new List<HostCommand>();
        if (c.Options.WipeTarget)
        {
            wipes.AddRange(c.Target.Report!.PartitionTable.Partitions.Select(p => HostCommand.Sh(Snippets.WipeSignatures, PlanContext.PartitionOf(target, p.Number))));
        }

        wipes.Add(HostCommand.Sh(Snippets.WipeSignatures, target));
        if (c.Options.WipeTarget)
        {
            wipes.Add(HostCommand.Of("sgdisk", "--zap-all", target));
        }

        yield return Step(c, "wipe-target", "Zero stale metadata on the target disk",
            "As the installer does before it creates md127: a stale md superblock or partition table on a reused disk is a top cause of failed RAID installs (xcp-ng/xcp#543, #588).",
            [.. wipes], target, running, null);

        yield return Step(c, $"create-{Name(md)}", $"Create {md} degraded over the whole of {target}",
            $"The installer's Software RAID: RAID1 over whole disks, metadata 1.0 (at the end, so each disk starts with the GPT and BIOS boots it as a plain disk), named {w.Array.Name} like the installer's; the internal bitmap makes resyncs after a crash short. The system disk is 'missing' until phase 2.",
            [HostCommand.Sh(Snippets.StopOtherArrayHolding, md, target),
                HostCommand.Of("mdadm", "--create", md, "--run", $"--metadata={c.Metadata}", "--level=1", "--raid-devices=2", "--bitmap=internal",
                    $"--name={w.Array.Name}", target, "missing")],
            target, running, running);

        var rows = w.Table.Select(p => $"{N(p.Number)} {N(p.FirstLba)} {p.TypeCode}").ToArray();
        var tabled = new HostCheck($"{md} holds the GPT: {string.Join(", ", rows)}", HostCommand.Sh(Snippets.GptRowsAre, [md, .. rows]));
        yield return Step(c, $"partition-{Name(md)}", $"Write {c.SourceDevice}'s GPT inside {md}",
            $"Same numbers, start sectors, types and legacy-BIOS-bootable bits as the system disk, in the installer's on-disk order; sgdisk gives new GUIDs. {EndsWhy(w)}",
            [HostCommand.Of(["sgdisk", "--set-alignment=1", .. w.Table.SelectMany(NewPartition), .. w.Table.Where(p => p.LegacyBiosBootable).Select(p => $"--attributes={N(p.Number)}:set:2"), md]),
                HostCommand.Sh(Snippets.RereadPartitionTable, md)],
            target, tabled, tabled);

        foreach (var v in w.Volumes)
        {
            var labelled = new HostCheck($"{v.Device} carries the temporary label {v.TemporaryLabel}", HostCommand.Sh(Snippets.HasBlkidLabel, v.Device, v.TemporaryLabel));
            yield return Step(c, $"make-{v.Role.Name}", v.IsSwap ? $"Make swap on {v.Device}" : $"Make the {v.FsType} filesystem on {v.Device} ({v.Role.Name})",
                $"With a temporary label ({v.TemporaryLabel}) so that no label exists twice while {v.SourcePartition} ({v.Label}) lives; {v.Label} comes back in phase 2.",
                [v.IsSwap ? HostCommand.Of("mkswap", "-L", v.TemporaryLabel, v.Device) : HostCommand.Of("mkfs." + v.FsType, "-q", "-L", v.TemporaryLabel, v.Device)],
                target, labelled, labelled);
        }

        var sourceView = PlanContext.NewRootMount + "-src";
        var mounted = new HostCheck($"{PlanContext.NewRootMount} is mounted", HostCommand.Sh(Snippets.IsMounted, PlanContext.NewRootMount));
        yield return Step(c, "mount-new-root", "Mount the new root and the other copied volumes, and bind the old root beside them",
            "The copy reads the old root through a bind mount (which also shows what mounts hide) and each other volume at its mount point.",
            [HostCommand.Sh(Snippets.MountOnce, c.NewRootDevice, PlanContext.NewRootMount),
                .. OtherCopied(w).Select(v => HostCommand.Sh(Snippets.MountOnce, v.Device, CopyMount(v))),
                HostCommand.Sh(Snippets.BindRootOnce, sourceView)],
            null, null, mounted);

        yield return Step(c, "copy-root-live", "Copy the running root and /var/log onto the array (first pass, live)",
            "Most of the data moves while the host keeps running; the final pass after stopping writers is then short.",
            CopyCommands(c, w, sourceView), target, null, null) with { Kind = StepKind.Copy };

        yield return Step(c, "stop-writers", "Stop the services that write to the root", c.Os.WritersWhy,
            [HostCommand.Sh(c.Os.StopWritersSnippet, [.. c.Os.WritersToStop])], null, null, null);

        yield return Step(c, "copy-root-final", "Copy the root and /var/log again (final pass)",
            "Picks up what changed during the first pass.", CopyCommands(c, w, sourceView), target, null, null) with { Kind = StepKind.Copy };

        yield return Step(c, "unmount-copied-volumes", "Unmount the copied volumes other than the root", "Their copy is complete; only the root is still written.",
            [.. OtherCopied(w).Select(v => HostCommand.Sh(Snippets.UnmountIfMounted, CopyMount(v)))], null, null, null);

        foreach (var step in ConfigureSteps(c, w))
        {
            yield return step;
        }
    }

    /// <summary>What the plan says about the whole-disk shape and its one known gap.</summary>
    public static IEnumerable<string> Notes(PlanContext c, WholeDiskPlan w)
    {
        yield return $"{w.Array.Device} is made as the installer's Software RAID makes it: the whole disks, metadata 1.0, internal bitmap, the GPT inside (partitions {w.Array.Device}pN, types as the installer's, never FD00).";
        foreach (var p in w.Table.Where(p => p.LastLba is null))
        {
            yield return p.Created
                ? $"--create-sr: the local SR gets partition {N(p.Number)} (8E00), from sector {N(p.FirstLba)} to the end of {w.Array.Device}."
                : $"partition {N(p.Number)} ({p.Role.Name}) ends at the last sector {w.Array.Device} can hold, a little before where it ends on {c.SourceDevice}; it starts empty"
                    + (c.VolumeGroupMove is { } move && move.ArrayDevice == w.Array.Partition(p.Number)
                        ? $" and gets the volume group {move.VgName} in phase 2 (pvmove, online)."
                        : ".");
        }

        if (w.Table.FirstOrDefault(p => p.Role.Kind == RoleKind.BiosBoot) is { } boot)
        {
            yield return $"A reset during phase 2's resync, before the resync has passed partition {N(boot.Number)} (BIOS boot, GRUB's core.img), leaves {c.SourceDevice} with GRUB's boot.img (copied first) but not the new core.img (its BIOS boot area still holds the old one, or part of the new): if the BIOS boots {c.SourceDevice} then, GRUB may stop or hang. "
                + $"Way out: choose {c.TargetDevice} in the BIOS boot menu; md127 assembles from it and the resync goes on (internal bitmap). Once the resync has passed that partition, either disk boots.";
        }
    }

    private static IEnumerable<PlanStep> ConfigureSteps(PlanContext c, WholeDiskPlan w)
    {
        var md = w.Array.Device;
        var confPath = c.InNewRoot(c.Os.MdadmConfPath);
        var confDone = new HostCheck($"{c.Os.MdadmConfPath} on the array lists {md} by UUID", HostCommand.Sh(Snippets.MdadmConfListsArrays, confPath, md));
        yield return Step(c, "write-mdadm-conf", "Write mdadm.conf on the new root",
            $"The installer writes none (rd.auto assembles md127); the ARRAY line by UUID lets dracut's mdraid module and mdadm --monitor know {md}, MAILADDR root makes mdadm --monitor report a failed disk.",
            [HostCommand.Sh(Snippets.WriteMdadmConf, confPath, md)], c.TargetDevice, confDone, confDone);

        if (c.Facts.Fstab is { } fstab)
        {
            yield return BuildMirrorSteps.WriteFileStep(c, "rewrite-fstab", "Point /etc/fstab on the new root at the temporary labels",
                $"{string.Join(", ", w.Volumes.Select(v => $"LABEL={v.Label} becomes LABEL={v.TemporaryLabel}"))}; nothing else changes.",
                c.InNewRoot("/etc/fstab"), Relabel(fstab, w.Volumes.Select(v => (v.Label, v.TemporaryLabel))), c.TargetDevice);
        }

        yield return BuildMirrorSteps.WriteFileStep(c, "rewrite-boot-config", "Point every boot entry of the new root at the new root",
            $"In every entry of {c.Boot.ConfigPath}: search --label and root=LABEL= name {w.Root.TemporaryLabel}, and rd.auto is added as the installer adds it for md.",
            c.InNewRoot(c.Boot.ConfigPath), c.Boot.RewriteRoot(c.Profile.BootConfig, c.NewRootSpec), c.TargetDevice);

        if (c.Profile.Initrd.MdConfig is { } md1)
        {
            yield return BuildMirrorSteps.WriteFileStep(c, "write-initrd-md-config", $"Write {md1.Path} on the new root", md1.Why,
                c.InNewRoot(md1.Path), md1.Content, c.TargetDevice);
        }

        if (c.Os.PrimaryDiskRewrite(c.Facts, w.Array.StableName(), w.Array.StableName(c.Layout.Roles.First(r => r.Kind == RoleKind.Backup).Number)) is { } inventory)
        {
            yield return BuildMirrorSteps.WriteFileStep(c, "rewrite-inventory", $"Name {md} as the primary disk in {inventory.Path} on the new root", inventory.Why,
                c.InNewRoot(inventory.Path), inventory.Content, c.TargetDevice);
        }

        foreach (var step in BuildMirrorSteps.InitrdBootCodeAndReboot(c,
            $"The initrd must assemble {md} before it can mount /; it is made after mdadm.conf and the {c.Profile.Initrd.Name} configuration."))
        {
            yield return step;
        }
    }

    /// <summary>Every LABEL=from (a whole token) in <paramref name="text"/> becomes LABEL=to.</summary>
    public static string Relabel(string text, IEnumerable<(string From, string To)> labels) =>
        labels.Aggregate(text, (t, l) => Regex.Replace(t, "LABEL=" + Regex.Escape(l.From) + @"(?=\s|$)", "LABEL=" + l.To, RegexOptions.Multiline));

    private static IEnumerable<string> NewPartition(InnerPartition p) =>
        [$"--new={N(p.Number)}:{N(p.FirstLba)}:{(p.LastLba is { } last ? N(last) : "0")}", $"--typecode={N(p.Number)}:{p.TypeCode}"];

    private static string EndsWith(InnerPartition p) => p.Created ? "the new local SR partition" : $"partition {N(p.Number)} ({p.Role.Name})";

    private static string EndsWhy(WholeDiskPlan w) =>
        w.Table.Where(p => p.LastLba is null).Select(EndsWith).ToList() is { Count: > 0 } ends
            ? $"{Capitalized(string.Join(" and ", ends))} ends at the array's last usable sector (end 0)."
            : "Every partition keeps its end.";

    private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static IEnumerable<LabelledVolume> OtherCopied(WholeDiskPlan w) =>
        w.Volumes.Where(v => v.Role.Handling == RoleHandling.Copy && v.Role.Kind != RoleKind.Root && v.Role.MountPoint is not null);

    private static string CopyMount(LabelledVolume v) => "/mnt/xsraid-" + v.Role.Name;

    private static HostCommand[] CopyCommands(PlanContext c, WholeDiskPlan w, string sourceView) =>
    [
        .. c.Boot.BeforeRootCopy(c),
        HostCommand.Of(["rsync", .. c.Os.RsyncOptions, sourceView + "/", PlanContext.NewRootMount + "/"]),
        .. OtherCopied(w).Select(v => HostCommand.Of(["rsync", .. c.Os.RsyncOptions, v.Role.MountPoint + "/", CopyMount(v) + "/"])),
    ];

    private static PlanStep Step(PlanContext c, string id, string title, string why, IReadOnlyList<HostCommand> commands, string? writes, HostCheck? doneWhen, HostCheck? verify) =>
        BuildMirrorSteps.Step(c, id, title, why, commands, writes, doneWhen, verify);

    private static string Name(string device) => BuildMirrorSteps.Name(device);

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);
}
