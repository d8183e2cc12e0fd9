using XsRaid.Formats.Mbr;

namespace XsRaid.Tests.Formats.Mbr;

/// <summary>The boot-code images shipped by syslinux-common and grub-pc-bin, as they are installed (440 bytes copied).</summary>
public sealed class BootCodeIdentifierTests
{
    [Theory]
    [InlineData("gptmbr.bin", BootCodeKind.SyslinuxGptMbr)]
    [InlineData("extra/gptmbr_c.bin", BootCodeKind.SyslinuxGptMbr)]
    [InlineData("extra/gptmbr_f.bin", BootCodeKind.SyslinuxGptMbr)]
    [InlineData("mbr.bin", BootCodeKind.SyslinuxMbr)]
    [InlineData("extra/mbr_c.bin", BootCodeKind.SyslinuxMbr)]
    [InlineData("extra/mbr_f.bin", BootCodeKind.SyslinuxMbr)]
    public void Syslinux_boot_code_files_are_identified(string file, BootCodeKind expected)
    {
        var code = File.ReadAllBytes(PackageFile.SyslinuxMbr(file));

        BootCodeIdentifier.Identify(code).ShouldBe(expected);
    }

    [Fact]
    public void Unpatched_grub2_boot_img_is_identified()
    {
        var bootImg = File.ReadAllBytes(PackageFile.GrubBootImg);

        BootCodeIdentifier.Identify(bootImg).ShouldBe(BootCodeKind.Grub2BootImg);
        BootCodeIdentifier.Identify(bootImg.AsSpan(0, BootCodeIdentifier.BootCodeLength)).ShouldBe(BootCodeKind.Grub2BootImg);
    }

    [Fact]
    public void Zeroes_are_Zeroed_whatever_follows_byte_440()
    {
        var sector = new byte[512];
        sector[440] = 0x12;
        sector[510] = 0x55;
        sector[511] = 0xAA;

        BootCodeIdentifier.Identify(sector).ShouldBe(BootCodeKind.Zeroed);
    }

    [Fact]
    public void Random_bytes_and_short_spans_are_Unknown()
    {
        var random = new Random(440);
        var code = new byte[440];
        for (var i = 0; i < 1000; i++)
        {
            random.NextBytes(code);
            BootCodeIdentifier.Identify(code).ShouldBe(BootCodeKind.Unknown);
        }

        BootCodeIdentifier.Identify(new byte[439]).ShouldBe(BootCodeKind.Unknown);
        BootCodeIdentifier.Identify([]).ShouldBe(BootCodeKind.Unknown);
    }

    [Fact]
    public void Gptmbr_without_its_GPT_handover_is_not_taken_for_gptmbr()
    {
        var code = File.ReadAllBytes(PackageFile.SyslinuxMbr("gptmbr.bin"));
        var handover = code.AsSpan().IndexOf("!GPT"u8);
        handover.ShouldBeGreaterThan(0);
        code[handover] = (byte)'?';

        BootCodeIdentifier.Identify(code).ShouldBe(BootCodeKind.Unknown);
    }

    [Fact]
    public void A_syslinux_mbr_with_a_damaged_prologue_is_Unknown()
    {
        var mbr = File.ReadAllBytes(PackageFile.SyslinuxMbr("mbr.bin"));
        var gptmbr = File.ReadAllBytes(PackageFile.SyslinuxMbr("gptmbr.bin"));
        mbr.AsSpan(0, 31).SequenceEqual(gptmbr.AsSpan(0, 31)).ShouldBeTrue("both start with the same relocation code");

        mbr[0] ^= 0xFF;
        BootCodeIdentifier.Identify(mbr).ShouldBe(BootCodeKind.Unknown);
    }
}
