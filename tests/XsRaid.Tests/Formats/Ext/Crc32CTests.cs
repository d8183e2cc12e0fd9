using System.Text;
using XsRaid.Formats.Ext;
using XsRaid.Tests.Support;

namespace XsRaid.Tests.Formats.Ext;

public sealed class Crc32CTests
{
    [Fact]
    public void Standard_check_value_of_the_castagnoli_crc()
    {
        // The catalogue check value of CRC-32C ("123456789"), the one published with the algorithm.
        Crc32C.Compute(Encoding.ASCII.GetBytes("123456789")).ShouldBe(0xE3069283u);
    }

    [Fact]
    public void Update_in_pieces_equals_update_at_once_for_every_split()
    {
        var data = Enumerable.Range(0, 77).Select(i => (byte)(i * 37)).ToArray();
        var whole = Crc32C.Update(~0u, data);
        for (var split = 0; split <= data.Length; split++)
        {
            Crc32C.Update(Crc32C.Update(~0u, data.AsSpan(0, split)), data.AsSpan(split)).ShouldBe(whole);
        }
    }

    [Fact]
    public void Matches_the_superblock_checksum_mke2fs_wrote_and_dumpe2fs_prints()
    {
        using var dir = new TempDir();
        var image = ExtImage.Make(dir, "fs.img", ExtImage.DefaultBytes, "-t", "ext4", "-O", "metadata_csum");
        var sb = ExtImage.Head(image).AsSpan(ExtSuperblockReader.Offset, ExtSuperblockReader.Size);

        Crc32C.Update(~0u, sb[..1020]).ShouldBe(Convert.ToUInt32(DumpE2fsHeader.Of(image)["Checksum"], 16));
    }
}
