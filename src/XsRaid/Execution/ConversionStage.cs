namespace XsRaid.Execution;

/// <summary>Where a conversion stands, as the host shows it.</summary>
public enum ConversionStage
{
    /// <summary>The host carries no conversion by xsraid.</summary>
    None,

    /// <summary>Phase 1: / is on the original disk; the mirror is being built (or the reboot rolled back).</summary>
    BuildingMirror,

    /// <summary>Phase 2: / runs from the mirror; the original disk joins it.</summary>
    JoiningMirror,

    /// <summary>Every step of the plan is done.</summary>
    Complete,
}
