namespace XsRaid.Health;

/// <summary>
/// One thing `check` found: its weight, a stable code ("array-degraded", "no-boot-code", ...), what it is about
/// ("md0", "/dev/sdb", "mdadm.conf", "initrd", "host"), a few words for the summary line ("md0 degraded") and a
/// sentence for people.
/// </summary>
public sealed record CheckFinding(FindingState State, string Code, string Subject, string Short, string Message);
