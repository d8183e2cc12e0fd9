namespace XsRaid.Hosts.Snapshot;

/// <summary>
/// Why a snapshot was not saved: <paramref name="Refused"/> when saving would have overwritten something (a file,
/// a non-empty directory, a link) and was refused by rule; otherwise the write failed.
/// </summary>
public sealed record SaveProblem(string Problem, bool Refused);
