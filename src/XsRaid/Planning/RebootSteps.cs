namespace XsRaid.Planning;

/// <summary>
/// The one reboot: the original disk's own bootloader gets one extra entry that boots the mirror, armed as a
/// one-shot with panic= so that a failed boot resets into the old system by itself.
/// </summary>
public static class RebootSteps
{
    public static IEnumerable<PlanStep> Create(PlanContext c)
    {
        var initrd = c.InNewRoot("/boot/" + c.Platform.InitrdFile(c.KernelVersion));
        var staged = new HostCheck($"{PlanContext.OneShotInitrd} is the new initrd", HostCommand.Of("cmp", "-s", initrd, PlanContext.OneShotInitrd));
        yield return BuildMirrorSteps.Step(c, "stage-one-shot-initrd", "Put the mirror's initrd beside the old one",
            "The one-shot entry boots the original disk's kernel with the new initrd, which can assemble the array.",
            [HostCommand.Of("cp", initrd, PlanContext.OneShotInitrd)], c.SourceDevice, staged, staged, PlanPhase.Reboot);

        yield return BuildMirrorSteps.WriteFileStep(c, "add-one-shot-entry", $"Add the boot entry '{PlanContext.OneShotLabel}' to the original disk",
            $"An extra entry with root={c.NewRootSpec} and {c.Platform.FailedBootArguments}; the default entry stays the old system, which is the roll-back point.",
            c.Platform.ExtlinuxConfigPath, OneShotConfig(c), c.SourceDevice) with { Phase = PlanPhase.Reboot };

        yield return BuildMirrorSteps.Step(c, "unmount-new-root", "Unmount the new root",
            "Everything is written; the array's filesystem is clean for the reboot.",
            [HostCommand.Sh(Snippets.UnmountIfMounted, PlanContext.NewRootMount + "-src"), HostCommand.Sh(Snippets.UnmountIfMounted, PlanContext.NewRootMount)],
            null, null, null, PlanPhase.Reboot);

        yield return BuildMirrorSteps.Step(c, "arm-one-shot", $"Arm '{PlanContext.OneShotLabel}' for the next boot only",
            "extlinux --once boots the entry once; the boot after that is the default again, so a mirror that does not come up rolls back by itself.",
            [HostCommand.Of("extlinux", $"--once={PlanContext.OneShotLabel}", c.Platform.ExtlinuxDirectory)], c.SourceDevice, null, null, PlanPhase.Reboot);

        yield return BuildMirrorSteps.Step(c, "reboot", "Reboot into the mirror",
            "The stop point: the host reboots once, with no console or BIOS change; xsraid waits for it and checks where / is.",
            [HostCommand.Of("reboot")], null, null, null, PlanPhase.Reboot) with { IsRebootPoint = true };
    }

    /// <summary>The original disk's boot config with the one-shot entry added (default unchanged).</summary>
    public static string OneShotConfig(PlanContext c) =>
        ConfigRewrites.WithOneShotEntry(
            c.Facts.BootloaderConfig ?? "",
            PlanContext.OneShotLabel,
            c.NewRootSpec,
            PlanContext.OneShotInitrd,
            c.Platform.FailedBootArguments);
}
