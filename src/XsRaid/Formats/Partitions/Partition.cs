using XsRaid.Formats.Gpt;
using XsRaid.Formats.Mbr;

namespace XsRaid.Formats.Partitions;

/// <summary>
/// One partition, whatever the table. <paramref name="TypeCode"/> is sgdisk's ("0700") for GPT and sfdisk's
/// ("83") for MBR. <paramref name="LegacyBiosBootable"/> is GPT attribute bit 2, or MBR status 0x80.
/// LBAs are in the disk's logical sectors.
/// </summary>
public sealed record Partition(
    int Number,
    long FirstLba,
    long LastLba,
    string TypeCode,
    string TypeName,
    Guid? TypeGuid,
    Guid? UniqueGuid,
    string Name,
    bool LegacyBiosBootable)
{
    public long SizeLba => LastLba - FirstLba + 1;

    public long OffsetBytes(int sectorSize) => FirstLba * sectorSize;

    public long SizeBytes(int sectorSize) => SizeLba * sectorSize;

    public static Partition FromGpt(GptPartitionEntry e) =>
        new(e.Number, e.FirstLba, e.LastLba, e.TypeCode, e.TypeName, e.TypeGuid, e.UniqueGuid, e.Name, e.LegacyBiosBootable);

    public static Partition FromMbr(MbrPartitionRecord r) =>
        new(r.Index + 1, r.FirstLba, r.LastLba, r.TypeCode, MbrTypes.NameOf(r.Type), null, null, "", r.IsActive);
}
