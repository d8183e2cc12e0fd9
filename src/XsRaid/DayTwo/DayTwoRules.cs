namespace XsRaid.DayTwo;

/// <summary>The names of the safety rules of `replace`, `heal` and `alerts` (the new disk's own rules are the conversion's target rules).</summary>
public static class DayTwoRules
{
    public const string NoMirror = "no-mirror";
    public const string SurvivorNotHealthy = "survivor-not-healthy";
    public const string FailedIsOnlyCopy = "failed-is-only-copy";
    public const string FailedDiskUnclear = "failed-disk-unclear";
    public const string FailedDiskNotFound = "failed-disk-not-found";
}
