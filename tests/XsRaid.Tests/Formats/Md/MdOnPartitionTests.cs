using XsRaid.Devices;
using XsRaid.Formats;
using XsRaid.Formats.Md;
using XsRaid.Tests.Support;

namespace XsRaid.Tests.Formats.Md;

/// <summary>
/// meta10-on-partition: a 1.0 member inside GPT partition 1 of a whole-disk image. The partition is cut out
/// at the place sgdisk printed for it; the superblock is found there, and not on the whole disk.
/// </summary>
public class MdOnPartitionTests
{
    private const string Case = "meta10-on-partition";

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void FindsTheMemberInPartitionOneOfTheDisk(int index)
    {
        using var disk = new MdFixtureImage($"md/{Case}/disk-{index}.img.gz");
        var print = SgdiskPrintText.Parse(Fixtures.Text($"md/{Case}/sgdisk-p-{index}.txt"));
        var partition = print.Number(1);
        var start = partition.StartSector * print.LogicalSectorSize;
        var length = partition.SectorCount * print.LogicalSectorSize;

        var sb = MdSuperblockReader.Find(disk.Source.Slice(start, length, $"disk-{index} partition 1")).GetValueOrThrow();

        sb.ShouldMatchExamine(MdadmExamineText.Parse(Fixtures.Text($"md/{Case}/examine-{index}.txt")));
        sb.ShouldMatchExport(KeyValueText.Parse(Fixtures.Text($"md/{Case}/examine-export-{index}.txt")));
        sb.ShouldMatchBlkid(KeyValueText.Parse(Fixtures.Text($"md/{Case}/blkid-p-export-{index}.txt")));

        var entry = FixturePlacementTable.Read(Fixtures.Text("README.md")).Single(e => e.Case == Case && e.File == $"disk-{index}");
        (start + sb.SuperblockOffset).ShouldBe(entry.SuperblockOffset);
        sb.Events.ShouldBe(entry.Events);

        // The same bytes, cut into a file of their own, for the live tools; they are the member image too.
        using var dir = new TempDir();
        var cut = dir.File("partition-1.img");
        File.WriteAllBytes(cut, disk.Bytes.AsSpan((int)start, (int)length).ToArray());
        File.ReadAllBytes(cut).AsSpan().SequenceEqual(Fixtures.Gunzip($"md/{Case}/member-{index}.img.gz")).ShouldBeTrue();
        sb.ShouldMatchExamine(MdadmLive.Examine(cut));
        sb.ShouldMatchExport(MdadmLive.ExamineExport(cut));
        sb.ShouldMatchBlkid(MdadmLive.Blkid(cut));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void TheWholeDiskHasNoSuperblockOfItsOwn(int index)
    {
        using var disk = new MdFixtureImage($"md/{Case}/disk-{index}.img.gz");
        var found = MdSuperblockReader.Find(disk.Source);
        found.IsOk.ShouldBeFalse();
        found.Error.Kind.ShouldBe(FormatErrorKind.NotPresent);
        MdSuperblockReader.FindAll(disk.Source).ShouldBeEmpty();

        // blkid (captured on the guest) saw only a GPT there; mdadm run now sees no md magic either.
        var blkid = KeyValueText.Parse(Fixtures.Text($"md/{Case}/blkid-p-export-disk-{index}.txt"));
        blkid["PTTYPE"].ShouldBe("gpt");
        blkid.ShouldNotContainKey("TYPE");
        MdadmLive.Examine(disk.Path).Has("Magic").ShouldBeFalse();
    }
}
