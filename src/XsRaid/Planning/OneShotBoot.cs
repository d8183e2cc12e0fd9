namespace XsRaid.Planning;

/// <summary>
/// The plan's one-shot boot into the mirror: the entry's label and the read-only check that holds while it is still
/// armed (the boot never used it). Roll-back reports run the check; it exits 0 armed, 1 used or cleared, else unknown.
/// </summary>
public sealed record OneShotBoot(string Label, HostCheck StillArmed);
