namespace XsRaid.Planning;

/// <summary>One md RAID1 array the plan creates: partition N of both disks, its deterministic UUID and its role.</summary>
public sealed record ArrayPlan(
    string Device,
    int PartitionNumber,
    string SourcePartition,
    string TargetPartition,
    string Uuid,
    string Metadata,
    string Role,
    string SourceContent,
    long SizeBytes)
{
    /// <summary>The UUID as mdadm prints and accepts it: four groups of 8 hex digits separated by colons.</summary>
    public string MdadmUuid => string.Join(':', Enumerable.Range(0, 4).Select(i => Uuid.Replace("-", "", StringComparison.Ordinal).Substring(i * 8, 8)));
}
