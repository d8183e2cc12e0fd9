using XsRaid.Formats.Gpt;
using XsRaid.Formats.Mbr;
using XsRaid.Tests.Support;

namespace XsRaid.Tests.Formats.Gpt;

/// <summary>GPTs made by sgdisk, read by xsraid, every field compared with sgdisk's and blkid's own output.</summary>
public sealed class GptReaderToolTests
{
    [Fact]
    public void XenServer_65_layout_matches_sgdisk_and_blkid()
    {
        using var dir = new TempDir();
        var img = GptTestImages.XenServerPattern(dir);

        var table = GptTestImages.ReadTable(img);

        table.ShouldMatchSgdisk(img);
        table.ShouldMatchBlkid(img);
        SgdiskVerification.Of(img).NoProblems.ShouldBeTrue();
        table.Findings.ShouldBeEmpty();
        table.Gpt!.Integrity.AllValid.ShouldBeTrue();
        table.Gpt.ReadFromBackup.ShouldBeFalse();
        table.Mbr.IsProtective.ShouldBeTrue();
        table.Mbr.BootCode.ShouldBe(BootCodeKind.SyslinuxGptMbr);
        table.Partitions.Count(p => p.LegacyBiosBootable).ShouldBe(1, "only -A 1:set:2 was given to sgdisk");
    }

    [Fact]
    public void Every_type_and_non_ascii_name_matches_sgdisk_and_blkid()
    {
        using var dir = new TempDir();
        var img = GptTestImages.AllTypes(dir);

        var table = GptTestImages.ReadTable(img);

        table.ShouldMatchSgdisk(img);
        table.ShouldMatchBlkid(img);
        table.Findings.ShouldBeEmpty();
        table.Mbr.BootCode.ShouldBe(BootCodeKind.Zeroed, "sgdisk writes no boot code");
    }

    [Fact]
    public void Backup_header_describes_the_same_table_as_the_primary()
    {
        using var dir = new TempDir();
        var img = GptTestImages.AllTypes(dir);

        var table = GptTestImages.ReadTable(img);
        var gpt = table.Gpt!;
        var (p, b) = (gpt.Primary!, gpt.Backup!);

        b.DiskGuid.ShouldBe(p.DiskGuid);
        b.AlternateLba.ShouldBe(p.MyLba);
        (b.FirstUsableLba, b.LastUsableLba).ShouldBe((p.FirstUsableLba, p.LastUsableLba));
        (b.PartitionEntryCount, b.PartitionEntrySize, b.PartitionEntriesCrc32)
            .ShouldBe((p.PartitionEntryCount, p.PartitionEntrySize, p.PartitionEntriesCrc32));
        b.PartitionEntriesLba.ShouldBe(p.LastUsableLba + 1);
        b.PartitionArrayLastLba(table.SectorSize).ShouldBe(b.MyLba - 1);
    }

    [Fact]
    public void A_name_outside_the_BMP_is_decoded_from_its_surrogate_pair()
    {
        // sgdisk 1.0.9 writes the UTF-16 surrogate pair correctly but prints it as replacement characters, so
        // the reference here is the name sgdisk was asked to write.
        const string name = "\U0001D11E clef";
        using var dir = new TempDir();
        var img = dir.SparseFile("nonbmp.img", GptTestImages.MiB * 4);
        Tool.Run("sgdisk", "-n", "1:0:0", "-c", $"1:{name}", img);

        GptTestImages.ReadTable(img).Partitions.Single().Name.ShouldBe(name);
    }
}
