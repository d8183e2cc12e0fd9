namespace XsRaid.Planning;

/// <summary>A plan, or the safety rules that refused one (nothing was written in either case).</summary>
public sealed record PlanResult(ConversionPlan? Plan, IReadOnlyList<Refusal> Refusals)
{
    public bool IsRefused => Refusals.Count > 0;

    public static PlanResult Refused(IReadOnlyList<Refusal> refusals) => new(null, refusals);

    public static PlanResult Ok(ConversionPlan plan) => new(plan, []);
}
