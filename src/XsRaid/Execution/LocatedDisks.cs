using XsRaid.Planning;

namespace XsRaid.Execution;

/// <summary>Where a plan's disks are now: the renames to apply (none when nothing moved), or why they were not found.</summary>
public sealed record LocatedDisks(DiskRenames? Renames, string? Problem);
