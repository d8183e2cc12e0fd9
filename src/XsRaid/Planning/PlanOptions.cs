namespace XsRaid.Planning;

/// <summary>What the user asked for: the target disk and the plan switches.</summary>
public sealed record PlanOptions(
    string Target,
    string Metadata = "auto",
    bool WipeTarget = false,
    bool CreateSr = false,
    string SrName = "Local RAID1 storage");
