using XsRaid.Tests.Support;
using XsRaid.Formats.Partitions;
using XsRaid.Tests.Formats.Partitions;

namespace XsRaid.Tests.Formats.Gpt;

/// <summary>Compares a table read by xsraid with what sgdisk -p / -i and blkid -p say about the same device.</summary>
internal static class SgdiskComparison
{
    public static void ShouldMatchSgdisk(this PartitionTable table, string device)
    {
        var print = SgdiskPrint.Of(device);
        table.Type.ShouldBe(PartitionTableType.Gpt);
        table.SectorSize.ShouldBe(print.SectorSize);
        table.DiskGuid.ShouldBe(print.DiskGuid);

        var gpt = table.Gpt.ShouldNotBeNull();
        var primary = gpt.Primary.ShouldNotBeNull();
        var backup = gpt.Backup.ShouldNotBeNull();
        primary.FirstUsableLba.ShouldBe(print.FirstUsable);
        primary.LastUsableLba.ShouldBe(print.LastUsable);
        primary.PartitionEntryCount.ShouldBe((uint)print.EntryCount);
        primary.PartitionEntriesLba.ShouldBe(print.EntriesFirst);
        primary.PartitionArrayLastLba(table.SectorSize).ShouldBe(print.EntriesLast);
        primary.AlternateLba.ShouldBe(print.Sectors - 1);
        backup.MyLba.ShouldBe(print.Sectors - 1);

        table.ShouldMatchSgdiskPartitions(device, print);
    }

    /// <summary>The partitions alone (for a damaged disk, where sgdisk reads what copy it can).</summary>
    public static void ShouldMatchSgdiskPartitions(this PartitionTable table, string device, SgdiskPrint? print = null)
    {
        print ??= SgdiskPrint.Of(device);
        var gpt = table.Gpt.ShouldNotBeNull();
        table.Partitions.Select(p => p.Number).ShouldBe(print.Rows.Select(r => r.Number));
        foreach (var (p, row) in table.Partitions.Zip(print.Rows))
        {
            p.FirstLba.ShouldBe(row.Start);
            p.LastLba.ShouldBe(row.End);
            p.TypeCode.ShouldBe(row.Code);
            if (row.NameCut)
            {
                p.Name.ShouldStartWith(row.Name[..^3]);
            }
            else
            {
                p.Name.ShouldBe(row.Name);
            }

            var info = SgdiskPartitionInfo.Of(device, p.Number);
            p.TypeGuid.ShouldBe(info.TypeGuid);
            p.TypeName.ShouldBe(info.TypeName);
            p.UniqueGuid.ShouldBe(info.UniqueGuid);
            p.FirstLba.ShouldBe(info.First);
            p.LastLba.ShouldBe(info.Last);
            p.Name.ShouldBe(info.Name);
            p.LegacyBiosBootable.ShouldBe((info.Attributes & 4) != 0);
            gpt.Partitions.Single(e => e.Number == p.Number).Attributes.ShouldBe(info.Attributes);
        }
    }

    public static void ShouldMatchBlkid(this PartitionTable table, string device)
    {
        var blkid = BlkidExport.Probe(device);
        blkid["PTTYPE"].ShouldBe(table.BlkidType);
        blkid["PTUUID"].ShouldBe(table.DiskGuid?.ToLowerInvariant());
    }
}
