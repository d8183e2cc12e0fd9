using XsRaid.Planning;

namespace XsRaid.Execution;

/// <summary>What running one step came to, and how long it took (checks included).</summary>
public sealed record StepOutcome(PlanStep Step, StepResult Result, TimeSpan Duration, StepFailure? Failure = null)
{
    public bool Failed => Result == StepResult.Failed;
}
