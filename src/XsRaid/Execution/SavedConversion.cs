using XsRaid.Planning;

namespace XsRaid.Execution;

/// <summary>
/// The plan a conversion carries out and the options it was made with, saved on the host (plan.json) before the
/// first step, so that `convert` after any interruption continues the same plan even where re-planning would now
/// refuse (the target is in use by the arrays it created, / is already on the mirror). <see cref="PlanId"/> is the
/// id its journal lines carry, stored when it is saved: a later xsraid that serialises plans otherwise (a new field)
/// still finds them. Files an older xsraid wrote have none (see <see cref="LegacySavedPlan"/>).
/// </summary>
public sealed record SavedConversion(PlanOptions Options, ConversionPlan Plan, DateTime Started, string? PlanId = null);
