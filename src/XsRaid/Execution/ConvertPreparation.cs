using XsRaid.Planning;

namespace XsRaid.Execution;

/// <summary>
/// What `convert` would carry out on the host as it is now: the plan (a new one, or the saved one of a conversion in
/// progress), or the refusals; and what the host records of an earlier run.
/// </summary>
public sealed record ConvertPreparation(PlanOptions Options, ConversionPlan? Plan, IReadOnlyList<Refusal> Refusals, HostConversionState HostState)
{
    public bool IsRefused => Refusals.Count > 0 || Plan is null;

    /// <summary>True when the host already carries this conversion's saved plan: the run continues it.</summary>
    public bool Resuming => HostState.Saved is not null;

    /// <summary>Kernel names of the saved plan's disks that changed since it was made (the plan is already carried over).</summary>
    public DiskRenames? Renames { get; init; }
}
