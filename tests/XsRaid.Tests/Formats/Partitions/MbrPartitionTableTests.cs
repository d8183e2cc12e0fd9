using XsRaid.Formats;
using XsRaid.Formats.Mbr;
using XsRaid.Formats.Partitions;
using XsRaid.Tests.Formats.Gpt;
using XsRaid.Tests.Formats.Mbr;
using XsRaid.Tests.Support;

namespace XsRaid.Tests.Formats.Partitions;

/// <summary>dos labels made by the real sfdisk, read as Mbr tables, compared with `sfdisk --json` and blkid.</summary>
public sealed class MbrPartitionTableTests
{
    [Fact]
    public void Dos_label_made_by_sfdisk_matches_sfdisk_json_and_blkid()
    {
        using var dir = new TempDir();
        var img = dir.SparseFile("dos.img", 64 * GptTestImages.MiB);
        Sfdisk.Apply(dir, img, """
            label: dos
            start=2048, size=20480, type=83, bootable
            size=20480, type=fd
            size=10240, type=82
            type=8e
            """);
        GptTestImages.WriteBootCode(img, PackageFile.SyslinuxMbr("mbr.bin"));

        var table = GptTestImages.ReadTable(img);
        var sfdisk = Sfdisk.Json(img);

        table.Type.ShouldBe(PartitionTableType.Mbr);
        sfdisk.Label.ShouldBe(table.BlkidType);
        ("0x" + table.DiskGuid).ShouldBe(sfdisk.Id);
        table.ShouldMatchBlkid(img);
        table.SectorSize.ShouldBe(sfdisk.SectorSize);
        table.Gpt.ShouldBeNull();
        table.Findings.ShouldBeEmpty();
        table.Mbr.BootCode.ShouldBe(BootCodeKind.SyslinuxMbr);
        table.Mbr.IsProtective.ShouldBeFalse();
        ShouldMatchSfdisk(table, sfdisk.Partitions);
    }

    [Fact]
    public void Logical_partitions_are_not_read_and_that_is_a_finding()
    {
        using var dir = new TempDir();
        var img = dir.SparseFile("ext.img", 64 * GptTestImages.MiB);
        Sfdisk.Apply(dir, img, """
            label: dos
            start=2048, size=20480, type=83
            start=22528, size=81920, type=5
            start=24576, size=10240, type=83
            start=36864, size=10240, type=82
            """);

        var table = GptTestImages.ReadTable(img);
        var sfdisk = Sfdisk.Json(img);

        var primaries = sfdisk.Partitions.Where(p => p.Number <= 4).ToList();
        sfdisk.Partitions.Count.ShouldBeGreaterThan(primaries.Count, "sfdisk lists the logical partitions too");
        ShouldMatchSfdisk(table, primaries);
        var extended = table.Partitions.Single(p => p.TypeCode == "05");
        table.Findings.ShouldContain($"MBR partition {extended.Number} is an extended partition (type 05): the logical partitions inside it are not read");
    }

    [Fact]
    public void Mbr_type_names_are_sfdisks()
    {
        var names = Sfdisk.TypeNames();

        foreach (var type in MbrTypes.KnownTypes)
        {
            MbrTypes.NameOf(type).ShouldBe(names[type], $"type {type:x2}");
        }
    }

    [Fact]
    public void A_sector_without_0x55AA_has_no_partitions_and_a_short_one_is_truncated()
    {
        using var dir = new TempDir();
        var img = dir.SparseFile("dos.img", 8 * GptTestImages.MiB);
        Sfdisk.Apply(dir, img, "label: dos\nstart=2048, type=83\n");
        var sector = File.ReadAllBytes(img).AsSpan(0, 512).ToArray();
        MasterBootRecordReader.Parse(sector).GetValueOrThrow().Partitions.Count.ShouldBe(Sfdisk.Json(img).Partitions.Count);

        sector[510] = 0;
        var unsigned = MasterBootRecordReader.Parse(sector).GetValueOrThrow();
        unsigned.HasBootSignature.ShouldBeFalse();
        unsigned.Partitions.ShouldBeEmpty();
        unsigned.IsProtective.ShouldBeFalse();

        MasterBootRecordReader.Parse(sector.AsSpan(0, 511)).Error!.Kind.ShouldBe(FormatErrorKind.Truncated);
    }

    private static void ShouldMatchSfdisk(PartitionTable table, IReadOnlyList<SfdiskPartition> expected)
    {
        var names = Sfdisk.TypeNames();
        table.Partitions.Select(p => p.Number).ShouldBe(expected.Select(p => p.Number));
        foreach (var (p, s) in table.Partitions.Zip(expected))
        {
            p.FirstLba.ShouldBe(s.Start);
            p.SizeLba.ShouldBe(s.Size);
            p.OffsetBytes(table.SectorSize).ShouldBe(s.Start * table.SectorSize);
            p.TypeCode.ShouldBe(s.Type.PadLeft(2, '0'));
            p.TypeName.ShouldBe(names[Convert.ToByte(s.Type, 16)]);
            p.LegacyBiosBootable.ShouldBe(s.Bootable);
            (p.TypeGuid, p.UniqueGuid, p.Name).ShouldBe((null, null, ""));
        }
    }
}
