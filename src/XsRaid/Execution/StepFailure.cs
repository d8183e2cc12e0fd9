using XsRaid.Planning;

namespace XsRaid.Execution;

/// <summary>
/// Why a step stopped the conversion: the step, the command that failed (its argv; null when the connection failed
/// before one ran), its exit code (null when there is none: lost connection, timeout), the tail of its error output,
/// and <see cref="Advice"/>: what the user can do.
/// </summary>
public sealed record StepFailure(
    PlanStep Step,
    string Problem,
    IReadOnlyList<string>? Argv,
    int? ExitCode,
    string StderrTail,
    string Advice)
{
    public const string RerunAdvice =
        "Fix the cause, then run the same `xsraid convert` again: it checks every step on the host and continues where it stopped.";
}
