namespace XsRaid.Health;

/// <summary>What `check` found on a host: the verdict, its one-line summary, every array and every finding.</summary>
public sealed record CheckReport(
    string HostName,
    string? ProbedAt,
    CheckState State,
    string Summary,
    IReadOnlyList<ArrayCondition> Arrays,
    IReadOnlyList<CheckFinding> Findings);
