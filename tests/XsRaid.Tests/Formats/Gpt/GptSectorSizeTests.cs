using XsRaid.Devices;
using XsRaid.Formats.Partitions;
using XsRaid.Tests.Support;

namespace XsRaid.Tests.Formats.Gpt;

/// <summary>
/// A GPT made by sgdisk on a loop device with 4096-byte logical sectors (losetup --sector-size 4096): LBAs are
/// counted in 4096-byte sectors, the primary header is at byte 4096.
/// </summary>
public sealed class GptSectorSizeTests
{
    [Fact]
    public void A_4096_byte_sector_gpt_matches_sgdisk_and_blkid()
    {
        using var dir = new TempDir();
        var img = dir.SparseFile("4k.img", 64 * GptTestImages.MiB);
        using var loop = LoopDevice.Attach(img, sectorSize: 4096);
        Tool.Run("sgdisk",
            "-n", "1:0:+16M", "-t", "1:0700", "-c", "1:root", "-A", "1:set:2",
            "-n", "2:0:+16M", "-t", "2:FD00", "-c", "2:raid",
            "-n", "3:0:0", "-t", "3:8E00", "-c", "3:sr", loop.Path);

        using var device = FileBlockSource.Open(loop.Path).GetValueOrThrow();
        device.LogicalSectorSize.ShouldBe(4096);
        var table = PartitionTableReader.Read(device).GetValueOrThrow();

        table.SectorSize.ShouldBe(4096);
        table.ShouldMatchSgdisk(loop.Path);
        table.ShouldMatchBlkid(loop.Path);
        table.Findings.ShouldBeEmpty();
        table.Gpt!.Primary!.Raw.Length.ShouldBe(4096);
        table.Partitions[0].OffsetBytes(table.SectorSize).ShouldBe(SgdiskPrint.Of(loop.Path).Rows[0].Start * 4096);

        var sameBytes = new MemoryBlockSource(File.ReadAllBytes(img), img, logicalSectorSize: 4096);
        PartitionTableReader.Read(sameBytes).GetValueOrThrow().Partitions.ShouldBe(table.Partitions);
    }
}
