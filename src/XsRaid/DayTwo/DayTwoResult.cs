using XsRaid.Planning;

namespace XsRaid.DayTwo;

/// <summary>A day-2 plan, or the safety rules that refuse it (nothing is written then).</summary>
public sealed record DayTwoResult(DayTwoPlan? Plan, IReadOnlyList<Refusal> Refusals)
{
    public bool IsRefused => Refusals.Count > 0;

    public static DayTwoResult Refused(IReadOnlyList<Refusal> refusals) => new(null, refusals);

    public static DayTwoResult Ok(DayTwoPlan plan) => new(plan, []);
}
