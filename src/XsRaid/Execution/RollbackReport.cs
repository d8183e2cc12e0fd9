using XsRaid.Planning;

namespace XsRaid.Execution;

/// <summary>
/// What can be learned after the host came back on its original root: the kernel command line it booted with,
/// where / is, when it booted, whether the plan's one-shot boot is still armed (then the boot never reached the
/// original disk's bootloader) and the tail of the previous boot's log when the host keeps one.
/// </summary>
public sealed record RollbackReport(
    string Summary,
    string? KernelCommandLine,
    string? RootDevice,
    DateTime? BootTime,
    bool? OneShotPending,
    string? PreviousBootLog)
{
    public static RollbackReport From(ConversionPlan plan, BootFacts facts)
    {
        var label = plan.OneShot?.Label ?? "one-shot";
        var summary = $"the host came back on its original root ({facts.RootDevice ?? plan.OriginalRoot()}), not on {plan.RootArray}: "
            + "the one-shot boot into the mirror did not come up, and the boot after it rolled back to the original system. "
            + $"The host is left as it is: {plan.Source.Device} is unchanged except for the boot entry '{label}'.";
        if (facts.OneShotPending == true)
        {
            summary += $" The entry '{label}' is still armed, so the boot never reached {plan.Source.Device}'s bootloader: check the BIOS boot order.";
        }

        return new RollbackReport(summary, facts.KernelCommandLine, facts.RootDevice, facts.BootTime, facts.OneShotPending, facts.PreviousBootLog);
    }
}
