using XsRaid.Devices;
using XsRaid.Formats;
using XsRaid.Formats.Partitions;
using XsRaid.Tests.Formats.Gpt;
using XsRaid.Tests.Support;

namespace XsRaid.Tests.Formats.Partitions;

/// <summary>The uniform view, and the three ways a disk can fail to have a usable table.</summary>
public sealed class PartitionTableReaderTests
{
    [Fact]
    public void Gpt_partitions_in_the_uniform_view_have_sgdisks_offsets_and_sizes()
    {
        using var dir = new TempDir();
        var img = GptTestImages.XenServerPattern(dir);

        var table = GptTestImages.ReadTable(img);
        var print = SgdiskPrint.Of(img);

        table.ShouldMatchSgdisk(img);
        foreach (var (p, row) in table.Partitions.Zip(print.Rows))
        {
            p.OffsetBytes(print.SectorSize).ShouldBe(row.Start * print.SectorSize);
            p.SizeBytes(print.SectorSize).ShouldBe((row.End - row.Start + 1) * print.SectorSize);
            p.SizeLba.ShouldBe(row.End - row.Start + 1);
        }
    }

    [Fact]
    public void A_blank_disk_has_no_table_as_for_blkid()
    {
        using var dir = new TempDir();
        var img = dir.SparseFile("blank.img", GptTestImages.MiB);

        var result = Read(img);

        result.Error!.Kind.ShouldBe(FormatErrorKind.NotPresent);
        var blkid = Tool.Run("blkid", ["-p", "-o", "export", img], check: false);
        blkid.Stdout.ShouldNotContain("PTTYPE");
    }

    [Fact]
    public void A_0x55AA_sector_whose_status_bytes_are_not_0_or_0x80_is_no_table_as_for_blkid()
    {
        using var dir = new TempDir();
        var img = dir.SparseFile("boot-sector.img", 8 * GptTestImages.MiB);
        Sfdisk.Apply(dir, img, "label: dos\nstart=2048, type=83\n");
        BlkidExport.Probe(img)["PTTYPE"].ShouldBe("dos");
        ImageBytes.WriteByte(img, 446, 0x12); // status byte of record 1

        var result = Read(img);

        result.Error!.Kind.ShouldBe(FormatErrorKind.NotPresent);
        Tool.Run("blkid", ["-p", "-o", "export", img], check: false).Stdout.ShouldNotContain("PTTYPE");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    [InlineData(511)]
    public void A_device_smaller_than_a_sector_is_truncated(int length)
    {
        var result = PartitionTableReader.Read(new MemoryBlockSource(new byte[length]));

        result.Error!.Kind.ShouldBe(FormatErrorKind.Truncated);
    }

    [Fact]
    public void A_protective_mbr_alone_is_truncated_and_with_garbage_after_it_is_corrupt()
    {
        using var dir = new TempDir();
        var img = GptTestImages.XenServerPattern(dir);
        var bytes = File.ReadAllBytes(img);

        PartitionTableReader.Read(new MemoryBlockSource(bytes.AsMemory(0, 512))).Error!.Kind.ShouldBe(FormatErrorKind.Truncated);

        var garbage = bytes.AsSpan(0, 64 * 1024).ToArray();
        new Random(7).NextBytes(garbage.AsSpan(512));
        var corrupt = PartitionTableReader.Read(new MemoryBlockSource(garbage));
        corrupt.Error!.Kind.ShouldBe(FormatErrorKind.Corrupt);
        corrupt.Error.Problem.ShouldContain("sector 0 claims a GPT");
    }

    private static ReadResult<PartitionTable> Read(string img)
    {
        using var source = FileBlockSource.Open(img).GetValueOrThrow();
        return PartitionTableReader.Read(source);
    }
}
