using XsRaid.Hosts.Snapshot;
using XsRaid.Planning;

namespace XsRaid.Platforms;

/// <summary>
/// A bootloader as the plan uses it: the config file it reads (the one source of its path), the root rewrite, its
/// install on the array and on each disk with the checks that tell it is there, and the whole one-shot group (stage
/// and add the entry, arm it, tell whether it is still armed, make it the default). Its members return steps, commands
/// and checks, so each brings its own check/act/verify; shared planning code never names a bootloader.
/// </summary>
public interface IBootloader
{
    /// <summary>Shown in the platform's name and in messages ("extlinux").</summary>
    string Name { get; }

    /// <summary>The config file this bootloader boots from, on the host's root.</summary>
    string ConfigPath { get; }

    /// <summary>True when the snapshot shows this bootloader's config at <see cref="ConfigPath"/>.</summary>
    bool IsOn(HostSnapshot snapshot) => snapshot.File(ConfigPath) is not null;

    IReadOnlyList<string> Tools { get; }

    /// <summary>The config with every entry's root= set to <paramref name="newRoot"/>; nothing else changes.</summary>
    string RewriteRoot(string config, string newRoot);

    /// <summary>sgdisk arguments that make partition <paramref name="partition"/> the one the boot code boots (may be none).</summary>
    IReadOnlyList<string> MarkBootable(int partition);

    /// <summary>sgdisk arguments that take that mark off (while a disk is incomplete), and the sentence that says why.</summary>
    IReadOnlyList<string> ClearBootable(int partition);

    string ClearBootableWhy(int partition);

    /// <summary>Commands run before each root copy pass (so the copy can replace what the bootloader protects).</summary>
    IReadOnlyList<HostCommand> BeforeRootCopy(PlanContext c);

    /// <summary>Phase 1: the bootloader installed on the new root and the boot code on the target disk.</summary>
    IEnumerable<PlanStep> InstallOnTarget(PlanContext c);

    /// <summary>Phase 2: the boot code on the original disk once it has joined.</summary>
    PlanStep InstallOnSource(PlanContext c);

    /// <summary>Read-only commands for the final verification: each disk can boot.</summary>
    IReadOnlyList<HostCommand> BootCodeChecks(PlanContext c);

    /// <summary>
    /// Commands that put this bootloader's boot code on <paramref name="disk"/> of a running mirror and make partition
    /// <paramref name="bootPartition"/> the one it boots (a replaced or repaired disk: `replace`, `heal`).
    /// </summary>
    IReadOnlyList<HostCommand> WriteBootCode(string disk, int bootPartition);

    /// <summary>A read-only check that holds when <paramref name="disk"/> carries this bootloader's boot code.</summary>
    HostCheck HasBootCodeOn(string disk);

    /// <summary>The steps that put the one-shot entry on the original disk (default unchanged).</summary>
    IEnumerable<PlanStep> StageOneShot(PlanContext c);

    /// <summary>The one-shot boot the plan arms, with the check that holds while it is still armed.</summary>
    OneShotBoot OneShot(PlanContext c);

    /// <summary>The step that arms the one-shot entry for the next boot only.</summary>
    PlanStep ArmOneShot(PlanContext c);

    /// <summary>Phase 2: the command that makes the mirror's entry the default of the old root mounted at <paramref name="oldRootMount"/>.</summary>
    HostCommand MakeOneShotDefault(PlanContext c, string oldRootMount);
}
