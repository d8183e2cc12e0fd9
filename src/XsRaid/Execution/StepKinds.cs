using XsRaid.Planning;

namespace XsRaid.Execution;

/// <summary>
/// The few plan steps the runner treats specially, by id (the ids the planner and the script renderer use): the
/// check that / is on the array (the phase guard), the wait for the resync, and the root copies.
/// </summary>
public static class StepKinds
{
    public const string RootGuard = "verify-root-on-array";

    public const string ResyncWait = "wait-resync";

    private const string CopyPrefix = "copy-root";

    public static bool IsResyncWait(PlanStep step) => step.Id == ResyncWait;

    public static bool IsCopy(PlanStep step) => step.Id.StartsWith(CopyPrefix, StringComparison.Ordinal);
}
