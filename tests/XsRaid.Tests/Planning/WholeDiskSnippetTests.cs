using XsRaid.Planning;
using XsRaid.Platforms.Bootloaders;
using XsRaid.Tests.Support;

namespace XsRaid.Tests.Planning;

/// <summary>
/// The whole-disk plan's own commands and checks run with the real tools on image files: the GPT written inside the
/// array (sgdisk) against its check, GRUB's grubenv (grub-editenv reads what the arm step writes), boot.img's check.
/// </summary>
public sealed class WholeDiskSnippetTests
{
    private static readonly ConversionPlan Plan = SampleHost.Load("xcp-ng-8.2-bios-nosr").Plan(createSr: true).Plan!;

    [Fact]
    public void ThePartitionStepWritesTheTableItsCheckAcceptsOnAnArraySizedImage()
    {
        using var dir = new TempDir();
        // md127 on a 500 GB target: the disk less what metadata 1.0 and the bitmap keep (about 140 KiB; here 1 MiB).
        var md = dir.SparseFile("md127.img", (976773168L * 512) - (1L << 20));
        var step = Plan.Step("partition-md127");
        var check = step.Verify!.Command.Argv.Select(a => a == "/dev/md127" ? md : a).ToArray();

        Run(check).ExitCode.ShouldBe(1, "a blank array has no table yet");
        Tool.Run("sgdisk", step.Commands[0].Argv.Skip(1).Select(a => a == "/dev/md127" ? md : a));

        Run(check).ExitCode.ShouldBe(0);
        var attributes = Tool.Run("sgdisk", "--attributes=3:show", md).Stdout;
        attributes.ShouldContain("3:2:1", customMessage: "the BIOS boot partition keeps its legacy-BIOS-bootable bit");
        var sr = Tool.Run("sgdisk", "-i", "4", md).Stdout;
        sr.ShouldContain("E6D6D379-F507-44C2-A23C-238F2A3DF928", customMessage: "the SR partition has the installer's LVM type");
        sr.ShouldContain($"Last sector: {((976773168L * 512) - (1L << 20)) / 512 - 34} ", customMessage: "it ends at the array's last usable sector");
    }

    [Fact]
    public void TheArmStepWritesAGrubenvThatGrubEditenvReadsAndTheCheckSeesArmed()
    {
        using var dir = new TempDir();
        var env = dir.File("grubenv");
        var holds = new[] { "sh", "-c", Grub2Bios.GrubenvHolds, "sh", env, "override_entry=5" };

        Run(holds).ExitCode.ShouldBe(2, "no grubenv: unknown");
        Run(["sh", "-c", Grub2Bios.WriteGrubenv, "sh", env, "override_entry=5"]).ExitCode.ShouldBe(0);

        new FileInfo(env).Length.ShouldBe(1024);
        Tool.Run("grub-editenv", env, "list").Stdout.ShouldBe("override_entry=5\n");
        Run(holds).ExitCode.ShouldBe(0);
        Tool.Run("grub-editenv", env, "unset", "override_entry");
        Run(holds).ExitCode.ShouldBe(1, "unset, as the entry's unset + save_env leaves it at boot, it is disarmed");
    }

    [Fact]
    public void TheBootCodeCheckTellsGrubsBootImgFromZeros()
    {
        using var dir = new TempDir();
        var disk = dir.SparseFile("disk.img", 1L << 20);
        var check = new[] { "sh", "-c", Grub2Bios.HasBootImg, "sh", disk };

        Run(check).ExitCode.ShouldBe(1);
        Tool.Run("dd", $"if={Tool.Require("boot.img")}", $"of={disk}", "bs=440", "count=1", "conv=notrunc");

        Run(check).ExitCode.ShouldBe(0);
    }

    private static Tool.Result Run(string[] argv) => Tool.Run(argv[0], argv.Skip(1), check: false);
}
