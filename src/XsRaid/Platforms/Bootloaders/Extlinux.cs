using XsRaid.Planning;

namespace XsRaid.Platforms.Bootloaders;

/// <summary>
/// extlinux (syslinux) on a BIOS host with a GPT disk: installed in <paramref name="directory"/> with its config
/// there, booted by syslinux's gptmbr.bin (<paramref name="gptMbrPath"/> on the host), which boots the partition
/// with the legacy-BIOS-bootable attribute. The one-shot boot is an extra entry armed with `extlinux --once`, which
/// ldlinux.sys clears when it uses it.
/// </summary>
public sealed class Extlinux(string directory, string gptMbrPath) : IBootloader
{
    /// <summary>Where extlinux configs are looked for, in order (to name the bootloader a host has).</summary>
    public static readonly string[] ConfigCandidates = ["/boot/extlinux.conf", "/boot/extlinux/extlinux.conf"];

    /// <summary>$1 = file: takes the immutable flag (chattr +i, as extlinux sets on ldlinux.sys) off it, if it exists.</summary>
    public const string ClearImmutable = "[ ! -e \"$1\" ] || chattr -i \"$1\"";

    /// <summary>
    /// $1 = extlinux directory, $2 = label: exits 0 while `extlinux --once=LABEL` is armed (the label is in the ADV,
    /// the last 1 KiB of ldlinux.sys, which ldlinux clears when it uses it), 1 when it is not, 2 when there is no ldlinux.sys.
    /// </summary>
    public const string StillArmed = "[ -f \"$1/ldlinux.sys\" ] || exit 2; tail -c 1024 \"$1/ldlinux.sys\" | grep -a -q -F \"$2\"";

    public string Directory => directory;

    public string GptMbrPath => gptMbrPath;

    public string Name => "extlinux";

    public string ConfigPath => Directory + "/extlinux.conf";

    public IReadOnlyList<string> Tools { get; } = ["extlinux"];

    public string RewriteRoot(string config, string newRoot) => ExtlinuxConfigEdits.RootEverywhere(config, newRoot);

    public IReadOnlyList<string> MarkBootable(int partition) => [$"--attributes={partition}:set:2"];

    public IReadOnlyList<string> ClearBootable(int partition) => [$"--attributes={partition}:clear:2"];

    public string ClearBootableWhy(int partition) =>
        $"Partition {partition} is not marked bootable until its resync is done, so a reset during the resync boots the complete disk.";

    /// <summary>
    /// extlinux makes ldlinux.sys immutable where it installs it: when the copy runs again after the array's extlinux
    /// was installed (a re-run after a roll-back), the copy could not replace it, so the flag is taken off first
    /// (install-bootloader-array installs it again afterwards).
    /// </summary>
    public IReadOnlyList<HostCommand> BeforeRootCopy(PlanContext c) =>
        [HostCommand.Sh(ClearImmutable, c.InNewRoot(Directory) + "/ldlinux.sys")];

    public IEnumerable<PlanStep> InstallOnTarget(PlanContext c)
    {
        var extlinuxDir = c.InNewRoot(Directory);
        yield return BuildMirrorSteps.Step(c, "install-bootloader-array", "Install extlinux on the array",
            "--raid makes the boot code try the next disk if this one fails; with metadata at the end the members look like plain filesystems to the boot code.",
            [HostCommand.Of("extlinux", "--install", "--raid", extlinuxDir)], c.TargetDevice, null,
            new HostCheck("ldlinux.sys is on the array", HostCommand.Of("test", "-s", extlinuxDir + "/ldlinux.sys")));

        var partition = c.RootArray.PartitionNumber;
        var hasBootCode = HasBootCode(c.TargetDevice);
        yield return BuildMirrorSteps.Step(c, "boot-code-target", "Write the boot code to the target disk's MBR",
            $"gptmbr.bin boots the partition with the legacy-BIOS-bootable attribute (set on partition {partition}).",
            [HostCommand.Sh(Snippets.WriteBootCode, GptMbrPath, c.TargetDevice), HostCommand.Of(["sgdisk", .. MarkBootable(partition), c.TargetDevice])],
            c.TargetDevice, hasBootCode, hasBootCode);
    }

    public PlanStep InstallOnSource(PlanContext c)
    {
        var source = c.SourceDevice;
        var partition = c.RootArray.PartitionNumber;
        return BuildMirrorSteps.Step(c, "boot-code-source", $"Write the boot code to the original disk and mark partition {partition} bootable",
            "Both disks boot alone: boot code in both MBRs, legacy-BIOS-bootable on both.",
            [HostCommand.Sh(Snippets.WriteBootCode, GptMbrPath, source), HostCommand.Of(["sgdisk", .. MarkBootable(partition), source])],
            source, null, HasBootCode(source), PlanPhase.JoinMirror);
    }

    public IReadOnlyList<HostCommand> BootCodeChecks(PlanContext c) =>
        [HasBootCode(c.SourceDevice).Command, HasBootCode(c.TargetDevice).Command];

    public IReadOnlyList<HostCommand> WriteBootCode(string disk, int bootPartition) =>
        [HostCommand.Sh(Snippets.WriteBootCode, GptMbrPath, disk), HostCommand.Of(["sgdisk", .. MarkBootable(bootPartition), disk])];

    public HostCheck HasBootCodeOn(string disk) => HasBootCode(disk);

    public IEnumerable<PlanStep> StageOneShot(PlanContext c)
    {
        yield return RebootSteps.StageOneShotInitrd(c,
            "The one-shot entry boots the original disk's kernel with the new initrd, which can assemble the array.");

        yield return BuildMirrorSteps.WriteFileStep(c, "add-one-shot-entry", $"Add the boot entry '{PlanContext.OneShotLabel}' to the original disk",
            $"An extra entry with root={c.NewRootSpec} and {c.Profile.Initrd.FailedBootArguments}; the default entry stays the old system, which is the roll-back point.",
            ConfigPath, OneShotConfig(c), c.SourceDevice) with { Phase = PlanPhase.Reboot };
    }

    public OneShotBoot OneShot(PlanContext c) => OneShotFor(PlanContext.OneShotLabel);

    /// <summary>The one-shot boot of the entry <paramref name="label"/> in this extlinux directory.</summary>
    public OneShotBoot OneShotFor(string label) =>
        new(label, new HostCheck($"'{label}' is armed for the next boot (extlinux --once)", HostCommand.Sh(StillArmed, Directory, label)));

    public PlanStep ArmOneShot(PlanContext c)
    {
        var armed = OneShot(c).StillArmed;
        return BuildMirrorSteps.Step(c, "arm-one-shot", $"Arm '{PlanContext.OneShotLabel}' for the next boot only",
            "extlinux --once boots the entry once; the boot after that is the default again, so a mirror that does not come up rolls back by itself.",
            [HostCommand.Of("extlinux", $"--once={PlanContext.OneShotLabel}", Directory)], c.SourceDevice, armed, armed, PlanPhase.Reboot);
    }

    public HostCommand MakeOneShotDefault(PlanContext c, string oldRootMount) =>
        HostCommand.WriteFile(oldRootMount + ConfigPath, ExtlinuxConfigEdits.WithDefault(OneShotConfig(c), PlanContext.OneShotLabel));

    /// <summary>The original disk's boot config with the one-shot entry added (default unchanged).</summary>
    private string OneShotConfig(PlanContext c) =>
        ExtlinuxConfigEdits.WithOneShotEntry(c.Profile.BootConfig, PlanContext.OneShotLabel, c.NewRootSpec, PlanContext.OneShotInitrd,
            c.Profile.Initrd.FailedBootArguments);

    private HostCheck HasBootCode(string disk) =>
        new($"{disk} has gptmbr.bin in its MBR", HostCommand.Sh(Snippets.HasBootCode, GptMbrPath, disk));
}
