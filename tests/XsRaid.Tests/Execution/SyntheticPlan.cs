using XsRaid.Planning;

namespace XsRaid.Tests.Execution;

/// <summary>
/// A plan whose steps are plain commands on this machine (files in a scratch directory stand for the effects), for
/// running the runner for real over SSH: the disks and arrays are placeholders the steps never touch.
/// </summary>
internal static class SyntheticPlan
{
    public static ConversionPlan Of(params PlanStep[] steps)
    {
        var disk = new DiskIdentity("/dev/xsa", 1 << 30, 512, "TEST", "SERIAL-A", null, []);
        var target = disk with { Device = "/dev/xsb", Serial = "SERIAL-B", ByIdNames = [] };
        var array = new ArrayPlan("/dev/md0", 1, "/dev/xsa1", "/dev/xsb1", "00000000-0000-4000-8000-000000000000", "1.0", "root", "ext3", 1 << 20);
        return new ConversionPlan("test-host", "test", "1.0", disk, target, [array], "/dev/md0", "/dev/md0", array.Uuid, "root-test", "xsraid-test", steps, []);
    }

    /// <summary>A step that creates <paramref name="file"/>, found done when it exists, verified the same way.</summary>
    public static PlanStep Touch(string id, string file, PlanPhase phase = PlanPhase.JoinMirror)
    {
        var exists = new HostCheck($"{file} exists", HostCommand.Of("test", "-e", file));
        return new PlanStep(id, phase, $"Create {Path.GetFileName(file)}", "test", [HostCommand.Of("touch", file)], null, exists, exists);
    }

    /// <summary>The reboot point: <paramref name="command"/> stands for `reboot`.</summary>
    public static PlanStep Reboot(params string[] command) =>
        new PlanStep("reboot", PlanPhase.Reboot, "Reboot", "test", [HostCommand.Of(command)], null, null, null) { Kind = StepKind.RebootPoint };

    /// <summary>The phase guard: "/ is on the array" holds when <paramref name="file"/> exists.</summary>
    public static PlanStep RootGuard(string file) =>
        new("verify-root-on-array", PlanPhase.JoinMirror, "Check that / is /dev/md0", "test", [], null, null,
            new HostCheck("/ is on /dev/md0", HostCommand.Of("test", "-e", file))) { Kind = StepKind.Guard };
}
