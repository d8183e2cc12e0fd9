using System.Text.Json.Serialization;

namespace XsRaid.Inspection;

/// <summary>The partition table of a disk; <see cref="Type"/> is "gpt", "mbr" or null when there is none.</summary>
public sealed record PartitionTableReport(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Type,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? DiskGuid,
    IReadOnlyList<string> Findings,
    IReadOnlyList<PartitionReport> Partitions)
{
    public static PartitionTableReport None(IReadOnlyList<string> findings) => new(null, null, findings, []);
}
