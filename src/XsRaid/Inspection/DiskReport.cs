namespace XsRaid.Inspection;

/// <summary>Everything `inspect` says about one disk or disk image.</summary>
public sealed record DiskReport(
    string Path,
    long SizeBytes,
    int LogicalSectorSize,
    string BootCode,
    PartitionTableReport PartitionTable,
    ContentReport Content);
