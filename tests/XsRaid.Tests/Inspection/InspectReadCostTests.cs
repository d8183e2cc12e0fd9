using XsRaid.Devices;
using XsRaid.Inspection;
using XsRaid.Tests.Support;

namespace XsRaid.Tests.Inspection;

/// <summary>Inspecting a disk reads only the ends of the disk and of each partition, never the whole disk.</summary>
public sealed class InspectReadCostTests
{
    [Fact]
    public void TwoTebibyteSparseImageCostsAFewHundredKilobytes()
    {
        using var dir = new TempDir();
        var path = dir.SparseFile("big.img", 2L << 40);
        Tool.Run("sgdisk", "-n", "1:0:+4G", "-t", "1:0700", "-A", "1:set:2", "-n", "2:0:+4G", "-t", "2:0700", "-n", "3:0:0", "-t", "3:8E00", path);
        Tool.Run("mke2fs", "-q", "-F", "-t", "ext3", "-L", "root-bigdiskx", "-E", "offset=1048576", path, "4194304k");

        using var file = FileBlockSource.Open(path).GetValueOrThrow();
        var counting = new CountingBlockSource(file);
        var report = DiskInspector.Inspect(counting).GetValueOrThrow();

        report.PartitionTable.Partitions.Count.ShouldBe(3);
        report.PartitionTable.Partitions[0].Content.Label.ShouldBe("root-bigdiskx");
        report.PartitionTable.Partitions[2].SizeBytes.ShouldBeGreaterThan(1L << 40);
        counting.BytesRead.ShouldBeLessThan(1024 * 1024, $"{counting.BytesRead} bytes in {counting.ReadCount} reads");
    }
}
