namespace XsRaid.Planning;

/// <summary>
/// The one reboot: the original disk's own bootloader gets one extra entry that boots the mirror, armed as a
/// one-shot with the initrd's failed-boot arguments so that a failed boot resets into the old system by itself.
/// </summary>
public static class RebootSteps
{
    public static IEnumerable<PlanStep> Create(PlanContext c)
    {
        foreach (var step in c.Boot.StageOneShot(c))
        {
            yield return step;
        }

        yield return BuildMirrorSteps.Step(c, "unmount-new-root", "Unmount the new root",
            "Everything is written; the array's filesystem is clean for the reboot.",
            [HostCommand.Sh(Snippets.UnmountIfMounted, PlanContext.NewRootMount + "-src"), HostCommand.Sh(Snippets.UnmountIfMounted, PlanContext.NewRootMount)],
            null, null, null, PlanPhase.Reboot);

        yield return c.Boot.ArmOneShot(c);

        yield return BuildMirrorSteps.Step(c, "reboot", "Reboot into the mirror",
            "The stop point: the host reboots once, with no console or BIOS change; xsraid waits for it and checks where / is.",
            [HostCommand.Of("reboot")], null, null, null, PlanPhase.Reboot) with { Kind = StepKind.RebootPoint };
    }

    /// <summary>The step every bootloader's one-shot group starts with: the new root's initrd copied beside the old one.</summary>
    public static PlanStep StageOneShotInitrd(PlanContext c, string why)
    {
        var initrd = c.InNewRoot("/boot/" + c.Profile.Initrd.FileName(c.KernelVersion));
        var staged = new HostCheck($"{PlanContext.OneShotInitrd} is the new initrd", HostCommand.Of("cmp", "-s", initrd, PlanContext.OneShotInitrd));
        return BuildMirrorSteps.Step(c, "stage-one-shot-initrd", "Put the mirror's initrd beside the old one", why,
            [HostCommand.Of("cp", initrd, PlanContext.OneShotInitrd)], c.SourceDevice, staged, staged, PlanPhase.Reboot);
    }
}
