namespace XsRaid.Formats.Partitions;

/// <summary>The kind of partition table a disk has (as blkid's PTTYPE: "gpt" or "dos").</summary>
public enum PartitionTableType
{
    Gpt,
    Mbr,
}
