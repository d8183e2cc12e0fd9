using XsRaid.Planning;

namespace XsRaid.Execution;

/// <summary>
/// The plan a conversion carries out and the options it was made with, saved on the host (plan.json) before the
/// first step, so that `convert` after any interruption continues the same plan even where re-planning would now
/// refuse (the target is in use by the arrays it created, / is already on the mirror).
/// </summary>
public sealed record SavedConversion(PlanOptions Options, ConversionPlan Plan, DateTime Started);
