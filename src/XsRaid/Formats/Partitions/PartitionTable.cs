using XsRaid.Formats.Gpt;
using XsRaid.Formats.Mbr;

namespace XsRaid.Formats.Partitions;

/// <summary>
/// The partition table of a disk, in the form the rest of xsraid uses. <paramref name="DiskGuid"/>: the GPT disk
/// GUID upper-case (as sgdisk prints it), or the MBR disk signature as 8 lower-case hex digits (as blkid's PTUUID).
/// <paramref name="Gpt"/> is the full GPT when <paramref name="Type"/> is Gpt.
/// </summary>
public sealed record PartitionTable(
    PartitionTableType Type,
    string? DiskGuid,
    MasterBootRecord Mbr,
    IReadOnlyList<Partition> Partitions,
    IReadOnlyList<string> Findings,
    GptPartitionTable? Gpt,
    int SectorSize)
{
    /// <summary>blkid's PTTYPE for this table: "gpt" or "dos".</summary>
    public string BlkidType => Type == PartitionTableType.Gpt ? "gpt" : "dos";

    public Partition? Find(int number) => Partitions.FirstOrDefault(p => p.Number == number);
}
