namespace XsRaid.Execution;

/// <summary>The rules `convert` adds to the planner's before it writes anything (refusals, exit code 3).</summary>
public static class ConvertRules
{
    /// <summary>The host no longer matches the plan (another disk, / moved, files changed).</summary>
    public const string HostChanged = "host-changed";

    /// <summary>The host carries another conversion in progress, or one made with other options.</summary>
    public const string ConversionInProgress = "conversion-in-progress";

    /// <summary>The host's saved state cannot be read.</summary>
    public const string StateUnreadable = "state-unreadable";
}
