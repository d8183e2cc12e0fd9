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

    [Fact]
    public void TheSwapRelabelTurnsASwapAreaInUseOffAndLabelsItAndTheActivateStepTurnsItOnAgain()
    {
        // the lab's first XCP-ng conversion stopped here: swaplabel on the converted host's active md127p6 said
        // "failed to write label: Text file busy"; the same on a swap file in use (swapon needs root, as CI runs).
        // Then a swapon right after the relabel, outside systemd, left systemd's swap units hanging at the next
        // shutdown: the swap comes on again in its own step, once fstab names the label (here without systemd: swapon)
        using var dir = new TempDir();
        var swap = dir.File("swap.img");
        Tool.Run("dd", "if=/dev/zero", $"of={swap}", "bs=1M", "count=16", "status=none");
        Tool.Run("chmod", "0600", swap);
        Tool.Run("mkswap", "-L", "xsraid-tmp", swap);
        var relabel = Plan.Step("restore-label-swap");
        var activate = Plan.Step("activate-swap");
        string[] Bind(IEnumerable<string> argv) => [.. argv.Select(a => a == "/dev/md127p6" ? swap : a)];

        var ids = Plan.Steps.Select(s => s.Id).ToList();
        ids.IndexOf("activate-swap").ShouldBeGreaterThan(ids.IndexOf("restore-fstab"), "on again only once fstab names the label");
        Run(Bind(relabel.Verify!.Command.Argv)).ExitCode.ShouldBe(1, "still the temporary label");
        Tool.Run("swapon", swap);
        try
        {
            Tool.Run("swaplabel", ["-L", "swap-qkvmzt", swap], check: false).Stderr.ShouldContain("busy", customMessage: "what the plain swaplabel did");
            Run(Bind(activate.DoneWhen!.Command.Argv)).ExitCode.ShouldBe(0, "on before");
            var done = Run(Bind(relabel.Commands[0].Argv));
            done.ExitCode.ShouldBe(0, done.Stderr);
            Run(Bind(relabel.Verify!.Command.Argv)).ExitCode.ShouldBe(0, "labelled swap-qkvmzt");
            File.ReadAllText("/proc/swaps").ShouldNotContain(swap, customMessage: "off after the relabel");
            Run(Bind(activate.DoneWhen!.Command.Argv)).ExitCode.ShouldBe(1, "so activate-swap is not done");
            var on = Run(Bind(activate.Commands[0].Argv));
            on.ExitCode.ShouldBe(0, on.Stderr);
            File.ReadAllText("/proc/swaps").ShouldContain(swap, customMessage: "in use again after activate-swap");
            Run(Bind(activate.Verify!.Command.Argv)).ExitCode.ShouldBe(0);
        }
        finally
        {
            Tool.Run("swapoff", [swap], check: false);
        }

        Tool.Run("swaplabel", "-L", "xsraid-tmp", swap);
        Run(Bind(relabel.Commands[0].Argv)).ExitCode.ShouldBe(0, "a swap area not in use is only labelled");
        File.ReadAllText("/proc/swaps").ShouldNotContain(swap, customMessage: "and stays off");
        Run(Bind(relabel.Verify!.Command.Argv)).ExitCode.ShouldBe(0);
    }

    [Fact]
    public void TheLabelCheckSeesANewLabelOnAMountedFilesystemAtOnce()
    {
        // the lab's XCP-ng conversion stopped at restore-label-logs: e2label on the mounted /var/log (md127p5) had
        // written logs-XXXXXX, but the check, run within a second of the step's own done-check, got the old label
        // from blkid's cache (a probe younger than 2 s is trusted). The same on a mounted ext3 loop device.
        using var dir = new TempDir();
        var image = dir.SparseFile("logs.img", 16L << 20);
        Tool.Run("mkfs.ext3", "-q", "-L", "xsraid-tmp", image);
        using var loop = LoopDevice.Attach(image);
        var mount = Directory.CreateDirectory(dir.File("mnt")).FullName;
        Tool.Run("mount", loop.Path, mount);
        try
        {
            var step = Plan.Step("restore-label-logs");
            string[] Bind(IEnumerable<string> argv) => [.. argv.Select(a => a == "/dev/md127p5" ? loop.Path : a)];

            Run(Bind(step.Verify!.Command.Argv)).ExitCode.ShouldBe(1, "still the temporary label");
            Tool.Run("blkid", ["-o", "value", "-s", "LABEL", loop.Path]).Stdout.Trim().ShouldBe("xsraid-tmp", "now in blkid's cache");
            Run(Bind(step.Commands[0].Argv)).ExitCode.ShouldBe(0);
            Run(Bind(step.Verify!.Command.Argv)).ExitCode.ShouldBe(0, "the check reads the device, not the cache (a plain blkid here still says xsraid-tmp)");
        }
        finally
        {
            Tool.Run("umount", [mount], check: false);
        }
    }

    [Fact]
    public void AfterTheRelabelUdevIsToldToProbeThatDeviceAgainAndAFailingUdevadmDoesNotFailTheStep()
    {
        // the lab's converted XCP-ng host had logs-XXXXXX on md127p5 but udev still had the temporary label (it does
        // not re-read an md device after a write): no /dev/disk/by-label link for the label fstab names
        using var dir = new TempDir();
        var bin = Directory.CreateDirectory(dir.File("bin")).FullName;
        var calls = dir.File("udevadm.calls");
        var udevadm = Path.Combine(bin, "udevadm");
        File.WriteAllText(udevadm, $"#!/bin/sh\necho \"$*\" >> '{calls}'\nexit \"${{UDEVADM_EXIT:-0}}\"\n");
        Tool.Run("chmod", "0755", udevadm);
        var link = dir.File("by-label-link");
        File.CreateSymbolicLink(link, "/dev/md127p5");
        var step = Plan.Step("restore-label-logs");
        var tell = step.Commands[1].Argv.Select(a => a == "/dev/md127p5" ? link : a).ToArray();
        var path = bin + ":" + Environment.GetEnvironmentVariable("PATH");

        Tool.Run(tell[0], tell.Skip(1), check: false, env: new Dictionary<string, string> { ["PATH"] = path }).ExitCode.ShouldBe(0);
        File.ReadAllText(calls).ShouldBe("trigger --action=change --subsystem-match=block --sysname-match=md127p5\nsettle --timeout=60\n",
            "a change event for the device the path resolves to, then the wait for udev to have handled it");

        File.Delete(calls);
        Tool.Run(tell[0], tell.Skip(1), check: false, env: new Dictionary<string, string> { ["PATH"] = path, ["UDEVADM_EXIT"] = "1" })
            .ExitCode.ShouldBe(0, "best effort: the label is on the device and checked there");
        File.ReadAllText(calls).ShouldBe("trigger --action=change --subsystem-match=block --sysname-match=md127p5\n", "no settle after a failed trigger");
    }

    [Fact]
    public void TheWipeChecksHoldForAWipedDiskAndForAWholeDiskMemberThatShowsTheArraysTable()
    {
        // resumed after the join, the old disk (metadata 1.0 at its end) starts with the array's own GPT: the lab's
        // first XCP-ng conversion stopped there with "has no partition table" failing
        using var dir = new TempDir();
        var disk = dir.SparseFile("sda.img", 64L << 20);
        Tool.Run("sgdisk", "-n", "1:2048:+8M", disk);
        // mdadm --detail as the md driver prints it for a whole-disk member (a real capture, the member renamed to this image)
        var bin = Directory.CreateDirectory(dir.File("bin")).FullName;
        var detail = File.ReadAllText(Fixtures.PathOf("md/detail-snapshots/raid1-clean-and-raid1-degraded-bitmap--md21.txt")).Replace("/dev/sdt", disk, StringComparison.Ordinal);
        File.WriteAllText(dir.File("detail.txt"), detail);
        File.WriteAllText(Path.Combine(bin, "mdadm"), $"#!/bin/sh\n[ \"$2\" = /dev/md127 ] && cat '{dir.File("detail.txt")}' && exit 0\nexit 1\n");
        Tool.Run("chmod", "0755", Path.Combine(bin, "mdadm"));
        var env = new Dictionary<string, string> { ["PATH"] = bin + ":" + Environment.GetEnvironmentVariable("PATH") };
        var step = Plan.Step("wipe-source");
        string[] Check(string array) => [.. step.Verify!.Command.Argv.Select(a => a == "/dev/sda" ? disk : a == "/dev/md127" ? array : a)];
        int Holds(string array) => Tool.Run("sh", Check(array).Skip(1), check: false, env: env).ExitCode;

        Holds("/dev/md9").ShouldBe(1, "a table of its own and no member of the array");
        Holds("/dev/md127").ShouldBe(0, "a member of md127: its table is the array's");
        Tool.Run("sgdisk", "--zap-all", disk);
        Holds("/dev/md9").ShouldBe(0, "wiped");
    }

    private static Tool.Result Run(string[] argv) => Tool.Run(argv[0], argv.Skip(1), check: false);
}
