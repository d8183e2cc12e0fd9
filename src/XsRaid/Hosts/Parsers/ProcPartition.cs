namespace XsRaid.Hosts.Parsers;

/// <summary>One row of /proc/partitions: device numbers, size in 1 KiB blocks (rounded down), kernel name.</summary>
public sealed record ProcPartition(int Major, int Minor, long Blocks, string Name);
