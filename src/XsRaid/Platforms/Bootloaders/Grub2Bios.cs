using System.Globalization;
using XsRaid.Planning;

namespace XsRaid.Platforms.Bootloaders;

/// <summary>
/// GRUB 2 on a BIOS host (XCP-ng 8.x, XenServer 7-8): /boot/grub/grub.cfg in the installer's format, boot.img in each
/// disk's MBR and core.img in its BIOS boot partition, put there by `grub-install --target=i386-pc DISK` once per md
/// member as the installer does. The one-shot boot is XCP-ng's own: grubenv's override_entry names the entry for the
/// next boot, and the entry clears it (save_env) when GRUB boots it; the old /boot is a plain ext3 partition, where
/// GRUB can write grubenv.
/// </summary>
public sealed class Grub2Bios : IBootloader
{
    /// <summary>$1 = disk: holds when its MBR holds GRUB's boot.img (its message table is in the first 440 bytes).</summary>
    public const string HasBootImg = "dd if=\"$1\" bs=440 count=1 2>/dev/null | tr -d '\\000' | grep -q 'GRUB GeomHard DiskRead Error'";

    /// <summary>
    /// $1 = grubenv, $2 = variable=value: writes a GRUB environment block (1024 bytes: the header line, the variable,
    /// '#' padding) that holds only that variable, through a temporary file and a rename.
    /// </summary>
    public const string WriteGrubenv =
        "h=$(printf '# GRUB Environment Block\\n%s' \"$2\"); n=$((1024 - ${#h} - 1)); " +
        "{ printf '%s\\n' \"$h\"; head -c \"$n\" /dev/zero | tr '\\000' '#'; } > \"$1.xsraid-new\" && mv -f \"$1.xsraid-new\" \"$1\"";

    /// <summary>$1 = grubenv, $2 = variable=value: exits 0 while the block holds it, 1 when not, 2 when there is no grubenv.</summary>
    public const string GrubenvHolds = "[ -f \"$1\" ] || exit 2; grep -a -q -x -F \"$2\" \"$1\"";

    public string Name => "grub2";

    public string ConfigPath => "/boot/grub/grub.cfg";

    public string GrubenvPath => "/boot/grub/grubenv";

    public IReadOnlyList<string> Tools { get; } = ["grub-install"];

    /// <summary>Every entry's `search --label`, root=LABEL= set to the label of <paramref name="newRoot"/> (LABEL=x), rd.auto added.</summary>
    public string RewriteRoot(string config, string newRoot) =>
        Grub2ConfigEdits.RootEverywhere(config, newRoot.StartsWith("LABEL=", StringComparison.Ordinal) ? newRoot[6..] : newRoot);

    /// <summary>boot.img ignores the legacy-BIOS-bootable bit; the installer's own bit on the BIOS boot partition is copied with the table.</summary>
    public IReadOnlyList<string> MarkBootable(int partition) => [];

    public IReadOnlyList<string> ClearBootable(int partition) => [];

    public string ClearBootableWhy(int partition) => "";

    public IReadOnlyList<HostCommand> BeforeRootCopy(PlanContext c) => [];

    public IEnumerable<PlanStep> InstallOnTarget(PlanContext c)
    {
        var done = HasBootCode(c.TargetDevice);
        yield return BuildMirrorSteps.Step(c, "install-grub-target", $"Install GRUB's boot code on {c.TargetDevice}",
            "As the installer does for each member of md127: run in the new root, grub-install puts boot.img into the disk's MBR and core.img, which finds /boot inside md127, into the BIOS boot partition.",
            [HostCommand.Sh(Snippets.InChroot, PlanContext.NewRootMount, "grub-install", "--target=i386-pc", c.TargetDevice)],
            c.TargetDevice, done, done);
    }

    public PlanStep InstallOnSource(PlanContext c)
    {
        var done = HasBootCode(c.SourceDevice);
        return BuildMirrorSteps.Step(c, "install-grub-source", $"Install GRUB's boot code on {c.SourceDevice}",
            "The resync has copied the target's boot code already (it is inside the array's data); grub-install on the member, as the installer runs it, makes sure.",
            [HostCommand.Of("grub-install", "--target=i386-pc", c.SourceDevice)], c.SourceDevice, done, done, PlanPhase.JoinMirror);
    }

    public IReadOnlyList<HostCommand> BootCodeChecks(PlanContext c) =>
        [HasBootCode(c.SourceDevice).Command, HasBootCode(c.TargetDevice).Command];

    /// <summary>
    /// grub-install on a member disk of the running mirror, as the installer runs it per member; the boot partition
    /// number plays no part (GRUB finds its core.img in the BIOS boot partition, /boot inside md127).
    /// </summary>
    public IReadOnlyList<HostCommand> WriteBootCode(string disk, int bootPartition) =>
        [HostCommand.Of("grub-install", "--target=i386-pc", disk)];

    public HostCheck HasBootCodeOn(string disk) => HasBootCode(disk);

    public IEnumerable<PlanStep> StageOneShot(PlanContext c)
    {
        yield return RebootSteps.StageOneShotInitrd(c,
            "The one-shot entry boots the original disk's Xen and kernel with the new initrd, which assembles md127.");

        yield return BuildMirrorSteps.WriteFileStep(c, "add-one-shot-entry", $"Add the boot entry '{PlanContext.OneShotLabel}' to the original disk",
            $"An extra last entry (index {OneShotIndex(c)}) with {c.NewRootSpec}, rd.auto and {c.Profile.Initrd.FailedBootArguments}; it clears override_entry when it boots. The default entry stays the old system, which is the roll-back point.",
            ConfigPath, OneShotConfig(c), c.SourceDevice) with { Phase = PlanPhase.Reboot };
    }

    public OneShotBoot OneShot(PlanContext c) =>
        new(PlanContext.OneShotLabel, new HostCheck($"'{PlanContext.OneShotLabel}' is armed for the next boot (grubenv {Override(c)})",
            HostCommand.Sh(GrubenvHolds, GrubenvPath, Override(c))));

    public PlanStep ArmOneShot(PlanContext c)
    {
        var armed = OneShot(c).StillArmed;
        return BuildMirrorSteps.Step(c, "arm-one-shot", $"Arm '{PlanContext.OneShotLabel}' for the next boot only",
            $"grubenv's {Override(c)}, as XCP-ng's own one-shot boot sets it: GRUB boots that entry, which clears the variable, so the boot after that is the default again and a mirror that does not come up rolls back by itself.",
            [HostCommand.Sh(WriteGrubenv, GrubenvPath, Override(c))], c.SourceDevice, armed, armed, PlanPhase.Reboot);
    }

    public HostCommand MakeOneShotDefault(PlanContext c, string oldRootMount) =>
        HostCommand.WriteFile(oldRootMount + ConfigPath, Grub2ConfigEdits.WithDefault(OneShotConfig(c), OneShotIndex(c)));

    private static int OneShotIndex(PlanContext c) => Grub2ConfigEdits.EntryCount(c.Profile.BootConfig);

    private static string Override(PlanContext c) => "override_entry=" + OneShotIndex(c).ToString(CultureInfo.InvariantCulture);

    private static string OneShotConfig(PlanContext c) =>
        Grub2ConfigEdits.WithOneShotEntry(c.Profile.BootConfig, PlanContext.OneShotLabel, c.TemporaryLabel, PlanContext.OneShotInitrd,
            c.Profile.Initrd.FailedBootArguments);

    private static HostCheck HasBootCode(string disk) =>
        new($"{disk} has GRUB's boot.img in its MBR", HostCommand.Sh(HasBootImg, disk));
}
