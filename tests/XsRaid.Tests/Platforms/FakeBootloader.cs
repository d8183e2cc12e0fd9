using XsRaid.Planning;
using XsRaid.Platforms;

namespace XsRaid.Tests.Platforms;

/// <summary>
/// A bootloader that exists only in the tests ("fakeboot", config /boot/fakeboot.cfg), to show that a new one plugs
/// in as one class: no shared planning code names it. Its commands are `fakeboot-*` argv lists.
/// </summary>
internal sealed class FakeBootloader : IBootloader
{
    public string Name => "fakeboot";

    public string ConfigPath => "/boot/fakeboot.cfg";

    public IReadOnlyList<string> Tools { get; } = ["fakeboot-install"];

    public string RewriteRoot(string config, string newRoot) => config.Replace("root=OLD", "root=" + newRoot, StringComparison.Ordinal);

    public IReadOnlyList<string> MarkBootable(int partition) => [];

    public IReadOnlyList<string> ClearBootable(int partition) => [];

    public string ClearBootableWhy(int partition) => "";

    public IReadOnlyList<HostCommand> BeforeRootCopy(PlanContext c) => [];

    public IEnumerable<PlanStep> InstallOnTarget(PlanContext c)
    {
        var installed = Installed(c.TargetDevice);
        yield return new PlanStep("install-fakeboot-target", PlanPhase.BuildMirror, "Install fakeboot on the target", "test",
            [HostCommand.Of("fakeboot-install", c.TargetDevice)], c.TargetDevice, installed, installed);
    }

    public PlanStep InstallOnSource(PlanContext c)
    {
        var installed = Installed(c.SourceDevice);
        return new PlanStep("install-fakeboot-source", PlanPhase.JoinMirror, "Install fakeboot on the original disk", "test",
            [HostCommand.Of("fakeboot-install", c.SourceDevice)], c.SourceDevice, installed, installed);
    }

    public IReadOnlyList<HostCommand> BootCodeChecks(PlanContext c) => [Installed(c.SourceDevice).Command, Installed(c.TargetDevice).Command];

    public IReadOnlyList<HostCommand> WriteBootCode(string disk, int bootPartition) => [HostCommand.Of("fakeboot-install", disk)];

    public HostCheck HasBootCodeOn(string disk) => Installed(disk);

    public IEnumerable<PlanStep> StageOneShot(PlanContext c)
    {
        yield return BuildMirrorSteps.WriteFileStep(c, "add-fakeboot-entry", "Add the mirror entry", "test", ConfigPath,
            "entry mirror root=" + c.NewRootSpec + "\n", c.SourceDevice) with { Phase = PlanPhase.Reboot };
    }

    public OneShotBoot OneShot(PlanContext c) => new("mirror", new HostCheck("fakeboot's next boot is 'mirror'", HostCommand.Of("fakeboot-next-is", "mirror")));

    public PlanStep ArmOneShot(PlanContext c)
    {
        var armed = OneShot(c).StillArmed;
        return new PlanStep("arm-fakeboot", PlanPhase.Reboot, "Arm the mirror entry once", "test",
            [HostCommand.Of("fakeboot-once", "mirror")], c.SourceDevice, armed, armed);
    }

    public HostCommand MakeOneShotDefault(PlanContext c, string oldRootMount) => HostCommand.Of("fakeboot-default", "mirror", oldRootMount);

    private static HostCheck Installed(string disk) => new($"fakeboot is on {disk}", HostCommand.Of("fakeboot-check", disk));
}
