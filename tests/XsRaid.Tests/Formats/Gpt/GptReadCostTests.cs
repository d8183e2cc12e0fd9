using XsRaid.Devices;
using XsRaid.Formats.Partitions;
using XsRaid.Tests.Support;

namespace XsRaid.Tests.Formats.Gpt;

/// <summary>The reader touches LBA 0-1, the two entry arrays and the last LBA: a 2 TiB disk costs a few tens of KiB.</summary>
public sealed class GptReadCostTests
{
    [Fact]
    public void A_2_TiB_sparse_sgdisk_image_is_read_with_a_few_tens_of_KiB()
    {
        using var dir = new TempDir();
        var img = dir.SparseFile("2tib.img", 2L * 1024 * 1024 * 1024 * 1024);
        Tool.Run("sgdisk", "-n", "1:0:+4G", "-t", "1:0700", "-A", "1:set:2", "-n", "2:0:+4G", "-t", "2:0700",
            "-n", "3:0:0", "-t", "3:8E00", img);

        using var file = FileBlockSource.Open(img).GetValueOrThrow();
        var counting = new CountingBlockSource(file);
        var table = PartitionTableReader.Read(counting).GetValueOrThrow();

        counting.BytesRead.ShouldBeLessThan(64 * 1024);
        counting.ReadCount.ShouldBeLessThanOrEqualTo(6);
        table.Findings.ShouldBeEmpty();
        table.ShouldMatchSgdisk(img);
        table.Gpt!.Backup!.MyLba.ShouldBe((file.Length / 512) - 1);
    }
}
