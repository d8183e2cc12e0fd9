using XsRaid.Formats.Mbr;
using XsRaid.Tests.Formats.Gpt;
using XsRaid.Tests.Support;

namespace XsRaid.Tests.Formats.Mbr;

/// <summary>GRUB 2's boot.img as the real grub-bios-setup installs it: patched, and still identified.</summary>
public sealed class GrubBootCodeTests
{
    [Fact]
    public void Boot_img_patched_by_grub_bios_setup_is_identified_and_the_gpt_is_intact()
    {
        using var dir = new TempDir();
        var img = dir.SparseFile("grub.img", 64 * GptTestImages.MiB);
        Tool.Run("sgdisk", "-n", "1:0:+1M", "-t", "1:EF02", "-n", "2:0:0", "-t", "2:8300", img);

        GrubSetup.Install(dir, img);

        var table = GptTestImages.ReadTable(img);
        var installed = table.Mbr.Raw.ToArray();
        var pristine = File.ReadAllBytes(PackageFile.GrubBootImg);
        installed.AsSpan(0x5C, 8).SequenceEqual(pristine.AsSpan(0x5C, 8)).ShouldBeFalse("grub-bios-setup wrote the core.img sector");
        BitConverter.ToInt64(installed, 0x5C).ShouldBe(table.Find(1)!.FirstLba, "core.img goes to the BIOS boot partition");
        table.Mbr.BootCode.ShouldBe(BootCodeKind.Grub2BootImg);
        table.Mbr.IsProtective.ShouldBeTrue();
        table.ShouldMatchSgdisk(img);
        table.Findings.ShouldBeEmpty();
    }
}
