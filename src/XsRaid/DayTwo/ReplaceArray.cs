namespace XsRaid.DayTwo;

/// <summary>
/// One array a replacement repairs: the survivor's complete member, the new disk's partition that joins it, and what
/// is left of the failed disk's member (null when md no longer lists one).
/// </summary>
public sealed record ReplaceArray(string Device, int PartitionNumber, string SurvivorPartition, string NewPartition, string? FailedPartition);
