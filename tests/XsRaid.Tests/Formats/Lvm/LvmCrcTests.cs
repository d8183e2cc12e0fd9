using XsRaid.Formats.Lvm;
using XsRaid.Tests.Support;

namespace XsRaid.Tests.Formats.Lvm;

public sealed class LvmCrcTests
{
    [Fact]
    public void Is_the_reflected_crc32_register_without_its_inversions()
    {
        // LVM's CRC is the usual CRC-32 register update: so from ~0, with the final inversion, it is CRC-32.
        var data = Enumerable.Range(0, 300).Select(i => (byte)(i * 7 + 3)).ToArray();

        (~LvmCrc.Update(~0u, data)).ShouldBe(System.IO.Hashing.Crc32.HashToUInt32(data));
    }

    [Fact]
    public void Update_in_pieces_equals_compute()
    {
        var data = Enumerable.Range(0, 64).Select(i => (byte)(i * 13)).ToArray();

        LvmCrc.Update(LvmCrc.Update(LvmCrc.Initial, data.AsSpan(0, 20)), data.AsSpan(20)).ShouldBe(LvmCrc.Compute(data));
    }

    [Fact]
    public void Matches_the_label_crc_pvcreate_wrote_and_pvck_prints()
    {
        using var dir = new TempDir();
        var image = dir.SparseFile("pv.img", 16L * 1024 * 1024);
        using var lvm = new LvmOnLoop(image);
        lvm.PvCreate();
        var label = File.ReadAllBytes(image).AsSpan(512, 512);

        LvmCrc.Compute(label[20..]).ShouldBe((uint)lvm.DumpHeaders().Number("label_header.crc"));
    }
}
